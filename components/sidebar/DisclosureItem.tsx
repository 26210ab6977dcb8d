import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { CardItem } from '../../lib/cards/items';
import { markKey } from '../../lib/sidebar/store';
import { useActions, useSidebar } from './context';
import { Correction } from './Correction';

interface Props {
  index: number;
  cardId: string;
  item: CardItem;
  label: string;
  selected: boolean;
  live: boolean;
  onSelect: (index: number) => void;
  children: React.ReactNode;
}

/**
 * One row of the card: what to disclose, and the button that records it was said. The row
 * watches its own mark, so recording one item re-renders that row only, not the card and its
 * drawings (bench: disclosure click → recorded mark).
 */
export const DisclosureItem = memo(function DisclosureItem({ index, cardId, item, label, selected, live, onSelect, children }: Props) {
  const { t } = useTranslation();
  const actions = useActions();
  const key = markKey(cardId, item);
  const mark = useSidebar((s) => s.marks[key]);
  const skipped = useSidebar((s) => s.skipped[key] !== undefined);
  const state = mark?.state;
  // Issue 20: in a rehearsal a mark is practice, never "recorded" evidence.
  const rehearsing = useSidebar((s) => s.rehearsal);
  const done = rehearsing ? t('rehearsal.practised') : t('item.recorded');
  const buttonText = state === 'saving' ? t('item.saving') : state === 'recorded' ? `✓ ${done}` : t('item.markSaid');
  return (
    <li
      className={`item item-${item.kind}${item.mustSay ? ' must-say' : ''}${selected ? ' selected' : ''}`}
      data-state={state ?? 'none'}
      data-item={`${item.kind}:${item.id}`}
      aria-current={selected ? 'true' : undefined}
    >
      <div className="item-head">
        <button type="button" className="item-select" aria-expanded={selected} onClick={() => onSelect(index)}>
          {index < 9 && (
            <kbd className="item-key" aria-hidden="true">
              {index + 1}
            </kbd>
          )}
          <span className="item-label">{label}</span>
        </button>
        {item.mustSay && <span className="badge must-say-badge">{t('item.mustSay')}</span>}
        {skipped && state !== 'recorded' && <span className="badge skipped-badge">{t('run.skipped')}</span>}
        <span className="spacer" />
        <button
          type="button"
          className="mark"
          disabled={!live || state === 'saving' || state === 'recorded'}
          aria-label={state === 'recorded' ? t(rehearsing ? 'rehearsal.practisedAria' : 'item.recordedAria', { item: label }) : `${t('item.markSaid')}: ${label}`}
          onClick={() => void actions.markSaid(item)}
        >
          {buttonText}
        </button>
        {live && state === 'recorded' && <Correction item={item} label={label} />}
      </div>
      <div className="item-body">{children}</div>
      {mark?.state === 'failed' && (
        <p role="alert" className="error">
          {t('item.failed', { reason: t(`errors.${mark.code}`, { defaultValue: t('errors.internal') }) })}
        </p>
      )}
    </li>
  );
});
