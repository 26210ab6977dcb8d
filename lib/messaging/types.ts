/**
 * Message shapes shared by every context. Type-only on purpose: the content script imports it
 * without pulling zod into the console page. The background validates every message with the
 * schemas in ./protocol.ts.
 */
import type { DeckBundle, DeckSummary } from '../db/repository';
import type { ImportResult } from '../db/merge';
import type { PageText } from '../export/page';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { CatalogueResponses } from './catalogue-types';
import type { ReturnsResponses } from './returns-types';
import type { ReturnsLoopResponses } from './returns-loop-types';
import type { SafetyResponses } from '../safety/types';

// Answers the studio reads, built beside the database code: pages and components take them from
// here (components/ never imports lib/db).
export type { DeckBundle, DeckSummary } from '../db/repository';
export type { ImportResult } from '../db/merge';
export type { DeckExport, Draft, TrashSummary } from '../db/library';
export type { OrdersImportResult } from '../db/orders';
import type { ProofResponses } from './proof-types';
import type { StageResponses } from './stage-types';

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

// The studio's catalogue requests (cards, decks, policies, images, trash, imports) are in ./catalogue-types.ts,
// the returns loop's: orders and returns in ./returns-types.ts, order lookup, evidence pack and
// analysis in ./returns-loop-types.ts; time-stamps and device signatures in ./proof-types.ts; the
// stage view's in ./stage-types.ts.
// The safety requests (journal, storage check, recovery, automatic copies) are in ../safety/types.ts.
export interface Responses extends CatalogueResponses, ReturnsResponses, ReturnsLoopResponses, SafetyResponses, ProofResponses, StageResponses {
  'deck.list': DeckSummary[];
  'deck.get': DeckBundle;
  'card.list': Card[];
  'cards.get': { cards: Card[]; policies: ReturnPolicy[] };
  'deck.pick': null;
  'deck.picked': string | null;
  'session.start': Session;
  'session.current': Session | null;
  'session.end': Session;
  'session.list': Session[];
  'session.resumable': Session[];
  'session.resume': Session;
  'session.detail': SessionDetail;
  'session.filters': FilterOptions;
  /** By session id: how many must-say items were said, skipped and not said (timeline's coverage). */
  'session.coverage': Record<string, Record<'said' | 'skipped' | 'not-said', number>>;
  'onScreen.get': string | null;
  'onScreen.set': null;
  'event.record': DisclosureEvent;
  'event.list': DisclosureEvent[];
  'log.page': PageText;
  'log.snapshots': Snapshot[];
  'log.exported': null;
  'log.installation': { installation: string };
  'log.import': ImportResult;
  'demo.remove': { decks: number; cards: number; policies: number };
  'tab.context': TabContext | null;
  'sidebar.bootstrap': SidebarBootstrap;
  'overlay.set': Layout;
  'site.enable': { origin: string };
  // From the content script:
  'console.hello': Layout;
  'layout.set': Layout;
  hotkey: null;
}

export type RequestType = keyof Responses;

/**
 * Everything the sidebar needs to draw, in one answer (bench: sidebar cold open): what the
 * single requests named in the comments would answer, composed in ./bootstrap.ts.
 */
export interface SidebarBootstrap {
  /** tab.context */
  context: TabContext | null;
  /** deck.list */
  decks: DeckSummary[];
  /** session.current of the context's tab (null without a context). */
  session: Session | null;
  /** session.resumable of the context's tab; empty with a live session, or if that answer failed. */
  resumable: Session[];
  /** deck.get of the live session's deck, else of the deck asked for, else of the first; null without decks. */
  bundle: DeckBundle | null;
  /** event.list of the live session (empty without one). */
  events: DisclosureEvent[];
  /** onScreen.get of the live session: the card its sidebar showed last (null without one). */
  onScreen: string | null;
}

/** One session for the studio's timeline and coverage report. */
export interface SessionDetail {
  session: Session;
  events: DisclosureEvent[];
  /** The snapshots the events cite: what each card said at the time. */
  snapshots: Snapshot[];
  /** The deck as it is now (for products never touched in the session), or null if deleted. */
  deck: DeckBundle | null;
}

/** The values the studio's session filters offer. */
export interface FilterOptions {
  hosts: string[];
  platforms: string[];
  decks: { id: string; name: string }[];
  products: { id: string; sku: string; name: unknown }[];
}

export interface Envelope<T extends RequestType = RequestType> {
  type: T;
  payload: unknown;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; code: string; detail?: string };

/** Messages the background pushes to the content script of a tab. */
export type ContentPush = { type: 'overlay.apply'; layout: Layout } | { type: 'overlay.toggle' };

/**
 * What a 'changed' push says changed, so each open view re-reads only its part:
 * - library: products, decks, policies or the trash (the studio's data in the database). `cardIds` alone: only those products'
 *   contents (a studio save); `deckIds`: those decks; neither: anything in the library.
 * - session: sessions started, ended, resumed, imported or exported (`sessionId` when one).
 * - event: a disclosure recorded in `sessionId`; the committed `event` rides along, so an open
 *   sidebar or timeline applies it instead of re-reading the log (bench: disclosure click).
 * - settings: per-browser settings.
 * - orders: the shop's order lines and returns (issue 17).
 */
export type ChangeScope = 'library' | 'session' | 'event' | 'settings' | 'orders';
export interface ChangedPush {
  type: 'changed';
  scope: ChangeScope;
  cardIds?: string[];
  deckIds?: string[];
  sessionId?: string;
  event?: DisclosureEvent;
}

/** Messages the background pushes to sidebars (and the studio) over their port. */
export type SidebarPush = ChangedPush | { type: 'hotkey'; key: string };

/** What a write changed, for the pushes above. */
export type Change = Omit<ChangedPush, 'type'>;

export const SIDEBAR_PORT = 'upfront-sidebar';
export const DEFAULT_LAYOUT: Layout = { collapsed: false, width: 380 };
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
