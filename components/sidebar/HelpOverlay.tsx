import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useActions } from './context';

/** Every key the sidebar answers to. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const actions = useActions();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const rows: [string, string][] = [
    ['J / ↓', t('sidebar.helpNext')],
    ['K / ↑', t('sidebar.helpPrevious')],
    ['1–9', t('sidebar.helpItem')],
    ['?', t('sidebar.helpHelp')],
  ];
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="help">
      <h2 id="help-title">{t('sidebar.help')}</h2>
      <dl>
        {rows.map(([k, v]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <button type="button" ref={close} onClick={actions.toggleHelp}>
        {t('common.close')}
      </button>
    </div>
  );
}
