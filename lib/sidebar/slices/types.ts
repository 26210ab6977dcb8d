/**
 * The sidebar store's shape, one part per slice (./sync.ts, ./session.ts, ./recording.ts,
 * ./navigation.ts, ./view.ts). Kept apart from the slices so each can read the whole store's
 * type without importing the others.
 */
import type { StateCreator } from 'zustand/vanilla';
import type { CardItem } from '../../cards/items';
import type { DeckBundle, DeckSummary } from '../../schema/deck';
import type { Client } from '../../messaging/client';
import type { ChangedPush, TabContext } from '../../messaging/types';
import type { LengthUnit } from '../../scale/units';
import type { Card } from '../../schema/card';
import type { ReturnPolicy } from '../../schema/policy';
import type { DisclosureEvent, Item, Session } from '../../schema/session';
import type { MarkEvent } from '../rehearsal';

export type MarkState =
  | { state: 'saving'; eventId: string }
  | { state: 'recorded'; eventId: string }
  | { state: 'failed'; eventId: string; code: string };

/** The host tried to leave a card with must-say items unsaid: where to, and what is missing. */
export interface MoveGate {
  to: number;
  missing: CardItem[];
}

/** The card on screen, its return policy and its disclosure items (../selectors.ts, currentCard). */
export interface CurrentCard {
  card: Card;
  policy: ReturnPolicy | undefined;
  items: CardItem[];
}

export interface SidebarDeps {
  call: Client;
  newId: () => string;
  /** Pauses before the opening request is asked again after the background could not be reached (default ./sync.ts OPEN_RETRY_MS). */
  openRetryMs?: readonly number[];
}

/** What the background says: the tab, its decks, the deck shown and the live session. */
export interface SyncState {
  status: 'loading' | 'ready' | 'error';
  error?: string;
  /** The tab this sidebar serves; a side panel names it explicitly. */
  tabId?: number;
  context: TabContext | null;
  decks: DeckSummary[];
  deckId?: string;
  bundle: DeckBundle | null;
  session: Session | null;
  /** Issue 20: `session` holds a rehearsal, recorded in the rehearsal log only (../rehearsal.ts). */
  rehearsal: boolean;
  /** A rehearsal just ended here, waiting for the host to keep or discard it. */
  rehearsalEnded?: string;
  /** Open sessions of this console left by a closed tab or a crash, offered to resume or end; issue 5. */
  resumable: Session[];
  /** Go live or Resume sent and not answered yet: both buttons do nothing meanwhile. */
  starting: boolean;
  /** A failure of a whole-sidebar action (go live, end), as an i18n code. */
  actionError?: string;
}

/** What the host has said in the live session, as recorded or on its way. */
export interface RecordingState {
  /** Per disclosure item of the live session, keyed by markKey(). */
  marks: Record<string, MarkState>;
  /** Must-say items the host moved on from unsaid, keyed by markKey() (event id). */
  skipped: Record<string, string>;
  /** The latest on-air correction of an item, keyed by markKey() (event id); issue 5. */
  corrections: Record<string, string>;
  /**
   * The page is covering the sidebar or making it (nearly) transparent, as a clickjacking page
   * would: nothing is recorded until it is fully visible again.
   */
  obscured: boolean;
}

/** Where the host is: the card, the item on it, and what stands open over it. */
export interface NavigationState {
  index: number;
  /** The item the host is on (digits pick it, M marks it said), as an index into the card's items. */
  selected: number;
  gate: MoveGate | null;
  helpOpen: boolean;
  recapOpen: boolean;
  /** A short notice for a key that had nothing to act on, as an i18n key. */
  notice?: string;
}

/** How the card on screen is shown. */
export interface ViewState {
  /** Display unit for lengths; starts from the market (US: inches), one key switches it. */
  unit: LengthUnit;
  /** Issue 6: the viewer language the host switched to (L); see viewerLanguage(). */
  viewerChoice?: string;
  /** The size-chart row the host is talking about. */
  sizeRow?: number;
  /** Which of the card's scale references is drawn. */
  refIndex: number;
}

export interface SidebarState extends SyncState, RecordingState, NavigationState, ViewState {}

export interface SyncActions {
  init(tabId?: number): Promise<void>;
  /** Re-reads what may have changed elsewhere (studio edits, a session ended in another view). */
  refresh(): Promise<void>;
  /** A push from the background; returns when the sidebar shows the change. */
  changed(push?: Partial<ChangedPush>): Promise<void>;
  selectDeck(deckId: string): Promise<void>;
  /** Between slices: reads everything the sidebar shows (`sidebar.bootstrap`). */
  bootstrap(tabId: number | undefined): Promise<void>;
}

export interface SessionActions {
  goLive(host: string, choice?: { market?: string; language?: string }, rehearse?: boolean): Promise<void>;
  endSession(): Promise<void>;
  resume(sessionId: string): Promise<void>;
  endResumable(sessionId: string): Promise<void>;
}

export interface RecordingActions {
  markSaid(item: Item): Promise<void>;
  markSelected(): Promise<void>;
  correct(item: Item, eventId: string): Promise<void>;
  endWithRecap(): Promise<void>;
  setObscured(obscured: boolean): void;
  /** Between slices: records one 'skipped' event per unsaid must-say item of a card left. */
  recordSkipped(left: CurrentCard, missing: readonly CardItem[]): Promise<void>;
  /** Between slices: the marks of the session's log as read from the background. */
  showMarks(session: Session | null, events: readonly MarkEvent[]): void;
  /** Between slices: one event the background has committed. */
  applyCommitted(e: MarkEvent & Pick<DisclosureEvent, 'sessionId'>): void;
}

export interface NavigationActions {
  select(index: number): void;
  next(): void;
  previous(): void;
  confirmGate(): void;
  cancelGate(): void;
  selectItem(index: number): void;
  escape(): void;
  toggleHelp(): void;
  requestEnd(): void;
  closeRecap(): void;
  flushOnScreen(): void;
  /** Between slices: shows card `index` on its landing item, closing what belonged to the last. */
  showCard(index: number): void;
  /** Between slices: tells the background the card on screen, once the host stops moving. */
  rememberOnScreen(): void;
}

export interface ViewActions {
  toggleUnit(): void;
  cycleViewerLanguage(): void;
  openSizeChart(): void;
  moveSizeRow(delta: 1 | -1): void;
  highlightSizeRow(row: number): void;
  setRefIndex(i: number): void;
}

/** Issue 20: after a rehearsal ends, the host keeps it for review or discards it (../rehearsal.ts). */
export interface RehearsalActions {
  keepRehearsal(): Promise<void>;
  discardRehearsal(): Promise<void>;
}

export type SidebarActions = SyncActions & SessionActions & RecordingActions & NavigationActions & ViewActions & RehearsalActions;

/** The whole store: every slice's state and actions. */
export type Sidebar = SidebarState & SidebarActions;

/** One slice: its part of the store, given the whole store's get and set. */
export type Slice<T> = (deps: SidebarDeps) => StateCreator<Sidebar, [], [], T>;
