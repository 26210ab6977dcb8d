/**
 * Keys the host can press while focus is on the console page. The content script forwards only
 * these (trusted, unmodified, not typed into a field); the sidebar maps them to actions. The
 * messaging protocol's zod enum is built from this list.
 * Kept free of imports: the content script bundles it and must stay tiny.
 *
 * Letters were chosen to be pressed blind with one hand: J/K move (as in many lists), M marks
 * said, S opens the size chart, U switches units, L switches the viewer language (the cards'
 * text, not the interface), [ ] walk the size rows, E ends the show, V opens the stage view and
 * O puts the selected item on stage (or takes it off), C records that a don't-say claim was made
 * and corrected on air (issue 20; "c" for correction).
 * Escape is forwarded so the host can close a prompt without reaching for the mouse.
 */
export const FORWARDED_KEYS = ['j', 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9', '?', 'm', 's', 'u', 'l', '[', ']', 'e', 'v', 'o', 'c', 'Escape'] as const;
export type ForwardedKey = (typeof FORWARDED_KEYS)[number];

export function isForwardedKey(key: string): key is ForwardedKey {
  return (FORWARDED_KEYS as readonly string[]).includes(key);
}

export type HotkeyAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'item'; index: number }
  | { type: 'markSaid' }
  | { type: 'sizeChart' }
  | { type: 'unit' }
  | { type: 'language' }
  | { type: 'sizeRow'; delta: 1 | -1 }
  | { type: 'end' }
  | { type: 'stageOpen' }
  | { type: 'stageToggle' }
  | { type: 'dontSayCorrect' }
  | { type: 'escape' }
  | { type: 'help' };

/**
 * One keymap for keys pressed in the sidebar and keys forwarded from the console page. Letters
 * match either case so Caps Lock does not silently disable them.
 */
export function hotkeyAction(key: string): HotkeyAction | undefined {
  const k = key.length === 1 ? key.toLowerCase() : key;
  if (k === 'j' || k === 'ArrowDown') return { type: 'next' };
  if (k === 'k' || k === 'ArrowUp') return { type: 'previous' };
  if (/^[1-9]$/.test(k)) return { type: 'item', index: Number(k) - 1 };
  if (k === 'm') return { type: 'markSaid' };
  if (k === 's') return { type: 'sizeChart' };
  if (k === 'u') return { type: 'unit' };
  if (k === 'l') return { type: 'language' };
  if (k === ']') return { type: 'sizeRow', delta: 1 };
  if (k === '[') return { type: 'sizeRow', delta: -1 };
  if (k === 'e') return { type: 'end' };
  if (k === 'v') return { type: 'stageOpen' };
  if (k === 'o') return { type: 'stageToggle' };
  if (k === 'c') return { type: 'dontSayCorrect' };
  if (k === 'Escape') return { type: 'escape' };
  if (k === '?') return { type: 'help' };
  return undefined;
}

/** The keymap as the help overlay and docs/cards.md list it: keys, then the i18n key of what they do. */
export const KEYMAP: readonly (readonly [keys: string, labelKey: string])[] = [
  ['J / ↓', 'keys.next'],
  ['K / ↑', 'keys.previous'],
  ['1–9', 'keys.item'],
  ['M', 'keys.markSaid'],
  ['S', 'keys.sizeChart'],
  ['U', 'keys.unit'],
  ['L', 'keys.language'],
  ['[ / ]', 'keys.sizeRow'],
  ['E', 'keys.end'],
  ['V', 'keys.stageOpen'],
  ['O', 'keys.stageToggle'],
  ['C', 'keys.dontSayCorrect'],
  ['/', 'keys.search'],
  ['Esc', 'keys.escape'],
  ['?', 'keys.help'],
];
