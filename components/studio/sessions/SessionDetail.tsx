import { memo, useMemo, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { localize } from '../../../lib/cards/text';
import { formatDateTime, formatTime } from '../../../lib/format';
import { formatOffset } from '../../../lib/export/offset';
import { itemTextOf, productGroups } from '../../../lib/export/timeline';
import { coverageCounts } from '../../../lib/sessions/coverage';
import type { Client } from '../../../lib/messaging/client';
import { platformName } from '../../../lib/sessions/choices';
import { ChainHead } from './ChainHead';
import type { OnChanged } from '../changes';
import { useSessionDetail } from './data';
import { onScreenSpans } from '../../../lib/stage/on-screen';
import { groupSignature } from '../../../lib/sessions/group-signature';

/** A product's part of the timeline, drawn again only when its signature changed (groupSignature). */
const Drawn = memo(
  ({ draw }: { signature: string; draw: () => ReactNode }) => draw(),
  (before, now) => before.signature === now.signature,
);

/**
 * One session: what was shown or said when (clock time and offset into the stream), by product,
 * and what was covered. A live show's new events are appended as they are recorded (./data.ts).
 */
export const SessionDetail = memo(function SessionDetail({ call, onChanged, sessionId, onClose }: { call: Client; onChanged: OnChanged; sessionId: string; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const { detail, error } = useSessionDetail(call, sessionId, onChanged);
  const groups = useMemo(() => (detail ? productGroups(detail.session, detail.events, detail.snapshots, detail.deck) : []), [detail]);
  const snapshots = useMemo(() => new Map((detail?.snapshots ?? []).map((s) => [s.hash, s])), [detail]);
  // Issue 18: each stage showing, by its `shown` event, for "on screen from … to …".
  const onScreen = useMemo(() => new Map(onScreenSpans(detail?.events ?? []).map((s) => [s.shown.id, s])), [detail]);

  if (error) {
    return (
      <section className="session-detail" aria-label={t('logs.detailTitle')}>
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      </section>
    );
  }
  if (!detail) return <p role="status">{t('common.loading')}</p>;
  const { session } = detail;
  const lang = session.language;
  const clock = (ms: number) => formatTime(ms, i18n.language, { seconds: true });
  const dateTime = (ms: number) => formatDateTime(ms, i18n.language, { seconds: true });
  const text = (v: Parameters<typeof localize>[0]) => localize(v, lang, [i18n.language, 'en'])?.text;
  const itemLabel = (kind: string) => t(`item.${kind}`);

  return (
    <section className="session-detail" aria-labelledby="detail-title">
      <header className="detail-head">
        <h2 id="detail-title">{t('logs.detailHeading', { host: session.host, started: dateTime(session.startedAt) })}</h2>
        <button type="button" onClick={onClose}>
          {t('common.close')}
        </button>
      </header>
      <dl className="detail-facts">
        <dt>{t('studio.deck')}</dt>
        <dd>{session.deckName}</dd>
        <dt>{t('studio.platform')}</dt>
        <dd>
          {platformName(session.platform) ?? session.platform} · {session.consoleOrigin}
        </dd>
        <dt>{t('logs.marketLanguage')}</dt>
        <dd>
          {session.market} · {session.language}
        </dd>
        <dt>{t('studio.ended')}</dt>
        <dd>{session.endedAt ? dateTime(session.endedAt) : t('studio.stillLive')}</dd>
        {session.endReason === 'auto' && (
          <>
            <dt>{t('logs.endNote')}</dt>
            <dd className="end-note">{t('logs.autoEndedNote')} <span lang="en">{session.endNote}</span></dd>
          </>
        )}
        <dt>{t('logs.head')}</dt>
        <dd>
          <ChainHead head={session.head} /> {t('logs.headHint')}
        </dd>
      </dl>

      {groups.length === 0 && <p>{t('logs.noEvents')}</p>}
      {groups.map((g) => {
        const counts = coverageCounts(g.coverage);
        const signature = `${i18n.language}|${lang}|${groupSignature(g, onScreen, (hash) => snapshots.has(hash))}`;
        return (
          <Drawn key={g.cardId} signature={signature} draw={() => (
          <article key={g.cardId} className="product-group" data-card-id={g.cardId}>
            <h3>
              {text(g.name) ?? g.sku} <span className="sku">{g.sku}</span>
            </h3>
            {g.coverage.length > 0 ? (
              <div className="coverage">
                <h4>{t('logs.coverage')}</h4>
                <p className="coverage-summary">
                  {t('logs.coverageSummary', { said: counts.said, skipped: counts.skipped, notSaid: counts['not-said'], total: g.coverage.length })}
                </p>
                <ul>
                  {g.coverage.map((c) => (
                    <li key={`${c.item.kind}:${c.item.id}`} className={`coverage-${c.status}`} data-status={c.status}>
                      <span className="badge">{t(`logs.status.${c.status}`)}</span> {text(c.text) ?? itemLabel(c.item.kind)}
                      {c.at && (
                        <span className="when">
                          {' '}
                          · {clock(c.at.at)} · {formatOffset(c.at.offsetMs)}
                        </span>
                      )}
                      {c.via && c.status === 'said' && (
                        <span className="badge via" data-via={c.via}>
                          {t(`logs.via.${c.via}`)}
                        </span>
                      )}
                      {c.corrected && <span className="badge corrected">{t('logs.corrected')}</span>}
                    </li>
                  ))}
                </ul>
              </div>
            ) : (
              <p className="coverage-none">{t('logs.noMustSay')}</p>
            )}
            {g.policy && (
              <p className={`coverage-policy coverage-${g.policy.status}`} data-status={g.policy.status}>
                <span className="badge">{t(`logs.status.${g.policy.status}`)}</span> {itemLabel('policy')}
                {g.policy.at && (
                  <span className="when">
                    {' '}
                    · {clock(g.policy.at.at)} · {formatOffset(g.policy.at.offsetMs)}
                  </span>
                )}
              </p>
            )}
            {g.entries.length === 0 ? (
              <p className="not-shown">{t('logs.productNotShown')}</p>
            ) : (
              <table className="timeline">
                <thead>
                  <tr>
                    <th scope="col">#</th>
                    <th scope="col">{t('logs.clock')}</th>
                    <th scope="col">{t('logs.offset')}</th>
                    <th scope="col">{t('logs.action')}</th>
                    <th scope="col">{t('logs.item')}</th>
                  </tr>
                </thead>
                <tbody>
                  {g.entries.map(({ event: e, correctsSeq, correctedBy }) => (
                    <tr key={e.id} data-seq={e.seq} className={`action-${e.action}`}>
                      <td>{e.seq}</td>
                      <td>{clock(e.at)}</td>
                      <td>
                        <code>{formatOffset(e.offsetMs)}</code>
                      </td>
                      <td>
                        {t(`logs.actions_.${e.action}`)}
                        {correctsSeq !== undefined && <> {t('logs.correctsSeq', { seq: correctsSeq })}</>}
                        {correctedBy.length > 0 && <> {t('logs.correctedBySeq', { seq: correctedBy.join(', ') })}</>}
                        {onScreen.has(e.id) && (
                          <span className="on-screen">
                            {' '}
                            {onScreen.get(e.id)!.hidden
                              ? t('logs.onScreen', { from: formatOffset(onScreen.get(e.id)!.fromMs), to: formatOffset(onScreen.get(e.id)!.toMs) })
                              : t('logs.onScreenOpen', { from: formatOffset(onScreen.get(e.id)!.fromMs) })}
                          </span>
                        )}
                      </td>
                      <td>
                        {itemLabel(e.item.kind)}
                        {(() => {
                          const words = text(itemTextOf(e, snapshots));
                          return words ? <>: {words}</> : null;
                        })()}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </article>
          )} />
        );
      })}
    </section>
  );
});
