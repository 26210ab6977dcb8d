/**
 * How the card on screen is shown: the unit, the viewer language, the size-chart row and the
 * scale drawing. The stage follows these (../stage-control.ts subscribes to the store).
 */
import { clampRow } from '../../cards/size';
import { otherUnit } from '../../scale/units';
import { currentCard, viewerLanguage } from '../selectors';
import { nextViewerLanguage, viewerLanguages } from '../viewer';
import type { Slice, ViewActions, ViewState } from './types';

export const createViewSlice: Slice<ViewState & ViewActions> = () => (set, get) => ({
  unit: 'cm',
  refIndex: 0,

  toggleUnit: () => set({ unit: otherUnit(get().unit) }),

  /** L: the next of the deck's languages for the cards' text, live; events record it. */
  cycleViewerLanguage() {
    const langs = viewerLanguages(get().bundle?.deck, get().session);
    if (langs.length < 2) return set({ notice: 'notice.oneLanguage' });
    set({ viewerChoice: nextViewerLanguage(viewerLanguage(get()), langs), notice: undefined });
  },

  /** S: the size chart, selected and open; a card without one says so. */
  openSizeChart() {
    const c = currentCard(get());
    const i = c?.items.findIndex((it) => it.kind === 'size') ?? -1;
    if (i < 0) return set({ notice: 'notice.noSizeChart' });
    set({ selected: i, notice: undefined });
  },

  /** [ and ]: walk the highlighted size row; opens the size chart so the host sees it. */
  moveSizeRow(delta) {
    const c = currentCard(get());
    const rows = c?.card.sizeChart?.rows?.length ?? 0;
    if (!c || rows === 0) return set({ notice: 'notice.noSizeChart' });
    const cur = get().sizeRow;
    const next = cur === undefined ? (delta > 0 ? 0 : rows - 1) : clampRow(cur + delta, rows);
    set({ sizeRow: next, selected: c.items.findIndex((it) => it.kind === 'size'), notice: undefined });
  },
  highlightSizeRow: (row) => set({ sizeRow: row }),
  setRefIndex: (i) => set({ refIndex: i }),
});
