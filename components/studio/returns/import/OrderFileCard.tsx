import { useTranslation } from 'react-i18next';
import type { OrdersImportResult } from '../../../../lib/returns/types';
import type { DateOrder } from '../../../../lib/returns/import';
import type { OrdersPreview, ReadResult } from '../../../../lib/returns/import/preview';
import type { OrderLayout } from '../../../../lib/returns/types';
import { MappingStep } from './MappingStep';
import { OrderIssueList } from './OrderIssues';
import { OrderPreview } from './OrderPreview';

export type FileStage =
  | { kind: 'reading'; progress?: number }
  | { kind: 'read'; result: ReadResult }
  | { kind: 'saving'; result: OrdersPreview }
  | { kind: 'save-failed'; result: OrdersPreview; code: string }
  | { kind: 'done'; result: OrdersPreview; counts: OrdersImportResult };

export interface FileEntry {
  id: string;
  name: string;
  /** The date order the person chose for this file, if it asked. */
  dateOrder?: DateOrder;
  /** The mapping the person chose for this file, if its layout was unknown. */
  layout?: OrderLayout;
  stage: FileStage;
}

interface Props {
  entry: FileEntry;
  timeZone: string;
  onDateOrder: (order: DateOrder) => void;
  onLayout: (layout: OrderLayout) => void;
  onConfirm: (result: OrdersPreview) => void;
  onRemove: () => void;
}

/** One chosen file: its questions (date order, column mapping), its preview or errors, its result. */
export function OrderFileCard({ entry, timeZone, onDateOrder, onLayout, onConfirm, onRemove }: Props) {
  const { t } = useTranslation();
  const { stage } = entry;
  const result = stage.kind === 'reading' ? undefined : stage.result;
  const headingId = `order-file-${entry.id}`;
  return (
    <article className="order-file" aria-labelledby={headingId}>
      <h3 id={headingId}>
        {entry.name}
        {result?.ok && <span className="badge">{t(`orders.format.${result.format}`)}</span>}
      </h3>
      {stage.kind === 'reading' && (
        <p role="status">
          {t('orders.reading')} <progress value={stage.progress ?? 0} max={1} aria-label={t('orders.reading')} />
        </p>
      )}
      {result && !result.ok && result.needs === 'date-order' && (
        <fieldset className="orders-date-order">
          <legend>{t('orders.dateOrderQuestion', { example: result.examples[0] })}</legend>
          <p className="hint">{t('orders.dateOrderWhy', { examples: result.examples.join(' · ') })}</p>
          <div className="actions">
            {(['DMY', 'MDY'] as const).map((order) => (
              <button key={order} type="button" onClick={() => onDateOrder(order)}>
                {t(`orders.dateOrder.${order}`)}
              </button>
            ))}
          </div>
        </fieldset>
      )}
      {result && !result.ok && result.needs === 'mapping' && <MappingStep need={result} initial={entry.layout} onApply={onLayout} />}
      {result && !result.ok && result.needs === undefined && <OrderIssueList issues={result.issues} />}
      {result?.ok && <OrderPreview result={result} timeZone={timeZone} />}
      {stage.kind === 'save-failed' && (
        <p role="alert" className="error">
          {t('orders.saveFailed')} {t(`errors.${stage.code}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {stage.kind === 'done' ? (
        <p role="status" className="ok">
          ✓{' '}
          {t('orders.done', {
            added: stage.counts.orders.added,
            already: stage.counts.orders.updated + stage.counts.orders.unchanged,
            updated: stage.counts.orders.updated,
            returnsAdded: stage.counts.returns.added,
            returnsAlready: stage.counts.returns.updated + stage.counts.returns.unchanged,
          })}
        </p>
      ) : (
        <div className="actions">
          {result?.ok && (
            <button type="button" className="primary" disabled={stage.kind === 'saving'} onClick={() => onConfirm(result)}>
              {t('orders.commit', { count: result.orderCount + result.returnCount })}
            </button>
          )}
          <button type="button" onClick={onRemove} disabled={stage.kind === 'saving'}>
            {t('orders.remove')}
          </button>
        </div>
      )}
    </article>
  );
}
