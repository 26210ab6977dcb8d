/** Who sent a message or opened a port, as the runtime reports it. */
export interface Sender {
  id?: string;
  url?: string;
  /** The tab a frame or content script is in; its url is the page's (given where Upfront has host access). */
  tab?: { id?: number; url?: string };
  frameId?: number;
}

/**
 * The tab a sender is embedded in, when it is a frame inside a page (the in-page overlay).
 * A top-level extension page has no such tab even when it is shown in a tab of its own.
 */
export function frameTabId(sender: Pick<Sender, 'tab' | 'frameId'>): number | undefined {
  return (sender.frameId ?? 0) > 0 ? sender.tab?.id : undefined;
}
