import { z } from '../zod';
import { Id } from '../schema/common';
import type { StageState } from '../stage/state';

/** The part of a runtime.Port the stage hub uses. */
export interface StagePort {
  postMessage: (message: { type: 'stage'; state: StageState | null }) => void;
  onMessage: { addListener: (fn: (message: unknown) => void) => void };
  onDisconnect: { addListener: (fn: () => void) => void };
}

const Watch = z.object({ type: z.literal('watch'), sessionId: Id }).strict();

/** Open stage windows, each watching one session: the background pushes that session's stage to them. */
export class StageHub {
  private readonly ports = new Map<StagePort, string | undefined>();

  connect(port: StagePort) {
    this.ports.set(port, undefined);
    port.onMessage.addListener((message) => {
      const watch = Watch.safeParse(message);
      if (watch.success) this.ports.set(port, watch.data.sessionId);
    });
    port.onDisconnect.addListener(() => this.ports.delete(port));
  }

  push(sessionId: string, state: StageState | null) {
    for (const [port, watched] of this.ports) {
      if (watched !== sessionId) continue;
      try {
        port.postMessage({ type: 'stage', state });
      } catch {
        this.ports.delete(port);
      }
    }
  }
}
