import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { formatDateTime, formatTime } from '../../../lib/format';
import { formatOffset } from '../../../lib/export/offset';
import { itemTextOf } from '../../../lib/export/timeline';
import type { LookupLine } from '../../../lib/contracts/returns-loop';
import type { Disclosure } from '../../../lib/returns/disclosed';
import type { Snapshot } from '../../../lib/schema/session';
import { platformName } from '../../../lib/sessions/choices';
import { ReasonsText } from './format';

interface Props {
  entry: LookupLine;
  snapshots: Map<string, Snapshot>;
  onPrint: () => void;
  onDownload: () => void;
  /** This page is the one being printed. */
  printing: boolean;
}

/**
 * One order line's after-sales trail, on screen and on paper (one printed page): the order, the
 * show it was bought in, its time into the stream, and the product's disclosures before the
 * order, then after it, each with the card text as it read then.
 */
export function EvidencePage({ entry, snapshots, onPrint, onDownload, printing }: Props) {
  const { t, i18n } = useTranslation();
  const { line, match } = entry;
  const dateTime = (ms: number) => formatDateTime(ms, i18n.language, { seconds: true });
  const headingId = `order-${line.key.replace(/[^\w-]/g, '_')}`;
  return (
    <article className={`evidence-page${printing ? ' print-target' : ''}`} aria-labelledby={headingId} data-order-key={line.key}>
      <h3 id={headingId}>{t('returnsLoop.orderHeading', { orderId: line.orderId, sku: line.sku })}</h3>
      <dl className="detail-facts">
        <dt>{t('returnsLoop.orderedAt')}</dt>
        <dd>
          {dateTime(line.orderedAt)} <span className="muted">({t('returnsLoop.asWritten', { text: line.orderedAtText, zone: line.timeZone })})</span>
        </dd>
        <dt>{t('returnsLoop.quantity')}</dt>
        <dd>{line.quantity}</dd>
        <dt>{t('returnsLoop.returned')}</dt>
        <dd>
          {entry.returned} {entry.returned > 0 && <>· <ReasonsText reasons={Object.fromEntries(entry.returns.map((r) => [r.reason, r.quantity]))} /></>}
        </dd>
        <dt>{t('returnsLoop.source')}</dt>
        <dd>
          {line.fileName}
          {line.row !== undefined && <> · {t('returnsLoop.row', { row: line.row })}</>}
        </dd>
        {match && (
          <>
            <dt>{t('returnsLoop.show')}</dt>
            <dd data-testid="show">
              {match.session.deckName} · {match.session.host} · {platformName(match.session.platform) ?? match.session.platform} · {dateTime(match.session.startedAt)}
            </dd>
            <dt>{t('returnsLoop.intoStream')}</dt>
            <dd data-testid="offset">
              <code>{formatOffset(match.offsetMs)}</code> {match.inGrace && <span className="muted">{t('returnsLoop.inGrace')}</span>}
            </dd>
            <dt>{t('returnsLoop.mustSayLabel')}</dt>
            <dd data-must-say={match.mustSay}>{t(`returnsLoop.mustSay.${match.mustSay}`)}</dd>
            <dt>{t('logs.head')}</dt>
            <dd>
              <code title={match.session.head}>{match.session.head.slice(0, 16)}…</code>
            </dd>
          </>
        )}
      </dl>
      {entry.cancelled && <p className="unmatched">{t('returnsLoop.cancelled')}</p>}
      {entry.why && <p className="unmatched">{t(`returnsLoop.why.${entry.why}`)}</p>}
      {match && (
        <>
          <Timeline title={t('returnsLoop.before')} rows={match.before} snapshots={snapshots} language={match.session.language} empty={t('returnsLoop.nothingBefore')} />
          <Timeline title={t('returnsLoop.after')} rows={match.after} snapshots={snapshots} language={match.session.language} empty={t('returnsLoop.nothingAfter')} />
          <div className="actions no-print">
            <button type="button" onClick={onPrint}>
              {t('returnsLoop.print')}
            </button>
            <button type="button" onClick={onDownload}>
              {t('returnsLoop.downloadPack')}
            </button>
          </div>
        </>
      )}
    </article>
  );
}

function Timeline({ title, rows, snapshots, language, empty }: { title: string; rows: Disclosure[]; snapshots: Map<string, Snapshot>; language: string; empty: string }) {
  const { t, i18n } = useTranslation();
  return (
    <section className="order-timeline">
      <h4>{title}</h4>
      {rows.length === 0 ? (
        <p>{empty}</p>
      ) : (
        <table className="timeline">
          <thead>
            <tr>
              <th scope="col">#</th>
              <th scope="col">{t('logs.offset')}</th>
              <th scope="col">{t('logs.clock')}</th>
              <th scope="col">{t('logs.action')}</th>
              <th scope="col">{t('logs.item')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((d) => {
              const words = localize(itemTextOf(d, snapshots), d.language ?? language, [i18n.language, 'en'])?.text;
              return (
                <tr key={d.eventId} data-seq={d.seq} className={`action-${d.action}`}>
                  <td>{d.seq}</td>
                  <td>
                    <code>{formatOffset(d.offsetMs)}</code>
                  </td>
                  <td>{formatTime(d.at, i18n.language, { seconds: true })}</td>
                  <td>{t(`logs.actions_.${d.action}`)}</td>
                  <td>
                    {t(`item.${d.item.kind}`)}
                    {words && <>: {words}</>}
                    <span className="muted"> · {t('returnsLoop.card', { hash: d.cardHash.slice(0, 12) })}</span>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}
