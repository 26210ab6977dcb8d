import { useEffect, useRef, type RefObject } from 'react';

/**
 * Moving to another section takes keyboard and screen-reader focus to its heading, once the
 * section has drawn it (a section that loads its data first draws it later), unless the person
 * has put focus somewhere else meanwhile. The first section the studio opens on keeps the
 * browser's own start.
 */
export function useFocusHeadingOnMove(root: RefObject<HTMLElement | null>, sectionId: string) {
  const shown = useRef(sectionId);
  useEffect(() => {
    const el = root.current;
    if (shown.current === sectionId || !el) return;
    shown.current = sectionId;
    const from = document.activeElement;
    const focusHeading = () => {
      const heading = el.querySelector<HTMLElement>('h2');
      if (!heading) return false;
      if (document.activeElement === from || document.activeElement === document.body) {
        heading.tabIndex = -1;
        heading.focus();
      }
      return true;
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    observer.observe(el, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [root, sectionId]);
}
