import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpfrontError } from '../../../lib/errors';
import type { Client } from '../../../lib/messaging/client';
import type { LookupAnswer } from '../../../lib/contracts/returns-loop';
import { packFileName } from '../../../lib/returns/evidence-pack';
import { downloadText } from '../download';
import { EvidencePage } from './EvidencePage';

const codeOf = (err: unknown) => (err instanceof UpfrontError ? err.code : 'internal');

/** Order ids as pasted from a spreadsheet column, a list or a sentence: split on space, comma, semicolon and line breaks. */
export function parseOrderIds(text: string): string[] {
  return [...new Set(text.split(/[\s,;，；、]+/).map((s) => s.trim()).filter((s) => s !== ''))];
}

/** At most this many ids per lookup (the request's limit). */
export const MAX_IDS = 200;

/**
 * After-sales: type or paste order ids, see for each the show it was bought in, the host, the
 * order time into the stream and what had been disclosed about the product by then; print a
 * page per order or download its evidence pack (docs/returns-loop.md).
 */
export function OrderLookup({ call, graceMs }: { call: Client; graceMs: number | undefined }) {
  const { t } = useTranslation();
  const [text, setText] = useState('');
  const [answer, setAnswer] = useState<LookupAnswer | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [printKey, setPrintKey] = useState<string | 'all'>();
  const snapshots = useMemo(() => new Map((answer?.snapshots ?? []).map((s) => [s.hash, s])), [answer]);

  async function lookUp(e: React.FormEvent) {
    e.preventDefault();
    const orderIds = parseOrderIds(text).slice(0, MAX_IDS);
    if (orderIds.length === 0) return;
    setBusy(true);
    setError(undefined);
    try {
      setAnswer(await call('returns.lookup', { orderIds, graceMs }));
    } catch (err) {
      setError(codeOf(err));
    } finally {
      setBusy(false);
    }
  }

  async function download(key: string) {
    try {
      const pack = await call('returns.pack', { key, graceMs });
      downloadText(packFileName(pack), `${JSON.stringify(pack, null, 2)}\n`, 'application/json');
    } catch (err) {
      setError(codeOf(err));
    }
  }

  // Printing: the page (or all pages) asked for is marked, the browser prints, then the mark goes.
  useEffect(() => {
    if (!printKey) return;
    document.body.classList.add('printing-evidence');
    const done = () => setPrintKey(undefined);
    window.addEventListener('afterprint', done, { once: true });
    window.print();
    return () => {
      window.removeEventListener('afterprint', done);
      document.body.classList.remove('printing-evidence');
    };
  }, [printKey]);

  const found = answer?.results.flatMap((r) => r.lines) ?? [];
  return (
    <section className="order-lookup" aria-labelledby="lookup-title">
      <h3 id="lookup-title" className="no-print">
        {t('returnsLoop.lookupTitle')}
      </h3>
      <form className="no-print" onSubmit={(e) => void lookUp(e)}>
        <label htmlFor="order-ids">{t('returnsLoop.orderIds')}</label>
        <textarea id="order-ids" rows={3} value={text} onChange={(e) => setText(e.target.value)} aria-describedby="order-ids-hint" />
        <p id="order-ids-hint" className="muted">
          {t('returnsLoop.orderIdsHint')}
        </p>
        {parseOrderIds(text).length > MAX_IDS && (
          <p role="status" className="small-sample">
            {t('returnsLoop.tooManyIds', { count: parseOrderIds(text).length, max: MAX_IDS })}
          </p>
        )}
        <button type="submit" className="primary" disabled={busy || parseOrderIds(text).length === 0}>
          {t('returnsLoop.lookUp')}
        </button>
      </form>
      {error && (
        <p role="alert" className="error no-print">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      {answer && (
        <div className={`lookup-results${printKey === 'all' ? ' print-all' : ''}`}>
          <p role="status" className="no-print">
            {t('returnsLoop.found', { count: found.length })}
          </p>
          {answer.results
            .filter((r) => r.lines.length === 0)
            .map((r) => (
              <p key={r.orderId} className="not-found no-print">
                {t('returnsLoop.notFound', { orderId: r.orderId })}
              </p>
            ))}
          {found.some((l) => l.match) && found.length > 1 && (
            <p className="no-print">
              <button type="button" onClick={() => setPrintKey('all')}>
                {t('returnsLoop.printAll')}
              </button>
            </p>
          )}
          {found.map((entry) => (
            <EvidencePage
              key={entry.line.key}
              entry={entry}
              snapshots={snapshots}
              printing={printKey === 'all' ? entry.match !== undefined : printKey === entry.line.key}
              onPrint={() => setPrintKey(entry.line.key)}
              onDownload={() => void download(entry.line.key)}
            />
          ))}
        </div>
      )}
    </section>
  );
}
