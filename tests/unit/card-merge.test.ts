import { describe, expect, it } from 'vitest';
import type { Sender } from '../../lib/background/service';
import { testService } from '../helpers/service';
import { afterSave, nothingToSave, resolve, takeIn, toSend } from '../../lib/cards/edit-sync';
import { getAt, merge3, setAt } from '../../lib/cards/merge';
import { withText } from '../../lib/cards/translations';
import { acceptTerm } from '../../lib/dont-say/term-flags';
import { createClient } from '../../lib/messaging/client';
import { Card } from '../../lib/schema/card';
import { euPolicy, freshLibrary, NOW } from './studio-helpers';

const EXT = 'abcdefghijklmnopabcdefghijklmnop';
const studio: Sender = { id: EXT, url: `chrome-extension://${EXT}/studio.html` };

const tent = Card.parse({
  id: 'tent',
  sku: 'TENT',
  name: { en: 'The best tent' },
  category: 'home',
  caveats: [
    { id: 'c1', text: { en: 'Not for snow' }, mustSay: true },
    { id: 'c2', text: { en: 'Not for stony ground' }, mustSay: false },
  ],
  updatedAt: 0,
});

/** The real background service over fake-indexeddb, asked as the studio asks it. */
async function studioService() {
  const m = freshLibrary();
  let clock = NOW;
  const handle = testService({ repo: m.repo, library: m.library, now: () => clock });
  const call = createClient((message) => handle(message, studio));
  await call('card.save', { card: tent });
  const stored = async () => (await call('card.get', { cardId: 'tent' })).card!;
  return { ...m, call, stored, tick: () => (clock += 1000) };
}

describe('three-way merge of a card', () => {
  it('keeps what each side changed since the base, texts language by language and items by id', () => {
    const mine = { ...tent, name: { en: 'The best tent', es: 'La mejor tienda' }, caveats: [tent.caveats[1], { ...tent.caveats[0], text: { en: 'Not for heavy snow' } }] };
    const theirs = { ...tent, name: { en: 'A good tent' }, caveats: [...tent.caveats, { id: 'c3', text: { en: 'Not for wind' }, mustSay: false }] };
    const { value, conflicts } = merge3(tent, mine, theirs, 'theirs');
    expect(conflicts).toEqual([]);
    expect(value.name).toEqual({ en: 'A good tent', es: 'La mejor tienda' });
    // Mine reordered and edited c1; theirs added c3: all three kept, in my order, c3 after.
    expect(value.caveats.map((c) => [c.id, c.text.en])).toEqual([
      ['c2', 'Not for stony ground'],
      ['c1', 'Not for heavy snow'],
      ['c3', 'Not for wind'],
    ]);
  });

  it('names a text both sides changed differently, and lets the preferred side have it', () => {
    const mine = { ...tent, name: { en: 'Mine' } };
    const theirs = { ...tent, name: { en: 'Theirs' } };
    expect(merge3(tent, mine, theirs, 'theirs')).toEqual({ value: theirs, conflicts: [{ path: ['name', 'en'], mine: 'Mine', theirs: 'Theirs' }] });
    expect(merge3(tent, mine, theirs, 'mine').value).toEqual(mine);
    // An item deleted on one side and edited on the other is a conflict too, not a silent loss.
    const deleted = { ...tent, caveats: [tent.caveats[1]] };
    const edited = { ...tent, caveats: [{ ...tent.caveats[0], mustSay: false }, tent.caveats[1]] };
    expect(merge3(tent, deleted, edited, 'mine').conflicts.map((c) => c.path)).toEqual([['caveats', { id: 'c1' }]]);
  });

  it('reads and writes a place by its path', () => {
    expect(getAt(tent, ['caveats', { id: 'c2' }, 'text', 'en'])).toBe('Not for stony ground');
    const changed = setAt(tent, ['caveats', { id: 'c2' }, 'text', 'es'], 'No en suelo pedregoso');
    expect(changed.caveats[1].text).toEqual({ en: 'Not for stony ground', es: 'No en suelo pedregoso' });
    expect(setAt(tent, ['caveats', { id: 'c1' }], undefined).caveats.map((c) => c.id)).toEqual(['c2']);
    expect(tent.caveats[1].text).toEqual({ en: 'Not for stony ground' });
  });
});

describe('card.save with a base, against the real service and Dexie', () => {
  it('two editors and an acceptance saving at once from the same base: every field each changed is stored', async () => {
    const s = await studioService();
    const base = await s.stored();
    const editorA = { ...base, name: { en: 'The best tent, 2 people' } };
    const editorB = withText(base, ['caveats', 1, 'text'], 'es', 'No en suelo pedregoso');
    const accepted = acceptTerm(base, { term: 'best', field: 'name', language: 'en' }, 'Award 2026', NOW);
    const replies = await Promise.all([
      s.call('card.save', { card: editorA, base }),
      s.call('card.save', { card: editorB, base }),
      s.call('card.save', { card: accepted, base }),
    ]);
    expect(replies.map((r) => r.conflicts)).toEqual([[], [], []]);
    const stored = await s.stored();
    expect(stored.name).toEqual({ en: 'The best tent, 2 people' });
    expect(stored.caveats[1].text).toEqual({ en: 'Not for stony ground', es: 'No en suelo pedregoso' });
    expect(stored.acceptedTerms).toEqual([{ term: 'best', field: 'name', language: 'en', reason: 'Award 2026', at: NOW }]);
    // Each write is a new version, even within one millisecond.
    expect(new Set(replies.map((r) => r.card.updatedAt)).size).toBe(3);
    expect(stored.updatedAt).toBe(Math.max(...replies.map((r) => r.card.updatedAt)));
  });

  it('two saves of the same text at once: the first stored stays, the second is told, nothing else is lost', async () => {
    const s = await studioService();
    const base = await s.stored();
    const [first, second] = await Promise.all([
      s.call('card.save', { card: { ...base, name: { en: 'First' }, category: 'toys' }, base }),
      s.call('card.save', { card: { ...base, name: { en: 'Second' }, sku: 'TENT-2' }, base }),
    ]);
    const stored = await s.stored();
    expect(stored).toMatchObject({ name: { en: 'First' }, category: 'toys', sku: 'TENT-2' });
    expect(first.conflicts).toEqual([]);
    expect(second.conflicts).toEqual([['name', 'en']]);
  });

  it('a save that changes nothing since its base writes nothing and keeps the version', async () => {
    const s = await studioService();
    const base = await s.stored();
    s.tick();
    const reply = await s.call('card.save', { card: base, base });
    expect(reply.card.updatedAt).toBe(base.updatedAt);
  });

  it('a save from outside the editor keeps the editor’s draft, with the card it was edited from', async () => {
    const s = await studioService();
    const base = await s.stored();
    await s.call('draft.save', { cardId: 'tent', value: { ...base, sku: '' }, base });
    await s.call('card.save', { card: acceptTerm(base, { term: 'best', field: 'name', language: 'en' }, 'Award', NOW), base, keepDraft: true });
    expect((await s.call('card.get', { cardId: 'tent' })).draft).toMatchObject({ value: { sku: '' }, base: { updatedAt: base.updatedAt } });
    // The editor's own save is the draft made the card: the draft goes.
    await s.call('card.save', { card: { ...base, sku: 'TENT-2' }, base });
    expect((await s.call('card.get', { cardId: 'tent' })).draft).toBeNull();
  });

  it('without a base the card is put whole, as a deck file or a script does', async () => {
    const s = await studioService();
    const base = await s.stored();
    await s.call('card.save', { card: acceptTerm(base, { term: 'best', field: 'name', language: 'en' }, 'Award', NOW), base });
    await s.call('card.save', { card: { ...base, name: { en: 'Replaced' } } });
    expect((await s.stored()).acceptedTerms).toBeUndefined();
  });
});

const eu = euPolicy();

describe('policy.save with a base, against the real service and Dexie', () => {
  async function withPolicy() {
    const s = await studioService();
    await s.call('policy.save', { policy: eu });
    const stored = async () => (await s.call('policy.list', {})).find((p) => p.id === 'eu')!;
    return { ...s, policy: stored };
  }

  it('the policy editor, an Accept… and a translation saving at once from the same base: every field each changed is stored', async () => {
    const s = await withPolicy();
    const base = await s.policy();
    const editor = { ...base, windowDays: 30, exchanges: true };
    const accepted = acceptTerm(base, { term: 'final sale', field: 'exceptions', language: 'en' }, 'Hygiene rule', NOW);
    const translated = withText(base, ['condition'], 'es', 'Sin usar, con etiquetas');
    const replies = await Promise.all([
      s.call('policy.save', { policy: editor, base }),
      s.call('policy.save', { policy: accepted, base }),
      s.call('policy.save', { policy: translated, base }),
    ]);
    expect(replies.map((r) => r.conflicts)).toEqual([[], [], []]);
    const stored = await s.policy();
    expect(stored).toMatchObject({ windowDays: 30, exchanges: true, condition: { en: 'Unworn, with tags', es: 'Sin usar, con etiquetas' }, exceptions: { en: 'Underwear is final sale' } });
    expect(stored.acceptedTerms).toEqual([{ term: 'final sale', field: 'exceptions', language: 'en', reason: 'Hygiene rule', at: NOW }]);
    // Each write is a new version, even within one millisecond.
    expect(new Set(replies.map((r) => r.policy.updatedAt)).size).toBe(3);
    expect(stored.updatedAt).toBe(Math.max(...replies.map((r) => r.policy.updatedAt)));
    expect(stored.updatedAt).toBeGreaterThan(base.updatedAt);
  });

  it('the same text saved from two windows at once: the first stored stays, the second is told, its other fields are stored', async () => {
    const s = await withPolicy();
    const base = await s.policy();
    const [first, second] = await Promise.all([
      s.call('policy.save', { policy: withText(base, ['condition'], 'en', 'Unworn'), base }),
      s.call('policy.save', { policy: { ...withText(base, ['condition'], 'en', 'As new'), windowDays: 21 }, base }),
    ]);
    expect(await s.policy()).toMatchObject({ condition: { en: 'Unworn' }, windowDays: 21 });
    expect(first.conflicts).toEqual([]);
    expect(second.conflicts).toEqual([['condition', 'en']]);
  });

  it('a save that changes nothing since its base writes nothing and keeps the version; without a base the policy is put whole', async () => {
    const s = await withPolicy();
    const base = await s.policy();
    s.tick();
    expect((await s.call('policy.save', { policy: base, base })).policy.updatedAt).toBe(base.updatedAt);
    expect((await s.policy()).updatedAt).toBe(base.updatedAt);
    await s.call('policy.save', { policy: { ...base, windowDays: 30 }, base });
    await s.call('policy.save', { policy: { ...base, name: 'Replaced' } });
    expect(await s.policy()).toMatchObject({ name: 'Replaced', windowDays: 14 });
  });

  it('a base that is not a valid policy is refused, and nothing is written', async () => {
    const s = await withPolicy();
    const before = await s.policy();
    await expect(s.call('policy.save', { policy: { ...before, windowDays: 30 }, base: { ...before, markets: [] } })).rejects.toMatchObject({ code: 'bad-message' });
    expect(await s.policy()).toEqual(before);
  });
});

describe('the editor against the stored card (edit-sync)', () => {
  const v1 = { ...tent, updatedAt: 1 };
  it('takes in only a newer version, and keeps what was typed during a save', () => {
    const typed = { ...v1, name: { en: 'The best tent, 2' } };
    const state = { draft: typed, base: v1, conflicts: [] };
    expect(takeIn(state, v1)).toBeNull();
    const sent = toSend(state);
    // Typing went on while the save was in flight; the stored version also has a change from elsewhere.
    const later = { ...state, draft: { ...typed, name: { en: 'The best tent, 2 people' } } };
    const after = afterSave(later, sent, { ...sent, category: 'toys', updatedAt: 3 }, []);
    expect(after).toEqual({ draft: { ...typed, name: { en: 'The best tent, 2 people' }, category: 'toys', updatedAt: 3 }, base: { ...sent, category: 'toys', updatedAt: 3 }, conflicts: [] });
    // A late push of the version before the save changes nothing.
    expect(takeIn(after, { ...v1, updatedAt: 2 })).toBeNull();
  });

  it('a place the server kept over ours becomes a conflict; until it is resolved the save leaves it as stored', () => {
    const typed = { ...v1, name: { en: 'Mine' } };
    const state = { draft: typed, base: v1, conflicts: [] };
    const stored = { ...v1, name: { en: 'Theirs' }, updatedAt: 2 };
    const after = afterSave(state, toSend(state), stored, [['name', 'en']]);
    expect(after.draft.name.en).toBe('Mine');
    expect(after.conflicts).toEqual([{ path: ['name', 'en'], mine: 'Mine', theirs: 'Theirs' }]);
    expect(toSend(after).name.en).toBe('Theirs');
    expect(nothingToSave(after, toSend(after))).toBe(true);
    expect(toSend(resolve(after, ['name', 'en'], 'mine')).name.en).toBe('Mine');
    expect(resolve(after, ['name', 'en'], 'theirs').draft.name.en).toBe('Theirs');
  });
});
