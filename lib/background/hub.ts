import { z } from '../zod';
import type { Change, SidebarPush } from '../messaging/types';
import { frameTabId } from './sender';

/** The part of a runtime.Port the hub uses. */
export interface HubPort {
  sender?: { tab?: { id?: number }; frameId?: number; url?: string };
  postMessage: (message: SidebarPush) => void;
  onMessage: { addListener: (fn: (message: unknown) => void) => void };
  onDisconnect: { addListener: (fn: () => void) => void };
}

const Bind = z.object({ type: z.literal('bind'), tabId: z.number().int().nonnegative() }).strict();

/**
 * Open sidebars (overlay frames and side panels). The background pushes "data changed" and
 * forwarded hotkeys through their ports; a side panel binds itself to the console tab it serves.
 */
export class SidebarHub {
  private readonly ports = new Map<HubPort, number | undefined>();

  connect(port: HubPort) {
    const framedIn = port.sender ? frameTabId(port.sender) : undefined;
    this.ports.set(port, framedIn);
    port.onMessage.addListener((message) => {
      const bind = Bind.safeParse(message);
      // A frame inside a tab is bound to that tab and cannot rebind itself to another.
      if (bind.success && framedIn === undefined) this.ports.set(port, bind.data.tabId);
    });
    port.onDisconnect.addListener(() => this.ports.delete(port));
  }

  private send(port: HubPort, message: SidebarPush) {
    try {
      port.postMessage(message);
    } catch {
      this.ports.delete(port);
    }
  }

  /** Tells every open view what changed (see ChangedPush); each re-reads only its part. */
  changed(change: Change) {
    const message: SidebarPush = { type: 'changed', ...change };
    for (const port of this.ports.keys()) this.send(port, message);
  }

  hotkey(tabId: number, key: string) {
    for (const [port, bound] of this.ports) if (bound === tabId) this.send(port, { type: 'hotkey', key });
  }

  get size() {
    return this.ports.size;
  }
}
