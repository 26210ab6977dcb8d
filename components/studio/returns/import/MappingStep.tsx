import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NeedsMapping } from '../../../../lib/returns/import';
import { mappingProblems } from '../../../../lib/returns/import/recipes';
import { MappedField, OrderSource, type OrderLayout } from '../../../../lib/returns/types';

/**
 * An unknown layout: the person says which column holds what. The headers and sample rows come
 * without personal columns (they were dropped as the file was read). The mapping is remembered
 * for this header row once the file is imported.
 */
export function MappingStep({ need, initial, onApply }: { need: NeedsMapping; initial?: OrderLayout; onApply: (layout: OrderLayout) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [columns, setColumns] = useState<Partial<Record<MappedField, string>>>(initial?.columns ?? need.suggestion);
  const [source, setSource] = useState<OrderSource>(initial?.source ?? 'upfront');
  const missing = mappingProblems(columns);
  return (
    <fieldset className="orders-mapping">
      <legend>{t('orders.mapping.title')}</legend>
      <p className="hint">{t('orders.mapping.intro')}</p>
      <label>
        {t('orders.mapping.source')}{' '}
        <select value={source} onChange={(e) => setSource(e.target.value as OrderSource)}>
          {OrderSource.options.map((s) => (
            <option key={s} value={s}>
              {t(`orders.source.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <div className="orders-mapping-grid">
        {MappedField.options.map((field) => (
          <label key={field} htmlFor={`${id}-${field}`}>
            {t(`orders.field.${field}`)}
            <select
              id={`${id}-${field}`}
              value={columns[field] ?? ''}
              aria-invalid={missing.includes(field) || undefined}
              onChange={(e) => setColumns((c) => ({ ...c, [field]: e.target.value || undefined }))}
            >
              <option value="">{t('orders.mapping.none')}</option>
              {need.headers.map((h) => (
                <option key={h} value={h}>
                  {h}
                </option>
              ))}
            </select>
          </label>
        ))}
      </div>
      {missing.length > 0 && <p className="hint">{t('orders.mapping.missing', { fields: missing.map((f) => t(`orders.field.${f}`)).join(', ') })}</p>}
      <table className="plan">
        <caption>{t('orders.mapping.sample')}</caption>
        <thead>
          <tr>
            {need.headers.map((h) => (
              <th key={h} scope="col">
                {h}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {need.sample.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => (
                <td key={j}>{cell}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" className="primary" disabled={missing.length > 0} onClick={() => onApply({ signature: need.signature, source, columns })}>
        {t('orders.mapping.apply')}
      </button>
    </fieldset>
  );
}
