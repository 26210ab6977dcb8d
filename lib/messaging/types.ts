/**
 * Message shapes shared by every context. Type-only on purpose: the content script imports it
 * without pulling zod into the console page. The background validates every message with the
 * schemas in ./protocol.ts.
 */
import type { DeckBundle, DeckSummary, LogData } from '../db/repository';
import type { Card } from '../schema/card';
import type { DisclosureEvent, Session } from '../schema/session';

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

export interface Responses {
  'deck.list': DeckSummary[];
  'deck.get': DeckBundle;
  'card.list': Card[];
  'session.start': Session;
  'session.current': Session | null;
  'session.end': Session;
  'session.list': Session[];
  'event.record': DisclosureEvent;
  'event.list': DisclosureEvent[];
  'log.export': LogData;
  'demo.remove': { decks: number; cards: number; policies: number };
  'tab.context': TabContext | null;
  'overlay.set': Layout;
  'site.enable': { origin: string };
  // From the content script:
  'console.hello': Layout;
  'layout.set': Layout;
  hotkey: null;
}

export type RequestType = keyof Responses;

export interface Envelope<T extends RequestType = RequestType> {
  type: T;
  payload: unknown;
}

export type Reply<T> = { ok: true; data: T } | { ok: false; code: string; detail?: string };

/** Messages the background pushes to the content script of a tab. */
export type ContentPush = { type: 'overlay.apply'; layout: Layout } | { type: 'overlay.toggle' };

/** Messages the background pushes to sidebars over their port. */
export type SidebarPush = { type: 'changed'; rev: number } | { type: 'hotkey'; key: string };

export const SIDEBAR_PORT = 'upfront-sidebar';
export const DEFAULT_LAYOUT: Layout = { collapsed: false, width: 380 };
export const MIN_WIDTH = 300;
export const MAX_WIDTH = 720;
