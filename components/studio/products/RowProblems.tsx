import { useTranslation } from 'react-i18next';
import { sectionOf } from '../../../lib/cards/card-check';
import { CARD_FIELD_LABELS } from '../editor/field-labels';
import { routeHref } from '../producer/route';
import type { ProductRow } from './product-rows';

/**
 * A product's problems in the list: a draft's errors each spelled out (the reason it does not
 * save), else the count of readiness problems, linking to the field where the first is fixed.
 */
export function RowProblems({ row }: { row: ProductRow }) {
  const { t } = useTranslation();
  if (row.draft && row.draft.errors.length > 0) {
    return (
      <ul className="draft-errors plain">
        {row.draft.errors.map((e, i) => {
          const top = e.path.split('.')[0];
          const label = t(CARD_FIELD_LABELS[top] ?? CARD_FIELD_LABELS[sectionOf(e.path)] ?? 'editor.basics');
          return (
            <li key={i}>
              <a href={routeHref({ view: 'card', id: row.id, field: sectionOf(e.path) })}>
                {label}: {t(`validation.${e.code}`, { ...e.params, defaultValue: e.message })}
              </a>
            </li>
          );
        })}
      </ul>
    );
  }
  if (row.problems.length === 0) return <span className="ok">✓</span>;
  return (
    <a href={routeHref({ view: 'card', id: row.id, field: row.firstField })} className="problem-count">
      {t('products.problemCount', { count: row.problems.length })}
    </a>
  );
}
