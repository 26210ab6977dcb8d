import { useTranslation } from 'react-i18next';
import { measurementId, measurementLabel } from '../../../lib/import/measurements';
import type { SizeChart } from '../../../lib/schema/card';
import type { FieldError } from '../../../lib/validation';
import { ErrorText, Field, NumberInput, parseNumber } from './fields';
import { useLanguageName } from '../../common/language-name';

type Chart = SizeChart;

interface Props {
  chart: Chart;
  onChange: (chart: Chart) => void;
  languages: string[];
  errors: Map<string, FieldError>;
}

/** Parses spreadsheet clipboard text (tab-separated, one line per row). */
export function parseTsv(text: string): string[][] {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/\n+$/, '')
    .split('\n')
    .map((line) => line.split('\t').map((c) => c.trim()));
}

function uniqueId(base: string, taken: string[]): string {
  let id = base;
  for (let i = 2; taken.includes(id); i++) id = `${base}-${i}`;
  return id;
}

const isNumberCell = (c: string) => c === '' || !Number.isNaN(parseNumber(c) ?? 0);
/** A pasted cell as a chart value: text that is not a number becomes an empty (null) cell. */
const cellValue = (c: string) => {
  const n = parseNumber(c);
  return n === undefined || Number.isNaN(n) ? null : n;
};

/**
 * Applies a paste from a spreadsheet. A block whose first line has labels after the first cell
 * ("Size, Chest, Length") replaces the whole chart; any other block fills in from the cell it
 * was pasted into, adding rows and columns as needed.
 */
export function pasteIntoChart(chart: Chart, text: string, at: { row: number; col: number }, language: string): Chart {
  const lines = parseTsv(text).filter((l) => l.some((c) => c !== ''));
  if (lines.length === 0) return chart;
  const header = lines[0];
  const looksLikeHeader = header.length > 1 && header.slice(1).some((c) => !isNumberCell(c)) && at.row <= 0 && at.col <= 0;
  if (looksLikeHeader) {
    const ids: string[] = [];
    const measurements = header.slice(1).map((label) => {
      const id = uniqueId(measurementId(label), ids);
      ids.push(id);
      const known = measurementLabel(id);
      return { id, label: known[language] ? known : { ...known, [language]: label } };
    });
    const rows = lines.slice(1).map((cells) => ({
      size: cells[0] ?? '',
      values: Object.fromEntries(measurements.map((m, i) => [m.id, cellValue(cells[i + 1] ?? '')])),
    }));
    return { ...chart, measurements, rows: rows.length > 0 ? rows : chart.rows };
  }
  const measurements = [...chart.measurements];
  const rows = chart.rows.map((r) => ({ ...r, values: { ...r.values } }));
  const startRow = Math.max(0, at.row);
  lines.forEach((cells, i) => {
    const r = startRow + i;
    while (rows.length <= r) rows.push({ size: '', values: Object.fromEntries(measurements.map((m) => [m.id, null])) });
    cells.forEach((cell, j) => {
      const c = at.col + j; // -1 is the size column
      if (c < 0) {
        rows[r].size = cell;
        return;
      }
      while (measurements.length <= c) {
        const id = uniqueId('measurement', measurements.map((m) => m.id));
        measurements.push({ id, label: { [language]: '' } });
      }
      rows[r].values[measurements[c].id] = cellValue(cell);
    });
  });
  return { ...chart, measurements, rows };
}

export function emptyChart(language: string): Chart {
  return {
    unit: 'cm',
    measurements: [{ id: 'chest', label: { ...measurementLabel('chest'), [language]: measurementLabel('chest')[language] ?? 'Chest' } }],
    rows: [{ size: 'M', values: { chest: null } }],
  };
}

export function SizeChartEditor({ chart, onChange, languages, errors }: Props) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const language = languages[0];
  const err = (path: string) => errors.get(`sizeChart.${path}`);
  const set = (patch: Partial<Chart>) => onChange({ ...chart, ...patch });

  const addRow = () => set({ rows: [...chart.rows, { size: '', values: Object.fromEntries(chart.measurements.map((m) => [m.id, null])) }] });
  const removeRow = (i: number) => set({ rows: chart.rows.filter((_, k) => k !== i) });
  const addColumn = () => {
    const id = uniqueId('measurement', chart.measurements.map((m) => m.id));
    set({
      measurements: [...chart.measurements, { id, label: { [language]: '' } }],
      rows: chart.rows.map((r) => ({ ...r, values: { ...r.values, [id]: null } })),
    });
  };
  const removeColumn = (id: string) =>
    set({
      measurements: chart.measurements.filter((m) => m.id !== id),
      rows: chart.rows.map((r) => {
        const { [id]: _gone, ...values } = r.values;
        return { ...r, values };
      }),
    });
  const setLabel = (i: number, text: string) => {
    const measurements = chart.measurements.map((m, k) => (k === i ? { ...m, label: { ...m.label, [language]: text } } : m));
    set({ measurements });
  };
  const setSize = (i: number, size: string) => set({ rows: chart.rows.map((r, k) => (k === i ? { ...r, size } : r)) });
  const setValue = (i: number, id: string, v: number | undefined) =>
    set({ rows: chart.rows.map((r, k) => (k === i ? { ...r, values: { ...r.values, [id]: v ?? null } } : r)) });

  const onPaste = (e: React.ClipboardEvent<HTMLTableElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!/[\t\n]/.test(text)) return; // a single value: let the input take it
    const cell = (e.target as HTMLElement).closest<HTMLElement>('[data-row]');
    if (!cell) return;
    e.preventDefault();
    onChange(pasteIntoChart(chart, text, { row: Number(cell.dataset.row), col: Number(cell.dataset.col) }, language));
  };

  const fb = chart.fitFeedback;
  const setFb = (key: 'trueToSize' | 'runsSmall' | 'runsLarge' | 'sampleSize', v: number | undefined) => {
    const next = { trueToSize: fb?.trueToSize, runsSmall: fb?.runsSmall, runsLarge: fb?.runsLarge, sampleSize: fb?.sampleSize, ...(fb ?? {}), [key]: v };
    const empty = ['trueToSize', 'runsSmall', 'runsLarge', 'sampleSize'].every((k) => next[k as keyof typeof next] === undefined);
    set({ fitFeedback: empty ? undefined : (next as Chart['fitFeedback']) });
  };
  const models = chart.modelRefs ?? [];
  const setModels = (list: NonNullable<Chart['modelRefs']>) => set({ modelRefs: list.length > 0 ? list : undefined });

  return (
    <div className="size-chart-editor">
      <div className="row">
        <Field label={t('editor.unit')} error={err('unit')}>
          {(p) => (
            <select {...p} value={chart.unit} onChange={(e) => set({ unit: e.target.value as Chart['unit'] })}>
              <option value="cm">cm</option>
              <option value="in">in</option>
            </select>
          )}
        </Field>
        <p className="hint">{t('editor.pasteHint')}</p>
      </div>
      <div className="grid-scroll">
        <table className="chart-grid" onPaste={onPaste} aria-label={t('editor.sizeChartGrid')}>
          <thead>
            <tr>
              <th scope="col" data-row={-1} data-col={-1}>
                {t('editor.size')}
              </th>
              {chart.measurements.map((m, i) => (
                <th scope="col" key={m.id} data-row={-1} data-col={i}>
                  <input
                    aria-label={t('editor.measurementLabel', { n: i + 1 })}
                    value={m.label[language] ?? ''}
                    onChange={(e) => setLabel(i, e.target.value)}
                    aria-invalid={err(`measurements.${i}.label`) ? true : undefined}
                  />
                  <button type="button" className="icon" onClick={() => removeColumn(m.id)} disabled={chart.measurements.length <= 1} aria-label={t('editor.removeColumn', { name: m.label[language] || m.id })}>
                    ×
                  </button>
                  <ErrorText error={err(`measurements.${i}.label`)} />
                </th>
              ))}
              <th>
                <button type="button" onClick={addColumn}>
                  + {t('editor.addColumn')}
                </button>
              </th>
            </tr>
          </thead>
          <tbody>
            {chart.rows.map((r, i) => (
              <tr key={i}>
                <th scope="row" data-row={i} data-col={-1}>
                  <input aria-label={t('editor.sizeOfRow', { n: i + 1 })} value={r.size} onChange={(e) => setSize(i, e.target.value)} aria-invalid={err(`rows.${i}.size`) ? true : undefined} />
                  <ErrorText error={err(`rows.${i}.size`)} />
                </th>
                {chart.measurements.map((m, k) => (
                  <td key={m.id} data-row={i} data-col={k}>
                    <NumberInput
                      aria-label={t('editor.cell', { size: r.size || i + 1, measurement: m.label[language] || m.id })}
                      value={r.values[m.id]}
                      onChange={(v) => setValue(i, m.id, v)}
                      aria-invalid={err(`rows.${i}.values.${m.id}`) ? true : undefined}
                      className={r.values[m.id] === null || r.values[m.id] === undefined ? 'empty-cell' : undefined}
                    />
                    <ErrorText error={err(`rows.${i}.values.${m.id}`)} />
                  </td>
                ))}
                <td>
                  <button type="button" className="icon" onClick={() => removeRow(i)} disabled={chart.rows.length <= 1} aria-label={t('editor.removeRow', { size: r.size || i + 1 })}>
                    ×
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <button type="button" onClick={addRow}>
        + {t('editor.addRow')}
      </button>
      <ErrorText error={err('rows') ?? err('measurements')} />

      <h4>{t('editor.fitAdvice')}</h4>
      {languages.map((l) => (
        <Field key={l} label={`${t('editor.fitAdvice')} (${ln(l)})`} error={err(`fitAdvice.${l}`) ?? (l === language ? err('fitAdvice') : undefined)}>
          {(p) => (
            <input
              {...p}
              lang={l}
              value={chart.fitAdvice?.[l] ?? ''}
              onChange={(e) => {
                const next = { ...(chart.fitAdvice ?? {}), [l]: e.target.value };
                if (e.target.value === '') delete next[l];
                set({ fitAdvice: Object.keys(next).length > 0 ? next : undefined });
              }}
            />
          )}
        </Field>
      ))}

      <h4>{t('editor.fitFeedback')}</h4>
      <div className="row">
        {(['trueToSize', 'runsSmall', 'runsLarge', 'sampleSize'] as const).map((k) => (
          <Field key={k} label={t(`editor.${k}`)} error={err(`fitFeedback.${k}`)}>
            {(p) => <NumberInput {...p} className="short" value={fb?.[k]} onChange={(v) => setFb(k, v)} />}
          </Field>
        ))}
      </div>

      <h4>{t('editor.modelRefs')}</h4>
      {models.map((m, i) => (
        <div className="row" key={i}>
          <Field label={t('editor.modelHeight')} error={err(`modelRefs.${i}.heightCm`)}>
            {(p) => <NumberInput {...p} className="short" value={m.heightCm} onChange={(v) => setModels(models.map((x, k) => (k === i ? { ...x, heightCm: v as number } : x)))} />}
          </Field>
          <Field label={t('editor.modelWears')} error={err(`modelRefs.${i}.wears`)}>
            {(p) => <input {...p} className="short" value={m.wears} onChange={(e) => setModels(models.map((x, k) => (k === i ? { ...x, wears: e.target.value } : x)))} />}
          </Field>
          <Field label={`${t('editor.modelFit')} (${ln(language)})`} error={err(`modelRefs.${i}.fit`)}>
            {(p) => (
              <input
                {...p}
                value={m.fit?.[language] ?? ''}
                onChange={(e) => setModels(models.map((x, k) => (k === i ? { ...x, fit: e.target.value ? { ...(x.fit ?? {}), [language]: e.target.value } : undefined } : x)))}
              />
            )}
          </Field>
          <button type="button" className="icon" onClick={() => setModels(models.filter((_, k) => k !== i))} aria-label={t('editor.removeModel', { n: i + 1 })}>
            ×
          </button>
        </div>
      ))}
      <button type="button" onClick={() => setModels([...models, { heightCm: undefined as unknown as number, wears: '' }])}>
        + {t('editor.addModel')}
      </button>
    </div>
  );
}
