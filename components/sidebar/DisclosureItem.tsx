import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import type { MarkState } from '../../lib/sidebar/store';
import { useActions, useSidebar } from './context';

interface Props {
  index: number;
  item: CardItem;
  mark: MarkState | undefined;
  children: React.ReactNode;
}

/** One row of the card: what to disclose, and the button that records it was said. */
export function DisclosureItem({ index, item, mark, children }: Props) {
  const { t } = useTranslation();
  const actions = useActions();
  const live = useSidebar((s) => s.session !== null);
  const label = t(`item.${item.kind}`);
  const state = mark?.state;
  const buttonText =
    state === 'saving' ? t('item.saving') : state === 'recorded' ? `✓ ${t('item.recorded')}` : t('item.markSaid');
  return (
    <li className={`item item-${item.kind}${item.mustSay ? ' must-say' : ''}`} data-state={state ?? 'none'}>
      <div className="item-head">
        {index < 9 && (
          <kbd className="item-key" aria-hidden="true">
            {index + 1}
          </kbd>
        )}
        <span className="item-label">{label}</span>
        {item.mustSay && <span className="badge must-say-badge">{t('item.mustSay')}</span>}
      </div>
      <div className="item-body">{children}</div>
      <div className="item-actions">
        <button
          type="button"
          className="mark"
          disabled={!live || state === 'saving' || state === 'recorded'}
          aria-label={state === 'recorded' ? t('item.recordedAria', { item: label }) : `${t('item.markSaid')}: ${label}`}
          onClick={() => void actions.markSaid(item)}
        >
          {buttonText}
        </button>
        {mark?.state === 'failed' && (
          <span role="alert" className="error">
            {t('item.failed', { reason: t(`errors.${mark.code}`, { defaultValue: t('errors.internal') }) })}
          </span>
        )}
      </div>
    </li>
  );
}
