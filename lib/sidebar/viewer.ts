/**
 * The viewer language: the language the host reads cards in for the audience. It starts as the
 * session's (or, before going live, the deck's first), and one key cycles through the deck's
 * languages live. Events record the language the item was actually shown in, so a log never
 * claims a caveat was said in Spanish when its Spanish text was missing and English was shown.
 */
import { localize } from '../cards/text';
import type { CardItem } from '../cards/items';
import { uiLanguageFor } from '../i18n';
import type { Card } from '../schema/card';
import type { Deck } from '../schema/deck';
import type { ReturnPolicy } from '../schema/policy';
import type { Item, Session } from '../schema/session';

/** Languages the host can switch between: the deck's, plus the session's if it is not among them. */
export function viewerLanguages(deck: Pick<Deck, 'languages'> | undefined, session: Pick<Session, 'language'> | null): string[] {
  const out = [...(deck?.languages ?? [])];
  if (session && !out.includes(session.language)) out.unshift(session.language);
  return out;
}

/** The language in effect: the host's pick if the deck still has it, else the session's, else the deck's first. */
export function effectiveViewerLanguage(
  chosen: string | undefined,
  deck: Pick<Deck, 'languages'> | undefined,
  session: Pick<Session, 'language'> | null,
): string {
  const langs = viewerLanguages(deck, session);
  if (chosen && langs.includes(chosen)) return chosen;
  return session?.language ?? langs[0] ?? 'en';
}

/** The next language in the cycle (wraps). */
export function nextViewerLanguage(current: string, languages: readonly string[]): string {
  if (languages.length === 0) return current;
  const i = languages.indexOf(current);
  return languages[(i + 1) % languages.length];
}

/**
 * Text Upfront writes itself (the generated return-policy paragraph, the scale sentence) exists
 * in the interface languages only; for any other viewer language it is English, marked.
 */
export function generatedLanguage(viewer: string): string {
  return uiLanguageFor(viewer) ?? 'en';
}

/** The language an item's host-facing text was shown in for this viewer language. */
export function shownLanguage(card: Card, policy: ReturnPolicy | undefined, item: Item | CardItem, viewer: string, fallbacks: readonly string[]): string {
  const resolved = (text: Parameters<typeof localize>[0]) => localize(text, viewer, fallbacks)?.language;
  switch (item.kind) {
    case 'caveat':
      return resolved(card.caveats.find((c) => c.id === item.id)?.text) ?? viewer;
    case 'note':
      return resolved(card.notes.find((n) => n.id === item.id)?.text) ?? viewer;
    case 'size':
      // The chart is numbers; its words are the fit advice (else the column names).
      return resolved(card.sizeChart?.fitAdvice) ?? resolved(card.sizeChart?.measurements[0]?.label) ?? viewer;
    case 'policy': {
      // Mirrors policySummaryParts(): the producer's summary only when written in this language;
      // else the generated sentences, with the producer's condition and exceptions, where a
      // missing translation put another language on screen.
      const own = localize(policy?.summary, viewer);
      if (own && !own.fallback) return own.language;
      const fell = [policy?.condition, policy?.exceptions].map((text) => localize(text, viewer, fallbacks)).find((r) => r?.fallback);
      return fell?.language ?? generatedLanguage(viewer);
    }
    case 'scale':
      return generatedLanguage(viewer);
    case 'dontSay':
      return resolved(card.dontSay?.find((d) => d.id === item.id)?.claim) ?? viewer;
  }
}
