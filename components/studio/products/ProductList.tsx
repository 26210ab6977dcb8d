import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { Category } from '../../../lib/schema/card';
import { newId, type ProducerLists } from '../producer/data';
import type { Route } from '../producer/route';
import { routeHref } from '../producer/route';
import { productRows } from './product-rows';
import { RowProblems } from './RowProblems';
import { useSortable } from '../shell/sortable';

/** All products, searchable by SKU or name and filtered by category, deck and "has problems". */
export function ProductList({ data, go }: { data: ProducerLists; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [deckId, setDeckId] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);

  const all = useMemo(() => productRows(data), [data]);
  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const deck = data.decks.find((d) => d.id === deckId);
    return all.filter((row) => {
      if (q && !row.sku.toLowerCase().includes(q) && !Object.values(row.name).some((n) => typeof n === 'string' && n.toLowerCase().includes(q))) return false;
      if (category && row.category !== category) return false;
      if (deck && !deck.cardIds.includes(row.id)) return false;
      if (problemsOnly && row.problems.length === 0 && !row.draft) return false;
      return true;
    });
  }, [all, data.decks, query, category, deckId, problemsOnly]);
  const table = useSortable(rows, {
    sku: (r) => r.sku,
    name: (r) => localize(r.name, i18n.language, ['en'])?.text,
    category: (r) => (r.category ? t(`category.${r.category}`) : undefined),
    decks: (r) => r.decks.map((d) => d.name).join(', ') || undefined,
    problems: (r) => r.problems.length + (r.draft ? r.draft.errors.length : 0),
  });

  return (
    <section aria-labelledby="products-title">
      <div className="row spread">
        <h2 id="products-title">{t('products.title')}</h2>
        <button type="button" className="primary" onClick={() => go({ view: 'card', id: newId() })}>
          + {t('products.new')}
        </button>
      </div>
      <div className="filters row" role="search">
        <label>
          {t('products.search')} <input type="search" value={query} onChange={(e) => setQuery(e.target.value)} />
        </label>
        <label>
          {t('products.category')}{' '}
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">{t('products.all')}</option>
            {Category.options.map((c) => (
              <option key={c} value={c}>
                {t(`category.${c}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('products.deck')}{' '}
          <select value={deckId} onChange={(e) => setDeckId(e.target.value)}>
            <option value="">{t('products.all')}</option>
            {data.decks.map((d) => (
              <option key={d.id} value={d.id}>
                {d.name}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input type="checkbox" checked={problemsOnly} onChange={(e) => setProblemsOnly(e.target.checked)} /> {t('products.hasProblems')}
        </label>
      </div>
      <p role="status" className="hint">
        {t('products.count', { count: rows.length, total: all.length })}
      </p>
      {rows.length === 0 ? (
        <p>{all.length === 0 ? t('products.empty') : t('products.noMatch')}</p>
      ) : (
        <table className="products">
          <thead>
            <tr>
              {table.header('sku', t('products.sku'))}
              {table.header('name', t('products.name'))}
              {table.header('category', t('products.category'))}
              {table.header('decks', t('products.decks'))}
              {table.header('problems', t('products.problems'))}
            </tr>
          </thead>
          <tbody>
            {table.rows.map((row) => (
              <tr key={row.id} data-sku={row.sku} data-draft={row.draft ? true : undefined}>
                <td>
                  <a href={routeHref({ view: 'card', id: row.id })}>{row.sku || t('products.noSku')}</a>
                </td>
                <td>
                  {localize(row.name, i18n.language, ['en'])?.text}
                  {row.demo && <span className="badge">{t('common.demo')}</span>}
                  {row.draft && <span className="badge draft">{t('products.draft')}</span>}
                </td>
                <td>{row.category && Category.safeParse(row.category).success ? t(`category.${row.category}`) : ''}</td>
                <td>{row.decks.map((d) => d.name).join(', ')}</td>
                <td>
                  <RowProblems row={row} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
