import type { DisclosureEvent, Item } from '../schema/session';
import { DEFAULT_STAGE_MIN_MS } from './settings';

/** One stretch of time an item was on the viewers' stage. */
export interface OnScreen {
  item: Item;
  cardId: string;
  /** The `shown` event, and the `hidden` one that ended it (absent: still on, or the log stops there). */
  shown: DisclosureEvent;
  hidden?: DisclosureEvent;
  fromMs: number;
  /** Offset into the stream when it left; for one still on, the last event's offset. */
  toMs: number;
}

const same = (a: DisclosureEvent, b: DisclosureEvent) => a.cardId === b.cardId && a.item.kind === b.item.kind && a.item.id === b.item.id;

/**
 * The stage's showings in a session's events (in sequence order): each stage `shown` event paired
 * with the `hidden` event that took the same item off. The background puts one item on stage at a
 * time, so a showing ends at the next `hidden` of the same item.
 */
export function onScreenSpans(events: readonly DisclosureEvent[]): OnScreen[] {
  const spans: OnScreen[] = [];
  const open: OnScreen[] = [];
  const lastMs = events.length > 0 ? events[events.length - 1].offsetMs : 0;
  for (const e of events) {
    if (!e.stage) continue;
    if (e.action === 'shown') {
      const span: OnScreen = { item: e.item, cardId: e.cardId, shown: e, fromMs: e.offsetMs, toMs: lastMs };
      open.push(span);
      spans.push(span);
    } else if (e.action === 'hidden') {
      const i = open.findIndex((s) => same(s.shown, e));
      if (i >= 0) {
        open[i].hidden = e;
        open[i].toMs = e.offsetMs;
        open.splice(i, 1);
      }
    }
  }
  return spans;
}

/** Whether an item was on stage, in one stretch, for at least `minMs` (a deck's `stageMinMs`). */
export function shownOnStage(spans: readonly OnScreen[], cardId: string, item: Item, minMs = DEFAULT_STAGE_MIN_MS): OnScreen | undefined {
  return spans.find((s) => s.cardId === cardId && s.item.kind === item.kind && s.item.id === item.id && s.toMs - s.fromMs >= minMs);
}
