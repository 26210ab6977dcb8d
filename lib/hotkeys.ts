/**
 * Keys the host can press while focus is on the console page. The content script forwards only
 * these (trusted, unmodified, not typed into a field); the sidebar maps them to actions.
 * Kept free of imports: the content script bundles it and must stay tiny.
 */
export const FORWARDED_KEYS = ['j', 'k', '1', '2', '3', '4', '5', '6', '7', '8', '9', '?'] as const;
export type ForwardedKey = (typeof FORWARDED_KEYS)[number];

export function isForwardedKey(key: string): key is ForwardedKey {
  return (FORWARDED_KEYS as readonly string[]).includes(key);
}

export type HotkeyAction =
  | { type: 'next' }
  | { type: 'previous' }
  | { type: 'item'; index: number }
  | { type: 'help' };

/** One keymap for keys pressed in the sidebar and keys forwarded from the console page. */
export function hotkeyAction(key: string): HotkeyAction | undefined {
  if (key === 'j' || key === 'ArrowDown') return { type: 'next' };
  if (key === 'k' || key === 'ArrowUp') return { type: 'previous' };
  if (/^[1-9]$/.test(key)) return { type: 'item', index: Number(key) - 1 };
  if (key === '?') return { type: 'help' };
  return undefined;
}
