import type { Client } from '../../../lib/messaging/client';
import type { Card } from '../../../lib/schema/card';
import { touchesLibrary, type OnChanged, type StudioChange } from '../changes';
import type { Draft, TrashSummary } from '../../../lib/schema/library';
import type { Deck } from '../../../lib/schema/deck';
import type { ReturnPolicy } from '../../../lib/schema/policy';

export interface ProducerLists {
  cards: Card[];
  decks: Deck[];
  policies: ReturnPolicy[];
  trash: TrashSummary[];
  /** Editor states that do not pass the card schema yet: new products not yet valid, unsaved edits. */
  drafts: Draft[];
}

export interface ProducerListsState {
  data: ProducerLists | null;
  error?: string;
}

/**
 * The producer lists: one copy of the library's lists (products, decks, policies, trash, drafts) for every view of the
 * studio that shows them, read while at least one is on screen. A push re-reads only what it
 * names: a saved product alone is read again by id; a disclosure or a session change reads
 * nothing here. Reads never overlap: pushes during one fold into one more read after it.
 */
export class ProducerListsSource {
  private state: ProducerListsState = { data: null };
  private readonly views = new Set<() => void>();
  private off?: () => void;
  private reading: Promise<void> | null = null;
  private readAgain = false;

  constructor(
    private readonly call: Client,
    private readonly onChanged: OnChanged,
  ) {}

  snapshot = (): ProducerListsState => this.state;

  subscribe = (view: () => void): (() => void) => {
    this.views.add(view);
    if (this.views.size === 1) {
      this.off = this.onChanged((change) => void this.changed(change));
      void this.reload();
    }
    return () => {
      this.views.delete(view);
      if (this.views.size === 0) {
        this.off?.();
        this.off = undefined;
      }
    };
  };

  private set(state: ProducerListsState) {
    this.state = state;
    this.views.forEach((v) => v());
  }

  /** Reads the four lists again (coalesced); resolves when the newest read is shown. */
  reload = (): Promise<void> => {
    if (this.reading) {
      this.readAgain = true;
      return this.reading;
    }
    this.reading = (async () => {
      do {
        this.readAgain = false;
        await this.readAll();
      } while (this.readAgain);
    })().finally(() => {
      this.reading = null;
    });
    return this.reading;
  };

  private async readAll() {
    try {
      const [cards, decks, policies, trash, drafts] = await Promise.all([
        this.call('card.list', {}),
        this.call('deck.all', {}),
        this.call('policy.list', {}),
        this.call('trash.list', {}),
        this.call('draft.list', {}),
      ]);
      this.set({ data: { cards, decks, policies, trash, drafts } });
    } catch (err) {
      this.set({ ...this.state, error: (err as { code?: string }).code ?? 'internal' });
    }
  }

  private async changed(change: StudioChange) {
    if (!touchesLibrary(change)) return;
    const cardIds = change?.cardIds;
    if (!cardIds || change?.deckIds || !this.state.data || this.reading) return this.reload();
    try {
      // The product and the drafts (a draft saved or dropped names its product too).
      const [{ cards, policies }, drafts] = await Promise.all([this.call('cards.get', { cardIds }), this.call('draft.list', {})]);
      const data = this.state.data;
      if (!data) return;
      this.set({ data: { ...data, cards: mergeCards(data.cards, cards), policies: mergeById(data.policies, policies), drafts } });
    } catch {
      await this.reload();
    }
  }
}

/** The list with these cards put in (new ones too), kept in SKU order as card.list gives it. */
function mergeCards(list: readonly Card[], fresh: readonly Card[]): Card[] {
  return mergeById(list, fresh).sort((a, b) => a.sku.localeCompare(b.sku));
}

function mergeById<T extends { id: string; updatedAt: number }>(list: readonly T[], fresh: readonly T[]): T[] {
  const byId = new Map(list.map((x) => [x.id, x]));
  for (const x of fresh) {
    const old = byId.get(x.id);
    if (!old || old.updatedAt <= x.updatedAt) byId.set(x.id, x);
  }
  return [...byId.values()];
}

const sources = new WeakMap<Client, WeakMap<OnChanged, ProducerListsSource>>();

/** The one source for a studio's client and push subscription. */
export function producerListsSource(call: Client, onChanged: OnChanged): ProducerListsSource {
  let byPush = sources.get(call);
  if (!byPush) sources.set(call, (byPush = new WeakMap()));
  let source = byPush.get(onChanged);
  if (!source) byPush.set(onChanged, (source = new ProducerListsSource(call, onChanged)));
  return source;
}
