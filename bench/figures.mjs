// The figures for exports, imports and long shows, one module each under bench/figures/.
import { csvExport } from './figures/export.mjs';
import { deckImport } from './figures/import.mjs';
import { longShow } from './figures/show.mjs';

// A smoke run (--smoke) uses small data: it proves the flows still work, in seconds.
export function figures({ quick, smoke, report, ratio, log }) {
  return {
    csvExport: () => csvExport({ runs: smoke ? 1 : quick ? 2 : 5, events: smoke ? 2_000 : 100_000, report, ratio, log }),
    deckImport: () => deckImport({ runs: smoke ? 1 : quick ? 3 : 10, products: smoke ? 100 : 1000, report, log }),
    longShow: () => longShow({ events: smoke ? 150 : 2000, report, log }),
  };
}
