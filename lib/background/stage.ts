/**
 * The stage: what a live session shows its viewers (issue 18). The background holds it (it
 * belongs to the session, and a stage window reopened after a crash shows what the session
 * says), records it in the log, and pushes it to the open stage windows.
 *
 * Every change runs one at a time per session: "take off the old item, record it, put on the
 * new one, record it" must never interleave with another change, or the log would show two
 * items on stage at once.
 */
import type { RecordInput } from '../db/repository';
import { UpfrontError } from '../errors';
import type { Item } from '../schema/session';
import { STAGE_KINDS, type StageSettings } from '../stage/settings';
import type { StageState } from '../stage/state';
import type { KeyValue } from './kv';

const key = (sessionId: string) => `stage:${sessionId}`;
const WINDOW_KEY = 'stageWindows';

export interface StagePut {
  sessionId: string;
  cardId: string;
  item?: Item;
  language: string;
  unit: 'cm' | 'in';
  sizeRow?: number;
  refIndex?: number;
  settings: StageSettings;
}

/**
 * What the stage reads its show from and records showings in: the session log (the Repository),
 * or, through lib/rehearsal/stage-log.ts, a rehearsal's log for a rehearsal's id (issue 20).
 */
export interface StageLog {
  getSession(id: string): Promise<{ deckId: string; endedAt?: number } | undefined>;
  recordEvent(input: RecordInput): Promise<{ id: string; at: number }>;
}

export interface StageDeps {
  repo: StageLog;
  /** Per browser session: a stage is never carried across a browser restart. */
  session: KeyValue;
  now: () => number;
  newId: () => string;
  /** Pushes the stage to the open stage windows (null: nothing on stage). */
  push: (sessionId: string, state: StageState | null) => void;
}

/** The product of `state` on stage without its item. */
function nameOnly({ item: _item, since: _since, shownEventId: _shown, ...rest }: StageState): StageState {
  return rest;
}

const sameItem = (a: Item | undefined, b: Item | undefined) => a?.kind === b?.kind && a?.id === b?.id;

export class StageKeeper {
  private readonly queue = new Map<string, Promise<unknown>>();
  /** What this worker last put on each session's stage; the session store keeps it across a worker restart. */
  private readonly held = new Map<string, StageState | undefined>();

  constructor(private readonly deps: StageDeps) {}

  async get(sessionId: string): Promise<StageState | undefined> {
    if (this.held.has(sessionId)) return this.held.get(sessionId);
    const stored = await this.deps.session.get<StageState>(key(sessionId));
    // A change made while the store was read is newer than what it answered.
    if (!this.held.has(sessionId)) this.held.set(sessionId, stored);
    return this.held.get(sessionId);
  }

  private async keep(sessionId: string, state: StageState | undefined): Promise<void> {
    this.held.set(sessionId, state);
    if (state) await this.deps.session.set(key(sessionId), state);
    else await this.deps.session.remove(key(sessionId));
  }

  /** One change at a time per session (see the top of this file). */
  private serial<T>(sessionId: string, run: () => Promise<T>): Promise<T> {
    const before = this.queue.get(sessionId) ?? Promise.resolve();
    const next = before.then(run, run);
    const kept = next.catch(() => undefined);
    this.queue.set(sessionId, kept);
    void kept.then(() => {
      if (this.queue.get(sessionId) === kept) this.queue.delete(sessionId);
    });
    return next;
  }

  /** Records that `state`'s item left the stage now. */
  private async recordHidden(state: StageState): Promise<boolean> {
    if (!state.item) return false;
    await this.deps.repo.recordEvent({
      id: this.deps.newId(),
      sessionId: state.sessionId,
      cardId: state.cardId,
      item: state.item,
      language: state.language,
      action: 'hidden',
      stage: { layout: state.settings.layout },
      now: this.deps.now(),
    });
    return true;
  }

  /**
   * The viewers see a change first, then it is recorded: the stage repaints within a frame of the
   * host's key instead of after two committed writes, and the log's times are those of the change
   * on its way to the screen. If the log cannot say so, the stage goes back to what the log says
   * (the old item, or its product's name alone if its leaving was recorded) and the host is told.
   */
  private async showThenRecord<S extends StageState | undefined>(sessionId: string, before: StageState | undefined, next: S, record: (hidden: () => void) => Promise<S>): Promise<S> {
    this.held.set(sessionId, next);
    this.deps.push(sessionId, next ?? null);
    let hidden = false;
    try {
      const state = await record(() => (hidden = true));
      await this.keep(sessionId, state);
      return state;
    } catch (err) {
      const back = before && hidden ? nameOnly(before) : before;
      this.deps.push(sessionId, back ?? null);
      await this.keep(sessionId, back).catch(() => undefined);
      throw err;
    }
  }

  /**
   * Puts a product (and optionally one of its items) on stage. A different item, language or
   * layout is a new showing: the old one is recorded as hidden, the new one as shown. The same
   * item again (a size row moved, units switched) changes what is drawn, not the log.
   */
  put(p: StagePut): Promise<StageState> {
    return this.serial(p.sessionId, async () => {
      const session = await this.deps.repo.getSession(p.sessionId);
      if (!session) throw new UpfrontError('session-not-found', p.sessionId);
      if (session.endedAt !== undefined) throw new UpfrontError('session-ended', p.sessionId);
      if (p.item && !(STAGE_KINDS as readonly string[]).includes(p.item.kind)) throw new UpfrontError('not-for-stage', p.item.kind);
      const before = await this.get(p.sessionId);
      const sameShowing =
        before !== undefined &&
        before.cardId === p.cardId &&
        sameItem(before.item, p.item) &&
        before.language === p.language &&
        before.settings.layout === p.settings.layout;
      const drawn: StageState = {
        sessionId: p.sessionId,
        deckId: session.deckId,
        cardId: p.cardId,
        ...(p.item ? { item: { kind: p.item.kind, id: p.item.id } } : {}),
        language: p.language,
        unit: p.unit,
        ...(p.sizeRow !== undefined ? { sizeRow: p.sizeRow } : {}),
        refIndex: p.refIndex ?? 0,
        settings: p.settings,
        ...(sameShowing && before.since !== undefined ? { since: before.since } : {}),
        ...(sameShowing && before.shownEventId !== undefined ? { shownEventId: before.shownEventId } : {}),
      };
      return this.showThenRecord(p.sessionId, before, drawn, async (hidden) => {
        if (sameShowing) return drawn;
        if (before && (await this.recordHidden(before))) hidden();
        if (!p.item) return drawn;
        const shown = await this.deps.repo.recordEvent({
          id: this.deps.newId(),
          sessionId: p.sessionId,
          cardId: p.cardId,
          item: p.item,
          language: p.language,
          action: 'shown',
          stage: { layout: p.settings.layout },
          now: this.deps.now(),
        });
        return { ...drawn, since: shown.at, shownEventId: shown.id };
      });
    });
  }

  /** Clears the stage (the host took it off, the stage window or the console closed, the show ended). */
  clear(sessionId: string): Promise<null> {
    return this.serial(sessionId, async () => {
      const before = await this.get(sessionId);
      if (!before) return null;
      await this.showThenRecord(sessionId, before, undefined, async (hidden) => {
        const session = await this.deps.repo.getSession(sessionId);
        if (session && session.endedAt === undefined && (await this.recordHidden(before))) hidden();
        return undefined;
      });
      return null;
    });
  }

  /** Which stage window shows which session (so closing the window takes its item off). */
  windowOpened(windowId: number, sessionId: string): Promise<void> {
    return this.serial(WINDOW_KEY, async () => {
      const map = (await this.deps.session.get<Record<string, string>>(WINDOW_KEY)) ?? {};
      await this.deps.session.set(WINDOW_KEY, { ...map, [windowId]: sessionId });
    });
  }

  async windowOf(sessionId: string): Promise<number | undefined> {
    const map = (await this.deps.session.get<Record<string, string>>(WINDOW_KEY)) ?? {};
    const found = Object.entries(map).find(([, s]) => s === sessionId);
    return found ? Number(found[0]) : undefined;
  }

  async windowClosed(windowId: number): Promise<void> {
    const sessionId = await this.serial(WINDOW_KEY, async () => {
      const map = (await this.deps.session.get<Record<string, string>>(WINDOW_KEY)) ?? {};
      const id = map[windowId];
      if (id !== undefined) {
        delete map[windowId];
        await this.deps.session.set(WINDOW_KEY, map);
      }
      return id;
    });
    if (sessionId !== undefined) await this.clear(sessionId);
  }
}
