import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../lib/messaging/client';
import type { DeckSummary } from '../../lib/messaging/types';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { routeHref, useRoute, type Route } from './catalogue/route';
import { useFocusHeadingOnMove } from './shell/focus';
import { SECTIONS, sectionOf, type NavCounts } from './shell/sections';
import './shell/shell.css';

interface Props {
  call: Client;
  /** Subscribes to "data changed" pushes; returns an unsubscribe function. */
  onChanged: (listener: () => void) => () => void;
  confirm: (text: string) => boolean;
}

interface Data {
  decks: DeckSummary[];
  counts: NavCounts;
}

/**
 * Where a route leads: its section, or (for a route that names nothing, or an editor without
 * its id) the place to go instead, so no address shows an empty page.
 */
function resolve(route: Route): { section: (typeof SECTIONS)[number]; redirect?: Route } {
  const section = sectionOf(route.view);
  if (!section) return { section: SECTIONS[0], redirect: { view: SECTIONS[0].id } };
  if (section.id !== route.view && !route.id) return { section, redirect: { view: section.id } };
  return { section };
}

/**
 * The full-tab studio: a navigation landmark with one section per job (./shell/sections.tsx),
 * each its own route in the URL hash, so the back button and deep links work.
 */
export function StudioApp({ call, onChanged, confirm }: Props) {
  const { t } = useTranslation();
  const [route] = useRoute();
  const [data, setData] = useState<Data | null>(null);
  const [error, setError] = useState<string>();
  const [notice, setNotice] = useState<string>();
  const [revision, setRevision] = useState(0);
  const { section, redirect } = resolve(route);
  const main = useRef<HTMLElement>(null);

  const load = useCallback(async () => {
    try {
      const [decks, trash] = await Promise.all([call('deck.list', {}), call('trash.list', {})]);
      setData({ decks, counts: { trash: trash.length } });
      setError(undefined);
      // Sections load their own data; the sessions area reloads when this goes up.
      setRevision((r) => r + 1);
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }, [call]);

  useEffect(() => {
    void load();
    return onChanged(() => void load());
  }, [load, onChanged]);

  // An address that names nothing is replaced (not added to history) by the section it falls to.
  const redirectTo = redirect && routeHref(redirect);
  useEffect(() => {
    if (!redirectTo) return;
    history.replaceState(history.state, '', redirectTo);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, [redirectTo]);

  useFocusHeadingOnMove(main, section.id);

  async function removeDemo() {
    if (!confirm(t('studio.removeDemoConfirm'))) return;
    try {
      await call('demo.remove', {});
      setNotice(t('studio.demoRemoved'));
      await load();
    } catch (err) {
      setError((err as { code?: string }).code ?? 'internal');
    }
  }

  return (
    <div className="studio">
      <header className="studio-bar">
        <h1>{t('studio.title')}</h1>
        <LanguageSwitch className="studio-language" />
      </header>
      <div className="studio-body">
        <nav className="studio-nav no-print" aria-label={t('nav.label')}>
          <ul>
            {SECTIONS.map((s) => (
              <li key={s.id}>
                <a href={routeHref({ view: s.id })} aria-current={s.id === section.id ? 'page' : undefined} data-section={s.id}>
                  {t(`nav.${s.id}`, s.count ? { count: data ? s.count(data.counts) : 0 } : {})}
                </a>
              </li>
            ))}
          </ul>
        </nav>
        <main ref={main} data-section={section.id}>
          {error && (
            <p role="alert" className="error">
              {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
            </p>
          )}
          {notice && <p role="status">{notice}</p>}
          {!data ? (
            <p role="status">{t('common.loading')}</p>
          ) : (
            <>
              {section.demoNotice && data.decks.some((d) => d.demo) && (
                <p className="demo-notice no-print">
                  {t('nav.demoNotice')}{' '}
                  <button type="button" onClick={() => void removeDemo()}>
                    {t('studio.removeDemo')}
                  </button>
                </p>
              )}
              {section.render({ call, onChanged, confirm, revision })}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
