import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpfrontError } from '../../../lib/errors';
import { megabytes } from '../../../lib/import/read';
import type { Client } from '../../../lib/messaging/client';
import type { DateOrder } from '../../../lib/returns/import';
import type { OrdersPreview } from '../../../lib/returns/import/preview';
import { OrderFileReading, readerOnPage, type ReaderWorker } from '../../../lib/returns/import/reader';
import { MAX_ORDER_FILE_BYTES } from '../../../lib/returns/import/table';
import { orderTemplateCsv } from '../../../lib/returns/import/template';
import { isTimeZone } from '../../../lib/returns/import/time';
import type { OrderLayout } from '../../../lib/returns/types';
import { errorCode, newId } from '../producer/data';
import { downloadText } from '../download';
import { OrderFileCard, type FileEntry, type FileStage } from './import/OrderFileCard';
import './returns-import.css';

const browserZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
const zones = () => {
  const list = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];
  return list.includes('UTC') ? list : ['UTC', ...list];
};

/** Starts the reader of one file: a worker (entrypoints/order-reader.ts) where the page can start one, else on the page. */
export type StartReader = () => ReaderWorker;
const startReader: StartReader = () => (typeof Worker === 'function' ? (new Worker('/order-reader.js') as unknown as ReaderWorker) : readerOnPage());

/**
 * Import the shop's order and return exports (issue 17): pick files, say the shop's time zone
 * and, if asked, the date order or the columns; check how the first rows were read; confirm.
 * Files are read in workers of this page (lib/returns/import/reader.ts), all at once: buyers'
 * personal columns never leave them, the page gets each file's preview, and on confirm only the
 * lines, in columns, which it sends to the background, which stores each file all or nothing.
 */
export function ImportOrders({ call, start = startReader }: { call: Client; start?: StartReader }) {
  const { t } = useTranslation();
  const inputId = useId();
  const [timeZone, setTimeZone] = useState(browserZone);
  const [zoneDraft, setZoneDraft] = useState(timeZone);
  // The 400-odd suggestions are put in the page once the field is first used, not with the studio.
  const [zonesWanted, setZonesWanted] = useState(false);
  const zoneOptions = useMemo(() => (zonesWanted ? zones().map((z) => <option key={z} value={z} />) : null), [zonesWanted]);
  const [dateOrder, setDateOrder] = useState<DateOrder | 'auto'>('auto');
  const [layouts, setLayouts] = useState<OrderLayout[]>([]);
  const [entries, setEntries] = useState<FileEntry[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    call('orders.layouts', {}).then(setLayouts, (err) => setError(errorCode(err)));
  }, [call]);

  const setStage = (id: string, stage: FileStage) => setEntries((list) => list.map((e) => (e.id === id ? { ...e, stage } : e)));

  // Each file is read by a reader of its own (a worker), which keeps its table and lines.
  const readers = useRef(new Map<string, OrderFileReading>());
  useEffect(() => {
    const open = readers.current;
    return () => {
      for (const r of open.values()) r.close();
      open.clear();
    };
  }, []);
  const close = (id: string) => {
    readers.current.get(id)?.close();
    readers.current.delete(id);
  };

  // A new read shows "Reading" until its answer; an answer to a read asked before another is dropped.
  const read = useCallback(
    async (entry: FileEntry) => {
      const reader = readers.current.get(entry.id);
      if (!reader) return;
      setStage(entry.id, { kind: 'reading' });
      const order = entry.dateOrder ?? (dateOrder === 'auto' ? undefined : dateOrder);
      try {
        const result = await reader.read(
          {
            timeZone,
            ...(order ? { dateOrder: order } : {}),
            layouts: entry.layout ? [entry.layout, ...layouts] : layouts,
            now: Date.now(),
          },
          (progress) => setStage(entry.id, { kind: 'reading', progress }),
        );
        if (result) setStage(entry.id, { kind: 'read', result });
      } catch (err) {
        if (readers.current.get(entry.id) !== reader) return;
        setStage(entry.id, { kind: 'read', result: { ok: false, issues: [{ code: 'unreadable', params: { detail: err instanceof Error ? err.message : String(err) } }] } });
      }
    },
    [timeZone, dateOrder, layouts],
  );

  // A new zone or date order reads again every file not yet stored; layouts once loaded, the
  // files still waiting for a mapping. A file still being read is asked again with the new
  // options (the answer to the first read is dropped).
  const pending = useRef(entries);
  pending.current = entries;
  const options = useRef({ timeZone, dateOrder });
  useEffect(() => {
    const optionsChanged = options.current.timeZone !== timeZone || options.current.dateOrder !== dateOrder;
    options.current = { timeZone, dateOrder };
    for (const e of pending.current) {
      const { stage } = e;
      if (stage.kind === 'reading' || (stage.kind === 'read' && (optionsChanged || (!stage.result.ok && stage.result.needs === 'mapping')))) void read(e);
    }
  }, [read, timeZone, dateOrder]);

  function add(files: FileList | null) {
    setError(undefined);
    for (const file of Array.from(files ?? [])) {
      if (file.size > MAX_ORDER_FILE_BYTES) {
        const entry: FileEntry = { id: newId(), name: file.name, stage: { kind: 'read', result: { ok: false, issues: [{ code: 'tooBig', params: { size: megabytes(file.size), max: megabytes(MAX_ORDER_FILE_BYTES) } }] } } };
        setEntries((list) => [...list, entry]);
        continue;
      }
      // Every file at once, each in its own worker; the file goes to it by reference, and its
      // bytes live there only while they are parsed: the table keeps no personal column.
      const entry: FileEntry = { id: newId(), name: file.name, stage: { kind: 'reading' } };
      readers.current.set(entry.id, new OrderFileReading(start(), { name: file.name, blob: file }));
      setEntries((list) => [...list, entry]);
      void read(entry);
    }
  }

  function update(id: string, change: Partial<FileEntry>) {
    const entry = entries.find((e) => e.id === id);
    if (!entry) return;
    const next = { ...entry, ...change };
    setEntries((list) => list.map((e) => (e.id === id ? next : e)));
    void read(next);
  }

  // Files confirmed in one go are sent to the background back to back, once all their lines are
  // here: the background makes the returns loop again once no import is under way
  // (lib/returns/store.ts), and a file sent later, as its lines came, found it started and
  // waited behind it. Each file is still its own request, stored all or nothing.
  const confirming = useRef<{ id: string; result: OrdersPreview }[]>([]);
  function confirm(id: string, result: OrdersPreview) {
    setStage(id, { kind: 'saving', result });
    confirming.current.push({ id, result });
    if (confirming.current.length === 1) queueMicrotask(() => void store(confirming.current.splice(0)));
  }

  async function store(files: { id: string; result: OrdersPreview }[]) {
    const lines = await Promise.all(
      files.map(({ id }) => readers.current.get(id)?.lines().then((payload) => ({ payload }), (err: unknown) => ({ err })) ?? { err: new UpfrontError('internal', 'no reader') }),
    );
    await Promise.all(
      files.map(async ({ id, result }, i) => {
        try {
          const got = lines[i];
          if ('err' in got) throw got.err;
          const counts = await call('orders.import', got.payload);
          setStage(id, { kind: 'done', result, counts });
          close(id);
          if (result.layout) setLayouts((list) => [result.layout!, ...list.filter((l) => l.signature !== result.layout!.signature)]);
        } catch (err) {
          setStage(id, { kind: 'save-failed', result, code: errorCode(err) });
        }
      }),
    );
  }

  return (
    <section aria-labelledby="orders-import-title" className="orders-import">
      <h2 id="orders-import-title">{t('orders.title')}</h2>
      <p>{t('orders.intro')}</p>
      <div className="actions">
        <button type="button" onClick={() => downloadText('upfront-orders-template.csv', orderTemplateCsv(), 'text/csv;charset=utf-8')}>
          {t('orders.downloadTemplate')}
        </button>
      </div>
      {error && (
        <p role="alert" className="error">
          {t(`errors.${error}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      <fieldset className="import-options">
        <legend>{t('orders.options')}</legend>
        {/* A typed IANA name with suggestions: easier than a 400-row list, and names are not translated. */}
        <label>
          {t('orders.timeZone')}{' '}
          <input
            list={`${inputId}-zones`}
            value={zoneDraft}
            aria-invalid={zoneDraft !== timeZone || undefined}
            aria-describedby={`${inputId}-zone-hint`}
            onFocus={() => setZonesWanted(true)}
            onChange={(e) => {
              setZoneDraft(e.target.value);
              if (isTimeZone(e.target.value.trim())) setTimeZone(e.target.value.trim());
            }}
          />
        </label>
        <datalist id={`${inputId}-zones`}>{zoneOptions}</datalist>
        {zoneDraft !== timeZone && (
          <p role="alert" className="error">
            {t('orders.issue.timeZone', { zone: zoneDraft })} {t('orders.zoneKept', { zone: timeZone })}
          </p>
        )}
        <p className="hint" id={`${inputId}-zone-hint`}>
          {t('orders.timeZoneHint')}
        </p>
        <label>
          {t('orders.dateOrderLabel')}{' '}
          <select value={dateOrder} onChange={(e) => setDateOrder(e.target.value as DateOrder | 'auto')}>
            {(['auto', 'DMY', 'MDY', 'YMD'] as const).map((o) => (
              <option key={o} value={o}>
                {t(`orders.dateOrder.${o}`)}
              </option>
            ))}
          </select>
        </label>
      </fieldset>
      <div className="file-drop">
        <label htmlFor={inputId}>{t('orders.chooseFiles')}</label>{' '}
        <input
          id={inputId}
          type="file"
          multiple
          accept=".csv,.xlsx,.txt,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={(e) => {
            add(e.target.files);
            e.target.value = '';
          }}
        />
        <p className="hint">{t('orders.limits', { max: megabytes(MAX_ORDER_FILE_BYTES) })}</p>
      </div>
      {entries.map((entry) => (
        <OrderFileCard
          key={entry.id}
          entry={entry}
          timeZone={timeZone}
          onDateOrder={(order) => update(entry.id, { dateOrder: order })}
          onLayout={(layout) => update(entry.id, { layout })}
          onConfirm={(result) => void confirm(entry.id, result)}
          onRemove={() => {
            close(entry.id);
            setEntries((list) => list.filter((e) => e.id !== entry.id));
          }}
        />
      ))}
    </section>
  );
}
