/**
 * Scrolls `el` into view inside `container` only. Element.scrollIntoView would also scroll the
 * console page around the sidebar frame; the host's console must never jump. `coveredBelow` is
 * how much of the container's bottom a pinned bar hides (the mark bar): the element ends above
 * it. An element taller than the space left shows its top.
 */
export function revealWithin(container: HTMLElement | null, el: HTMLElement | null, margin = 4, coveredBelow = 0) {
  if (!container || !el) return;
  const c = container.getBoundingClientRect();
  const r = el.getBoundingClientRect();
  const bottom = c.bottom - coveredBelow;
  if (r.top < c.top) container.scrollTop -= c.top - r.top + margin;
  else if (r.bottom > bottom) container.scrollTop += Math.min(r.bottom - bottom + margin, r.top - c.top - margin);
}
