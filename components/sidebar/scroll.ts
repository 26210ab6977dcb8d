/**
 * Scrolls `el` into view inside `container` only. Element.scrollIntoView would also scroll the
 * console page around the sidebar frame; the host's console must never jump.
 */
export function revealWithin(container: HTMLElement | null, el: HTMLElement | null, margin = 4) {
  if (!container || !el) return;
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  if (r.top < c.top) container.scrollTop -= c.top - r.top + margin;
  else if (r.bottom > c.bottom) container.scrollTop += Math.min(r.bottom - c.bottom + margin, r.top - c.top - margin);
}
