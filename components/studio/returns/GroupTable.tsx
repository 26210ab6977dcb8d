import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { formatDateTime } from '../../../lib/format';
import type { Dimension, Group } from '../../../lib/returns/analysis';
import { RateText, ReasonsText } from './format';

/** One dimension of the analysis as a table: counts, rate (only on enough orders), reasons. */
export function GroupTable({ dimension, groups, id }: { dimension: Dimension | 'week'; groups: readonly (Omit<Group, 'key'> & { key: string })[]; id?: string }) {
  const { t, i18n } = useTranslation();
  const label = (g: (typeof groups)[number]) => {
    switch (dimension) {
      case 'product': {
        const name = localize(g.name, i18n.language, ['en'])?.text;
        return name ? `${g.key} · ${name}` : g.key;
      }
      case 'show':
        return `${g.deckName ?? ''} · ${g.host ?? ''} · ${g.startedAt !== undefined ? formatDateTime(g.startedAt, i18n.language) : ''}`;
      case 'category':
        return t(`category.${g.key}`, { defaultValue: g.key });
      case 'mustSay':
        return t(`returnsLoop.mustSay.${g.key}`);
      default:
        return g.key;
    }
  };
  return (
    <table className="returns-table" id={id} data-dimension={dimension}>
      <caption>{t(`returnsLoop.dim.${dimension}`)}</caption>
      <thead>
        <tr>
          <th scope="col">{t(`returnsLoop.dim.${dimension}`)}</th>
          <th scope="col">{t('returnsLoop.orders')}</th>
          <th scope="col">{t('returnsLoop.returnedOfOrdered')}</th>
          <th scope="col">{t('returnsLoop.reasons')}</th>
        </tr>
      </thead>
      <tbody>
        {groups.length === 0 && (
          <tr>
            <td colSpan={4}>{t('returnsLoop.noOrders')}</td>
          </tr>
        )}
        {groups.map((g) => (
          <tr key={g.key} data-key={g.key}>
            <th scope="row">{label(g)}</th>
            <td>{g.orders}</td>
            <td>
              <RateText tally={g} />
            </td>
            <td>
              <ReasonsText reasons={g.reasons} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
