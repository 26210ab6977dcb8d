import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export type SortValue = string | number | undefined;
export type SortDirection = 'ascending' | 'descending';

/**
 * Sorts rows by a column's value: numbers as numbers, text in the interface language's order
 * (numbers inside text by value: TEE-9 before TEE-10); rows without a value come last either way.
 */
export function sortRows<T>(rows: readonly T[], value: (row: T) => SortValue, direction: SortDirection, locale: string): T[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = direction === 'ascending' ? 1 : -1;
  return rows
    .map((row, index) => ({ row, index, v: value(row) }))
    .sort((a, b) => {
      if (a.v === undefined || b.v === undefined) return a.v === b.v ? a.index - b.index : a.v === undefined ? 1 : -1;
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v));
      return c === 0 ? a.index - b.index : sign * c;
    })
    .map((r) => r.row);
}

/**
 * A table that sorts by its headers: `header(key, label)` renders a column header whose button
 * sorts by that column (again: the other way), marked with `aria-sort`; `rows` is the sorted
 * list. Until a header is pressed the rows keep the order they came in (or `initial`).
 */
export function useSortable<T, K extends string>(rows: readonly T[], columns: Record<K, (row: T) => SortValue>, initial?: { by: K; direction: SortDirection }) {
  const { i18n } = useTranslation();
  const [sort, setSort] = useState(initial);
  const sorted = sort ? sortRows(rows, columns[sort.by], sort.direction, i18n.language) : [...rows];
  const header = (by: K, label: ReactNode) => {
    const current = sort?.by === by ? sort.direction : undefined;
    return (
      <th scope="col" aria-sort={current ?? 'none'} className="sortable">
        <button type="button" className="sort" onClick={() => setSort({ by, direction: current === 'ascending' ? 'descending' : 'ascending' })}>
          {label}
          <span aria-hidden="true" className="sort-mark">
            {current === 'ascending' ? '\u00a0▲' : current === 'descending' ? '\u00a0▼' : '\u00a0↕'}
          </span>
        </button>
      </th>
    );
  };
  return { rows: sorted, header };
}
