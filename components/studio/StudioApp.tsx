import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Client } from '../../lib/messaging/client';
import { LanguageSwitch } from '../common/LanguageSwitch';
import type { OnChanged } from './changes';
import { useProducerLists } from './producer/data';
import { routeHref, useRoute, type Route } from './producer/route';
import { useFocusHeadingOnMove } from './shell/focus';
import { SECTIONS, sectionOf } from './shell/sections';
import type { DownloadsPermission } from './settings/SafetySettings';
import './shell/shell.css';

interface Props {
  call: Client;
  /** Subscribes to "data changed" pushes (./changes.ts); returns an unsubscribe function. */
  onChanged: OnChanged;
  confirm: (text: string) => boolean;
  /** The optional `downloads` permission, for the automatic copy of each show's log (issue 22). */
  downloads?: DownloadsPermission;
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
export function StudioApp({ call, onChanged, confirm, downloads }: Props) {
  const { t } = useTranslation();
  const [route] = useRoute();
  // The producer lists, one shared copy (producer/source.ts): the shell's counts and every section
  // read it, so a push re-reads only what it names; sections load the rest themselves.
  const { data: lists, error: loadError, reload } = useProducerLists(call, onChanged);
  const data = lists && { decks: lists.decks, counts: { trash: lists.trash.length } };
  const [actionError, setError] = useState<string>();
  const error = actionError ?? loadError;
  const [notice, setNotice] = useState<string>();
  const { section, redirect } = resolve(route);
  const main = useRef<HTMLElement>(null);

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
      await reload();
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
              {section.render({ call, onChanged, confirm, downloads })}
            </>
          )}
        </main>
      </div>
    </div>
  );
}
