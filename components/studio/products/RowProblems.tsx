import { useTranslation } from 'react-i18next';
import { sectionOf } from '../../../lib/cards/card-check';
import { routeHref } from '../producer/route';
import type { ProductRow } from './product-rows';

/** The words a field error is shown under in the product list: the field, else its editor section. */
const FIELD_LABEL: Record<string, string> = {
  sku: 'editor.sku',
  category: 'editor.category',
  name: 'editor.name',
  image: 'editor.image',
  sizeChart: 'editor.sizeChart',
  dimensions: 'editor.dimensions',
  caveats: 'editor.caveats',
  notes: 'editor.notes',
  policy: 'editor.policy',
};

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
          const label = t(FIELD_LABEL[top] ?? FIELD_LABEL[sectionOf(e.path)] ?? 'editor.basics');
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
