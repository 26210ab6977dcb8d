import type { Table } from 'dexie';
import type { DeckFileImage } from '../deckfile/format';
import { UpfrontError } from '../errors';
import { base64ToBytes, bytesToBase64, imageIdFor, imageIdOf } from '../images';
import { mergeSave, nextVersion, type Path } from '../cards/merge';
import { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import { ReturnPolicy } from '../schema/policy';
import type { DeckExport, Draft, ImageInfo, ImportCommit, TrashSummary } from '../schema/library';
import type { UpfrontDb } from './database';
import { deckBundleOf } from './decks';

/** A product image as the database keeps it. */
export interface StoredImage extends ImageInfo {
  blob: Blob;
}

/** A saved card, and the places where the stored text was kept over the sender's (see saveCard). */
export interface CardSaved {
  card: Card;
  conflicts: Path[];
}

/** A saved policy, and the places where the stored text was kept over the sender's (see savePolicy). */
export interface PolicySaved {
  policy: ReturnPolicy;
  conflicts: Path[];
}

/** Where a deleted card sat, so restoring puts it back in its run sheets. */
export interface DeckPosition {
  deckId: string;
  index: number;
}

/** Something deleted in the studio, kept until restored or emptied. */
export type TrashEntry = TrashSummary & ({ kind: 'card'; record: Card; positions: DeckPosition[] } | { kind: 'deck'; record: Deck });

const trashKey = (kind: TrashEntry['kind'], id: string) => `${kind}:${id}`;

/** The deck a trash key stands for, or undefined for a product's. */
export function trashedDeckId(key: string): string | undefined {
  const prefix = trashKey('deck', '');
  return key.startsWith(prefix) ? key.slice(prefix.length) : undefined;
}

/**
 * The studio's reads and writes: products, decks, policies, images, drafts and the trash.
 * Like Repository, only the background calls it. Kept apart from repository.ts (the live
 * session and evidence side) so the two can change independently.
 */
export class Library {
  private readonly images: Table<StoredImage, string>;
  private readonly trash: Table<TrashEntry, string>;
  private readonly drafts: Table<Draft, string>;

  constructor(private readonly db: UpfrontDb) {
    this.images = db.table('images');
    this.trash = db.table('trash');
    this.drafts = db.table('drafts');
  }

  async getCard(cardId: string): Promise<{ card: Card | null; draft: Draft | null }> {
    const [card, draft] = await Promise.all([this.db.cards.get(cardId), this.drafts.get(cardId)]);
    return { card: card ?? null, draft: draft ?? null };
  }

  /**
   * Saves a valid card (the service has parsed it) and drops its draft. SKUs are unique. The card
   * joins `addToDecks` (at the end of each run sheet, unless already in it) in the same
   * transaction, so a deck never lists a card that failed to save.
   *
   * With `base` (the card as the sender last read it; null for a product it made), only what the
   * sender changed since is written, merged into the stored card in this transaction: a field
   * changed meanwhile elsewhere is kept, and where both changed the same text the stored one
   * stays and is named in `conflicts` (lib/cards/merge.ts). Without it the card is put whole (a
   * deck file, a script). `updatedAt` grows with every write of a card, so it orders versions.
   * `keepDraft`: a save from outside the editor (Accept…, Translations) leaves the editor's draft.
   */
  async saveCard(card: Card, now: number, addToDecks: readonly string[] = [], { base, keepDraft = false }: { base?: Card | null; keepDraft?: boolean } = {}): Promise<CardSaved> {
    const { db } = this;
    return db.transaction('rw', [db.cards, db.decks, this.drafts], async () => {
      const stored = await db.cards.get(card.id);
      const merged = mergeSave(card, base, stored, (v) => Card.safeParse(v).data ?? null);
      if (!merged) throw new UpfrontError('card-conflict', card.id);
      const { next, conflicts } = merged;
      const clash = await db.cards.where('sku').equals(next.sku).filter((c) => c.id !== card.id).first();
      if (clash) throw new UpfrontError('sku-taken', next.sku);
      if (!keepDraft) await this.drafts.delete(card.id);
      // Nothing new (an editor taking in a change and saving it back): no write, no new version.
      if (stored && !merged.write && addToDecks.length === 0) return { card: stored, conflicts };
      const saved: Card = { ...next, updatedAt: nextVersion(now, stored) };
      await db.cards.put(saved);
      for (const deck of await db.decks.bulkGet([...new Set(addToDecks)])) {
        if (deck && !deck.cardIds.includes(card.id)) await db.decks.put({ ...deck, cardIds: [...deck.cardIds, card.id], updatedAt: now });
      }
      return { card: saved, conflicts };
    });
  }

  async listDrafts(): Promise<Draft[]> {
    return this.drafts.toArray();
  }

  async saveDraft(cardId: string, value: unknown, now: number, base?: Card): Promise<void> {
    await this.drafts.put({ cardId, value, savedAt: now, ...(base ? { base } : {}) });
  }

  async discardDraft(cardId: string): Promise<void> {
    await this.drafts.delete(cardId);
  }

  /** Moves a card to the trash, taking it out of every deck (and remembering where it was). */
  async deleteCard(cardId: string, now: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.cards, db.decks, this.trash, this.drafts], async () => {
      const card = await db.cards.get(cardId);
      if (!card) throw new UpfrontError('card-not-found', cardId);
      const positions: DeckPosition[] = [];
      for (const deck of await db.decks.toArray()) {
        const index = deck.cardIds.indexOf(cardId);
        if (index < 0) continue;
        positions.push({ deckId: deck.id, index });
        await db.decks.put({ ...deck, cardIds: deck.cardIds.filter((id) => id !== cardId), updatedAt: now });
      }
      const label = Object.values(card.name).find((s) => s.trim() !== '') ?? card.sku;
      await this.trash.put({ key: trashKey('card', cardId), kind: 'card', id: cardId, label: `${card.sku} · ${label}`, deletedAt: now, record: card, positions });
      await db.cards.delete(cardId);
      await this.drafts.delete(cardId);
    });
  }

  async deleteDeck(deckId: string, now: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', db.decks, this.trash, async () => {
      const deck = await db.decks.get(deckId);
      if (!deck) throw new UpfrontError('deck-not-found', deckId);
      await this.trash.put({ key: trashKey('deck', deckId), kind: 'deck', id: deckId, label: deck.name, deletedAt: now, record: deck });
      await db.decks.delete(deckId);
    });
  }

  /** A deck as it was when it was moved to the trash, while it is there. */
  async trashedDeck(deckId: string): Promise<Deck | undefined> {
    const entry = await this.trash.get(trashKey('deck', deckId));
    return entry?.kind === 'deck' ? entry.record : undefined;
  }

  async listTrash(): Promise<TrashSummary[]> {
    const entries = await this.trash.orderBy('deletedAt').reverse().toArray();
    return entries.map(({ key, kind, id, label, deletedAt }) => ({ key, kind, id, label, deletedAt }));
  }

  /** Puts a deleted card or deck back; refuses when its SKU was reused meanwhile. */
  async restore(key: string, now: number): Promise<void> {
    const { db } = this;
    await db.transaction('rw', [db.cards, db.decks, this.trash], async () => {
      const entry = await this.trash.get(key);
      if (!entry) throw new UpfrontError('trash-not-found', key);
      if (entry.kind === 'card') {
        const clash = await db.cards.where('sku').equals(entry.record.sku).first();
        if (clash) throw new UpfrontError('sku-taken', entry.record.sku);
        await db.cards.put(entry.record);
        for (const p of entry.positions) {
          const deck = await db.decks.get(p.deckId);
          if (!deck || deck.cardIds.includes(entry.id)) continue;
          const cardIds = [...deck.cardIds];
          cardIds.splice(Math.min(p.index, cardIds.length), 0, entry.id);
          await db.decks.put({ ...deck, cardIds, updatedAt: now });
        }
      } else {
        const existing = new Set(await db.cards.toCollection().primaryKeys());
        await db.decks.put({ ...entry.record, cardIds: entry.record.cardIds.filter((id) => existing.has(id)), updatedAt: now });
      }
      await this.trash.delete(key);
    });
  }

  async purge(key: string): Promise<void> {
    await this.trash.delete(key);
  }

  async listDecks(): Promise<Deck[]> {
    const decks = await this.db.decks.toArray();
    return decks.sort((a, b) => a.name.localeCompare(b.name));
  }

  /** Creates or updates a deck. Unknown card ids are dropped rather than kept dangling. */
  async saveDeck(deck: Deck, now: number): Promise<Deck> {
    const { db } = this;
    return db.transaction('rw', db.decks, db.cards, db.policies, async () => {
      const found = await db.cards.bulkGet(deck.cardIds);
      const cardIds = deck.cardIds.filter((_, i) => found[i] !== undefined);
      if (deck.defaultPolicyId && !(await db.policies.get(deck.defaultPolicyId))) throw new UpfrontError('policy-not-found', deck.defaultPolicyId);
      const saved: Deck = { ...deck, cardIds: [...new Set(cardIds)], updatedAt: now };
      await db.decks.put(saved);
      return saved;
    });
  }

  async duplicateDeck(deckId: string, newId: string, name: string, now: number): Promise<Deck> {
    const { db } = this;
    return db.transaction('rw', db.decks, async () => {
      const deck = await db.decks.get(deckId);
      if (!deck) throw new UpfrontError('deck-not-found', deckId);
      if (await db.decks.get(newId)) throw new UpfrontError('id-taken', newId);
      // A copy is the producer's own, even when the original is the demo.
      const { demo: _demo, ...rest } = deck;
      const copy: Deck = { ...rest, id: newId, name, updatedAt: now };
      await db.decks.add(copy);
      return copy;
    });
  }

  async listPolicies(): Promise<ReturnPolicy[]> {
    const policies = await this.db.policies.toArray();
    return policies.sort((a, b) => a.name.localeCompare(b.name));
  }

  /**
   * Saves a policy as saveCard saves a card: with `base` (the policy as the sender last read it;
   * null for one it made) only what the sender changed since is merged into the stored policy in
   * this transaction, a text changed on both sides keeping the stored one (named in `conflicts`);
   * without it the policy is put whole. A save that changes nothing writes nothing.
   */
  async savePolicy(policy: ReturnPolicy, now: number, base?: ReturnPolicy | null): Promise<PolicySaved> {
    const { db } = this;
    return db.transaction('rw', db.policies, async () => {
      const stored = await db.policies.get(policy.id);
      const merged = mergeSave(policy, base, stored, (v) => ReturnPolicy.safeParse(v).data ?? null);
      if (!merged) throw new UpfrontError('policy-conflict', policy.id);
      if (stored && !merged.write) return { policy: stored, conflicts: merged.conflicts };
      const saved: ReturnPolicy = { ...merged.next, updatedAt: nextVersion(now, stored) };
      await db.policies.put(saved);
      return { policy: saved, conflicts: merged.conflicts };
    });
  }

  async putImage(image: DeckFileImage, now: number): Promise<ImageInfo> {
    const bytes = base64ToBytes(image.data);
    if (imageIdFor(bytes) !== image.id) throw new UpfrontError('image-id-mismatch', image.id);
    const stored: StoredImage = {
      id: image.id,
      type: image.type,
      blob: new Blob([bytes], { type: image.type }),
      width: image.width,
      height: image.height,
      bytes: bytes.byteLength,
      createdAt: now,
    };
    await this.images.put(stored);
    const { blob: _b, ...meta } = stored;
    return meta;
  }

  async getImage(id: string): Promise<DeckFileImage | null> {
    const stored = await this.images.get(id);
    if (!stored) return null;
    return { id, type: stored.type, width: stored.width, height: stored.height, data: bytesToBase64(new Uint8Array(await blobBytes(stored.blob))) };
  }

  /** A deck with its cards (run-sheet order), the policies they use and their stored images. */
  async exportDeck(deckId: string): Promise<DeckExport> {
    const deck = await this.db.decks.get(deckId);
    if (!deck) throw new UpfrontError('deck-not-found', deckId);
    const { cards, policies } = await deckBundleOf(this.db, deck);
    const images: DeckFileImage[] = [];
    for (const c of cards) {
      const id = imageIdOf(c.image);
      const image = id ? await this.getImage(id) : null;
      if (image && !images.some((i) => i.id === image.id)) images.push(image);
    }
    return { deck: { ...deck, cardIds: cards.map((c) => c.id) }, cards, policies, images };
  }

  /**
   * Writes a previewed import in one transaction: all of it or nothing. The preview was made
   * against what the studio saw; if the database changed since (a card added or deleted
   * elsewhere), the commit is refused instead of writing something the producer did not see.
   */
  async commitImport(commit: ImportCommit, now: number): Promise<{ added: number; updated: number }> {
    const { db } = this;
    return db.transaction('rw', [db.cards, db.decks, db.policies, this.images], async () => {
      let added = 0;
      let updated = 0;
      const skus = new Set<string>();
      // Two reads for the whole file instead of two per product: a 1,000-product deck was
      // 2,000 round trips to the storage service (bench: import of a 1,000-product deck).
      const [byId, sameSku] = await Promise.all([
        db.cards.bulkGet(commit.cards.map((c) => c.card.id)),
        db.cards.where('sku').anyOf([...new Set(commit.cards.map((c) => c.card.sku))]).toArray(),
      ]);
      const withSku = new Map<string, Card[]>();
      for (const c of sameSku) withSku.set(c.sku, [...(withSku.get(c.sku) ?? []), c]);
      for (const [i, { card, expect }] of commit.cards.entries()) {
        if (skus.has(card.sku)) throw new UpfrontError('import-duplicate-sku', card.sku);
        skus.add(card.sku);
        const existing = byId[i];
        const bySku = withSku.get(card.sku)?.find((c) => c.id !== card.id);
        if (bySku) throw new UpfrontError('import-stale', card.sku);
        if (expect === 'add' && existing) throw new UpfrontError('import-stale', card.id);
        if (expect === 'update' && !existing) throw new UpfrontError('import-stale', card.id);
        if (expect === 'add') added++;
        else updated++;
      }
      if (commit.deck) {
        const known = new Set([...commit.cards.map((c) => c.card.id), ...(await db.cards.toCollection().primaryKeys())]);
        const missing = commit.deck.cardIds.find((id) => !known.has(id));
        if (missing) throw new UpfrontError('import-stale', missing);
      }
      for (const image of commit.images) await this.putImage(image, now);
      await db.policies.bulkPut(commit.policies);
      await db.cards.bulkPut(commit.cards.map((c) => c.card));
      if (commit.deck) await db.decks.put(commit.deck);
      return { added, updated };
    });
  }
}

/** Blob → bytes, also where Blob#arrayBuffer is missing (older fake-indexeddb clones). */
async function blobBytes(blob: Blob): Promise<ArrayBuffer> {
  if (typeof blob.arrayBuffer === 'function') return blob.arrayBuffer();
  return new Response(blob).arrayBuffer();
}
