import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { KEYMAP } from '../../lib/hotkeys';
import { useActions } from './context';

/** Every key the sidebar answers to, from the one keymap in lib/hotkeys.ts. */
export function HelpOverlay() {
  const { t } = useTranslation();
  const actions = useActions();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // Opened with "?" on the console page, the overlay must not pull focus into the sidebar.
    if (document.hasFocus()) close.current?.focus();
  }, []);
  return (
    <div role="dialog" aria-modal="true" aria-labelledby="help-title" className="help">
      <h2 id="help-title">{t('sidebar.help')}</h2>
      <dl>
        {KEYMAP.map(([k, label]) => (
          <div key={k}>
            <dt>
              <kbd>{k}</kbd>
            </dt>
            <dd>{t(label)}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">{t('keys.fromConsole')}</p>
      <button type="button" ref={close} onClick={actions.toggleHelp}>
        {t('common.close')} (Esc)
      </button>
    </div>
  );
}
