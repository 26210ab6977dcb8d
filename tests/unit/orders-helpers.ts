import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseOrderFile, type ParseOptions, type ParseResult } from '../../lib/returns/import';
import type { OrderFileFormat } from '../../lib/returns/types';
import { ROOT } from './studio-helpers';

export const IMPORT_NOW = Date.UTC(2026, 11, 1, 9, 0, 0);

/** The example order files in docs/examples, with the shop's zone each was written in. */
export const EXAMPLES: { file: string; timeZone: string; format: OrderFileFormat; orders: number; returns: number }[] = [
  { file: 'tiktok-orders.csv', timeZone: 'Europe/Madrid', format: 'tiktok-orders', orders: 9, returns: 0 },
  { file: 'tiktok-orders.xlsx', timeZone: 'Europe/Madrid', format: 'tiktok-orders', orders: 9, returns: 0 },
  { file: 'tiktok-returns.csv', timeZone: 'Europe/Madrid', format: 'tiktok-returns', orders: 0, returns: 5 },
  { file: 'shopify-orders.csv', timeZone: 'Europe/Berlin', format: 'shopify-orders', orders: 8, returns: 0 },
  { file: 'douyin-orders.csv', timeZone: 'Asia/Shanghai', format: 'douyin-orders', orders: 7, returns: 4 },
  { file: 'upfront-orders.csv', timeZone: 'Europe/Madrid', format: 'upfront-template', orders: 5, returns: 2 },
];

/**
 * Every buyer's personal value written in the example files (names, usernames, phones,
 * e-mails, addresses, messages and notes): none may come out of a parse or reach the database.
 */
export const PERSONAL_VALUES = [
  'Lucía Fernández Ortega', 'lucia_fo_92', '612345678', 'Calle de Alcalá', 'gift for my brother', 'Marc Bosch', 'marc.b.viladecans', 'Carrer de Mallorca',
  'Ana Belén Ruiz', 'ana_cocina', 'Ring twice', 'Javier Moreno', '611223344', 'Sofía López', 'Paseo de Gracia', 'Pablo Romero', 'Elena Navarro', 'Gran Vía',
  'Rubén Castillo', 'ruben_home', 'Lucía Fernández', 'Bottle arrived cracked', 'Colour is not like the live',
  'Jonas Becker', 'jonas.becker@example.de', 'Lindenstraße', '151 23456789', 'Nachbarn', 'Mia Hoffmann', 'mia.h@example.de', 'Schillerplatz', 'Lukas Wagner',
  'Hannah Schröder', 'Königsallee', 'Felix Koch', 'Hauptstraße', '+49 176',
  '王小红', '13812345678', '文一西路', '请尽快发货', '李明', '13987654321', '科技园南路', '张伟', '宜山路', '陈静', '玉林南路', '刘洋', '望京 SOHO', '赵丽', '湖南路 1 号', '小美的衣橱',
];

export function exampleBytes(file: string): Uint8Array {
  return new Uint8Array(readFileSync(path.join(ROOT, 'docs/examples', file)));
}

export function parseExample(file: string, options: Partial<ParseOptions> = {}): Promise<ParseResult> {
  const ex = EXAMPLES.find((e) => e.file === file);
  return parseOrderFile({ name: file, bytes: exampleBytes(file) }, { timeZone: ex?.timeZone ?? 'UTC', now: IMPORT_NOW, ...options });
}

/** A CSV file in memory. */
export const csvFile = (name: string, rows: (string | number)[][]) => ({
  name,
  bytes: new TextEncoder().encode(rows.map((r) => r.map((c) => (/[",\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\r\n')),
});
