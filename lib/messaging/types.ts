/**
 * Message shapes shared by every context. Type-only on purpose: the content script imports it
 * without pulling zod into the console page. The background validates every message with the
 * schemas in ./protocol.ts.
 */
import type { DeckBundle, DeckSummary, LogData } from '../db/repository';
import type { ImportResult } from '../db/merge';
import type { PageText } from '../export/page';
import type { Card } from '../schema/card';
import type { DisclosureEvent, Session, Snapshot } from '../schema/session';
import type { CatalogueResponses } from './catalogue-types';
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

// The studio's catalogue requests (cards, decks, policies, images, trash, imports) are in ./catalogue-types.ts.
export interface Responses extends CatalogueResponses, ProofResponses, StageResponses {
  'deck.list': DeckSummary[];
  'deck.get': DeckBundle;
  'card.list': Card[];
  'session.start': Session;
  'session.current': Session | null;
  'session.end': Session;
  'session.list': Session[];
  'session.resumable': Session[];
  'session.resume': Session;
  'session.detail': SessionDetail;
  'session.filters': FilterOptions;
  'onScreen.get': string | null;
  'onScreen.set': null;
  'event.record': DisclosureEvent;
  'event.list': DisclosureEvent[];
  'log.export': LogData;
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
 * Messages the background pushes to sidebars over their port. A 'changed' push for a recorded
 * disclosure carries the committed event, so an open sidebar updates its marks from it instead
 * of re-reading the deck and the whole log after every click (bench: disclosure click).
 */
export type SidebarPush = { type: 'changed'; rev: number; event?: DisclosureEvent } | { type: 'hotkey'; key: string };

/** What a write changed, for the pushes above: nothing more specific than "something" by default. */
export interface Change {
  event?: DisclosureEvent;
}

export const SIDEBAR_PORT = 'upfront-sidebar';
export const DEFAULT_LAYOUT: Layout = { collapsed: false, width: 380 };
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
