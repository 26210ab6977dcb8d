import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { productProblems } from '../../../lib/readiness';
import { Category } from '../../../lib/schema/card';
import { newId, type CatalogueData } from '../catalogue/data';
import type { Route } from '../catalogue/route';
import { routeHref } from '../catalogue/route';
import { useSortable } from '../shell/sortable';

/** All products, searchable by SKU or name and filtered by category, deck and "has problems". */
export function ProductList({ data, go }: { data: CatalogueData; go: (r: Route) => void }) {
  const { t, i18n } = useTranslation();
  const [query, setQuery] = useState('');
  const [category, setCategory] = useState('');
  const [deckId, setDeckId] = useState('');
  const [problemsOnly, setProblemsOnly] = useState(false);

  const rows = useMemo(() => {
    const q = query.trim().toLowerCase();
    const deck = data.decks.find((d) => d.id === deckId);
    return data.cards
      .map((card) => ({ card, problems: productProblems(card, data.decks, data.policies), decks: data.decks.filter((d) => d.cardIds.includes(card.id)) }))
      .filter(({ card, problems }) => {
        if (q && !card.sku.toLowerCase().includes(q) && !Object.values(card.name).some((n) => n.toLowerCase().includes(q))) return false;
        if (category && card.category !== category) return false;
        if (deck && !deck.cardIds.includes(card.id)) return false;
        if (problemsOnly && problems.length === 0) return false;
        return true;
      });
  }, [data, query, category, deckId, problemsOnly]);
  const table = useSortable(rows, {
    sku: (r) => r.card.sku,
    name: (r) => localize(r.card.name, i18n.language, ['en'])?.text,
    category: (r) => t(`category.${r.card.category}`),
    decks: (r) => r.decks.map((d) => d.name).join(', ') || undefined,
    problems: (r) => r.problems.length,
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
        {t('products.count', { count: rows.length, total: data.cards.length })}
      </p>
      {rows.length === 0 ? (
        <p>{data.cards.length === 0 ? t('products.empty') : t('products.noMatch')}</p>
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
            {table.rows.map(({ card, problems, decks }) => (
              <tr key={card.id} data-sku={card.sku}>
                <td>
                  <a href={routeHref({ view: 'card', id: card.id })}>{card.sku}</a>
                </td>
                <td>
                  {localize(card.name, i18n.language, ['en'])?.text}
                  {card.demo && <span className="badge">{t('common.demo')}</span>}
                </td>
                <td>{t(`category.${card.category}`)}</td>
                <td>{decks.map((d) => d.name).join(', ')}</td>
                <td>
                  {problems.length === 0 ? (
                    <span className="ok">✓</span>
                  ) : (
                    <a href={routeHref({ view: 'card', id: card.id, field: problems[0].field })} className="problem-count">
                      {t('products.problemCount', { count: problems.length })}
                    </a>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
