import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { megabytes } from '../../../lib/import/read';
import type { Client } from '../../../lib/messaging/client';
import { narrowTo, parseOrderTable, readOrderTable, type DateOrder, type ParsedOrders } from '../../../lib/returns/import';
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

/**
 * Import the shop's order and return exports (issue 17): pick files, say the shop's time zone
 * and, if asked, the date order or the columns; check how the first rows were read; confirm.
 * Files are read here (lib/returns/import): buyers' personal columns never leave this page, and
 * only the lines are sent to the background, which stores each file all or nothing.
 */
export function ImportOrders({ call }: { call: Client }) {
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

  // Reading the kept table again is synchronous: the file's bytes were read (in chunks) once.
  const read = useCallback(
    (entry: FileEntry) => {
      if (!entry.table) return;
      const result = parseOrderTable(entry.table, entry.name, {
        timeZone,
        dateOrder: entry.dateOrder ?? (dateOrder === 'auto' ? undefined : dateOrder),
        layouts: entry.layout ? [entry.layout, ...layouts] : layouts,
        now: Date.now(),
      });
      setStage(entry.id, { kind: 'read', result });
    },
    [timeZone, dateOrder, layouts],
  );
  // A file whose bytes are still being read gets the options in force when they are done.
  const latestRead = useRef(read);
  latestRead.current = read;
  const latestLayouts = useRef(layouts);
  latestLayouts.current = layouts;

  // A new zone or date order reads again every file not yet imported; layouts once loaded, the
  // files still waiting for a mapping.
  const pending = useRef(entries);
  pending.current = entries;
  const options = useRef({ timeZone, dateOrder });
  useEffect(() => {
    const optionsChanged = options.current.timeZone !== timeZone || options.current.dateOrder !== dateOrder;
    options.current = { timeZone, dateOrder };
    for (const e of pending.current) {
      if (e.stage.kind !== 'read') continue;
      if (optionsChanged || (!e.stage.result.ok && e.stage.result.needs === 'mapping')) read(e);
    }
  }, [read, timeZone, dateOrder]);

  async function add(files: FileList | null) {
    setError(undefined);
    for (const file of Array.from(files ?? [])) {
      if (file.size > MAX_ORDER_FILE_BYTES) {
        const entry: FileEntry = { id: newId(), name: file.name, stage: { kind: 'read', result: { ok: false, issues: [{ code: 'tooBig', params: { size: megabytes(file.size), max: megabytes(MAX_ORDER_FILE_BYTES) } }] } } };
        setEntries((list) => [...list, entry]);
        continue;
      }
      const entry: FileEntry = { id: newId(), name: file.name, stage: { kind: 'reading' } };
      setEntries((list) => [...list, entry]);
      // The bytes live only for this read: the table keeps no personal column.
      const table = await readOrderTable(
        { name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) },
        (progress) => setStage(entry.id, { kind: 'reading', progress }),
        narrowTo(latestLayouts.current),
      );
      if (!table.ok) {
        setStage(entry.id, { kind: 'read', result: { ok: false, issues: table.issues } });
        continue;
      }
      const withTable = { ...entry, table: table.table };
      setEntries((list) => list.map((e) => (e.id === entry.id ? withTable : e)));
      latestRead.current(withTable);
    }
  }

  function update(id: string, change: Partial<FileEntry>) {
    const entry = entries.find((e) => e.id === id);
    if (!entry) return;
    const next = { ...entry, ...change };
    setEntries((list) => list.map((e) => (e.id === id ? next : e)));
    read(next);
  }

  async function confirm(id: string, result: ParsedOrders) {
    setStage(id, { kind: 'saving', result });
    try {
      const counts = await call('orders.import', { orders: result.orders, returns: result.returns, ...(result.layout ? { layout: result.layout } : {}) });
      setStage(id, { kind: 'done', result, counts });
      if (result.layout) setLayouts((list) => [result.layout!, ...list.filter((l) => l.signature !== result.layout!.signature)]);
    } catch (err) {
      setStage(id, { kind: 'save-failed', result, code: errorCode(err) });
    }
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
            void add(e.target.files);
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
          onRemove={() => setEntries((list) => list.filter((e) => e.id !== entry.id))}
        />
      ))}
    </section>
  );
}
