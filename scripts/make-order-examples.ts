// npm run order-examples: writes docs/examples/tiktok-orders.xlsx from tiktok-orders.csv, as
// TikTok Shop's XLSX export holds it: ids as text, the description row 2, quantities as numbers
// and times as Excel date cells (serial numbers with a date format). The tests read both files
// and expect the same lines from each.
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { readTimeText } from '../lib/returns/import/time';

const dir = path.join(process.env.UPFRONT_ROOT ?? process.cwd(), 'docs/examples');
const csv = readFileSync(path.join(dir, 'tiktok-orders.csv'), 'utf8').replace(/^\uFEFF/, '');
const [header, description, ...rows] = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
const TIMES = new Set(['Created Time', 'Paid Time', 'RTS Time', 'Shipped Time', 'Delivered Time', 'Cancelled Time']);
const NUMBERS = new Set(['Quantity', 'Sku Quantity of return', 'Weight(kg)']);

const book = new ExcelJS.Workbook();
// Fixed, so the file only changes when the CSV does.
book.created = book.modified = new Date(Date.UTC(2026, 10, 21, 9, 0, 0));
book.creator = 'TikTok Shop Seller Center';
const sheet = book.addWorksheet('OrderSKUList');
sheet.addRow(header);
sheet.addRow(description);
for (const row of rows) {
  const values = row.map((cell, i) => {
    const h = header[i];
    if (cell === '') return null;
    if (NUMBERS.has(h)) return Number(cell);
    if (TIMES.has(h)) {
      const t = readTimeText(cell, 'MDY');
      if (t.kind !== 'local') throw new Error(`unreadable time ${cell}`);
      const w = t.wall;
      // ExcelJS writes a Date as the serial of its UTC reading: the shop's wall time, no zone.
      return new Date(Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second));
    }
    return cell;
  });
  const added = sheet.addRow(values);
  header.forEach((h, i) => {
    if (TIMES.has(h)) added.getCell(i + 1).numFmt = 'mm/dd/yyyy hh:mm:ss';
  });
}
const bytes = await book.xlsx.writeBuffer();
writeFileSync(path.join(dir, 'tiktok-orders.xlsx'), new Uint8Array(bytes as ArrayBuffer));
console.log('wrote docs/examples/tiktok-orders.xlsx');
