/**
 * Message shapes shared by every context, and nothing else: zod-free, so the content script
 * imports it without pulling zod into the console page. What each request takes and answers is
 * its domain's contract in lib/contracts/.
 */
import type { DisclosureEvent } from '../schema/session';

export interface Layout {
  collapsed: boolean;
  /** Sidebar width in CSS pixels. */
  width: number;
}

export interface TabContext {
  tabId: number;
  url: string;
  origin: string;
  /** Platform id from the registry, or "custom" for a site the host enabled. */
  platform: string;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; code: string; detail?: string };

/** Messages the background pushes to the content script of a tab. */
export type ContentPush = { type: 'overlay.apply'; layout: Layout } | { type: 'overlay.toggle' };

/**
 * What a 'changed' push says changed, so each open view re-reads only its part:
 * - library: products, decks, policies or the trash (the studio's data in the database).
 *   `cardIds` alone: only those products' contents (a studio save); `deckIds`: those decks;
 *   neither: anything in the library.
 * - session: sessions started, ended, resumed, imported or exported (`sessionId` when one).
 * - event: a disclosure recorded in `sessionId`; the committed `event` rides along, so an open
 *   sidebar or timeline applies it instead of re-reading the log.
 * - settings: per-browser settings.
 * - orders: the shop's order lines and returns (issue 17).
 * - rehearsal: a rehearsal started, ended, kept or discarded (`sessionId` is the rehearsal's id; issue 20);
 *   or a mark recorded in it (`mark`), which another view of the rehearsal applies as it applies a show's `event`.
 */
export type ChangeScope = 'library' | 'session' | 'event' | 'settings' | 'orders' | 'rehearsal';
export interface ChangedPush {
  type: 'changed';
  scope: ChangeScope;
  cardIds?: string[];
  deckIds?: string[];
  sessionId?: string;
  event?: DisclosureEvent;
  mark?: MarkEvent;
}

/** What a view reads of a recorded event to show its mark: the same for a show's events and a rehearsal's. */
export type MarkEvent = Pick<DisclosureEvent, 'id' | 'action' | 'cardId' | 'item'>;

/** Messages the background pushes to sidebars (and the studio) over their port. */
export type SidebarPush = ChangedPush | { type: 'hotkey'; key: string };

/** What a write changed, for the pushes above. */
export type Change = Omit<ChangedPush, 'type'>;

export const SIDEBAR_PORT = 'upfront-sidebar';
/** The port a stage window listens on; it names its session, then gets `{ type: 'stage', state }`. */
export const STAGE_PORT = 'upfront-stage';

/** The port the sidebar sends `stage.put` on (lib/messaging/port-requests.ts): opened once, not per key. */
export const STAGE_CONTROL_PORT = 'upfront-stage-control';
export const DEFAULT_LAYOUT: Layout = { collapsed: false, width: 380 };
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
