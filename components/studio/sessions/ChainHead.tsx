import { useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A session's chain head, whole (all 64 hex digits: a lead compares it with the one noted at
 * export), selectable in one click and copied with one button. If the clipboard is refused, the
 * text stays selected for the keyboard's copy.
 */
export function ChainHead({ head }: { head: string }) {
  const { t } = useTranslation();
  const [copied, setCopied] = useState<'yes' | 'no'>();
  return (
    <span className="chain-head">
      <code translate="no">{head}</code>{' '}
      <button
        type="button"
        aria-label={t('logs.copyHead')}
        onClick={(e) => {
          const code = e.currentTarget.previousElementSibling;
          if (code) window.getSelection()?.selectAllChildren(code);
          if (!navigator.clipboard) return setCopied('no');
          navigator.clipboard.writeText(head).then(
            () => setCopied('yes'),
            () => setCopied('no'),
          );
        }}
      >
        {t('logs.copy')}
      </button>
      <span role="status" className="copied">
        {copied === 'yes' ? t('logs.copied') : copied === 'no' ? t('logs.copyBlocked') : ''}
      </span>
    </span>
  );
}
