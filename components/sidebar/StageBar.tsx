import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import { StageBackground, StageLayout, StageSize } from '../../lib/stage/settings';
import type { StageControl } from '../../lib/sidebar/stage-control';
import { currentCard } from '../../lib/sidebar/store';
import { useSidebar } from './context';

/**
 * The host's stage controls (issue 18), while live: open the stage window (V), put the selected
 * item on stage or take it off (O), and the layout, background and size streaming software needs.
 */
export function StageBar({ stage }: { stage: StageControl }) {
  const { t } = useTranslation();
  const id = useId();
  const on = useStore(stage.store, (s) => s.state);
  const settings = useStore(stage.store, (s) => s.settings);
  const error = useStore(stage.store, (s) => s.error);
  const busy = useStore(stage.store, (s) => s.busy);
  // Strings, not objects: currentCard() builds its items anew on every call.
  const selectedKey = useSidebar((s) => {
    const c = currentCard(s);
    const it = c?.items[s.selected];
    return c && it ? `${c.card.id}|${it.kind}:${it.id}` : '';
  });
  const selectedOn = !!on?.item && selectedKey === `${on.cardId}|${on.item.kind}:${on.item.id}`;
  return (
    <section className="stage-bar" aria-labelledby={`${id}-t`}>
      <h2 id={`${id}-t`} className="sr-only">
        {t('stage.title')}
      </h2>
      <button type="button" onClick={() => void stage.actions.open()} aria-keyshortcuts="V">
        {t('stage.open')} <kbd>V</kbd>
      </button>
      <button type="button" onClick={() => void stage.actions.toggle()} disabled={busy} aria-keyshortcuts="O" aria-pressed={selectedOn}>
        {selectedOn ? t('stage.takeOff') : t('stage.put')} <kbd>O</kbd>
      </button>
      <p className="stage-now" role="status" data-on-stage={on?.item ? `${on.item.kind}:${on.item.id}` : ''}>
        {on?.item ? t('stage.onStage', { item: t(`item.${on.item.kind}`) }) : on ? t('stage.nameOnly') : t('stage.nothing')}
      </p>
      <details className="stage-settings">
        <summary>{t('stage.settings')}</summary>
        <label htmlFor={`${id}-layout`}>{t('stage.layout')}</label>
        <select id={`${id}-layout`} value={settings.layout} onChange={(e) => void stage.actions.setSettings({ ...settings, layout: StageLayout.parse(e.target.value) })}>
          {StageLayout.options.map((o) => (
            <option key={o} value={o}>
              {t(`stage.layouts.${o}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-bg`}>{t('stage.background')}</label>
        <select id={`${id}-bg`} value={settings.background} onChange={(e) => void stage.actions.setSettings({ ...settings, background: StageBackground.parse(e.target.value) })}>
          {StageBackground.options.map((o) => (
            <option key={o} value={o}>
              {t(`stage.backgrounds.${o}`)}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-size`}>{t('stage.size')}</label>
        <select id={`${id}-size`} value={settings.size} onChange={(e) => void stage.actions.setSettings({ ...settings, size: StageSize.parse(e.target.value) })}>
          {StageSize.options.map((o) => (
            <option key={o} value={o}>
              {t(`stage.sizes.${o}`)}
            </option>
          ))}
        </select>
      </details>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
    </section>
  );
}
