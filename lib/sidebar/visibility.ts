/**
 * Tells whether the sidebar is really visible to the host, using IntersectionObserver v2
 * (`trackVisibility`): false when the embedding page covers the frame, even with a layer that
 * lets clicks through, or renders it transparent, transformed or filtered. That is what a
 * clickjacking page does to make the host click Upfront unknowingly.
 *
 * Where the browser has no v2 support, the observer never reports `isVisible`, and the sidebar is
 * treated as visible (the in-page dock is in the top layer there anyway).
 */
export function watchVisibility(target: Element, onChange: (visible: boolean) => void): () => void {
  const IO = (globalThis as { IntersectionObserver?: typeof IntersectionObserver }).IntersectionObserver;
  if (!IO) return () => undefined;
  let observer: IntersectionObserver;
  try {
    observer = new IO(
      (entries) => {
        const entry = entries[entries.length - 1] as IntersectionObserverEntry & { isVisible?: boolean };
        onChange(entry.isVisible ?? true);
      },
      // trackVisibility needs a delay of at least 100 ms between notifications.
      { threshold: [0, 1], trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    );
  } catch {
    return () => undefined;
  }
  observer.observe(target);
  return () => observer.disconnect();
}
