import { describe, expect, it } from 'vitest';
import { createClient } from '../../lib/messaging/client';
import type { PortLike } from '../../lib/messaging/port';
import { portSend, servePortRequests } from '../../lib/messaging/port-requests';

/** Two ends of a port, as runtime.connect gives them: messages go across, a disconnect tells the other end. */
function portPair() {
  const listeners = { a: [] as ((m: unknown) => void)[], b: [] as ((m: unknown) => void)[] };
  const cut = { a: [] as (() => void)[], b: [] as (() => void)[] };
  let open = true;
  const end = (me: 'a' | 'b', other: 'a' | 'b'): PortLike => ({
    postMessage: (m) => {
      if (!open) throw new Error('Attempting to use a disconnected port object');
      const copy = structuredClone(m);
      queueMicrotask(() => listeners[other].forEach((l) => l(copy)));
    },
    onMessage: { addListener: (l) => void listeners[me].push(l) },
    onDisconnect: { addListener: (l) => void cut[me].push(l) },
  });
  return {
    page: end('a', 'b'),
    background: end('b', 'a'),
    disconnect: () => {
      open = false;
      cut.a.forEach((l) => l());
    },
  };
}

describe('requests over a port', () => {
  it('answers each request by its id, however the answers are ordered', async () => {
    const pair = portPair();
    const delays: Record<string, number> = { a: 30, b: 0, c: 10 };
    servePortRequests(pair.background, ['stage.put'], async (message) => {
      const { payload } = message as { payload: { sessionId: string } };
      await new Promise((r) => setTimeout(r, delays[payload.sessionId]));
      return { ok: true, data: payload.sessionId };
    });
    const call = createClient(portSend(() => pair.page, async () => ({ ok: false, code: 'fallback' })));
    const put = (sessionId: string) => call('stage.put', { sessionId } as never) as Promise<unknown>;
    expect(await Promise.all([put('a'), put('b'), put('c')])).toEqual(['a', 'b', 'c']);
  });

  it('refuses requests it does not serve, and ignores what is not a request', async () => {
    const pair = portPair();
    let handled = 0;
    servePortRequests(pair.background, ['stage.put'], async () => ((handled += 1), { ok: true, data: null }));
    const call = createClient(portSend(() => pair.page, async () => ({ ok: false, code: 'fallback' })));
    await expect(call('session.end', { sessionId: 's' })).rejects.toMatchObject({ code: 'forbidden' });
    pair.page.postMessage({ nonsense: true });
    pair.page.postMessage({ id: 'x', message: { type: 'stage.put' } });
    await expect(call('stage.put', {} as never)).resolves.toBeNull();
    expect(handled).toBe(1);
  });

  it('sends what was pending again the slow way when the port is cut, and opens a new port for the next', async () => {
    const first = portPair();
    const second = portPair();
    const ports = [first, second];
    let opened = 0;
    const fallen: unknown[] = [];
    const send = portSend(
      () => ports[opened++].page,
      async (message) => (fallen.push(message), { ok: true, data: 'by sendMessage' }),
    );
    // The first background never answers (a service worker stopping), then the port is cut.
    first.background.onMessage.addListener(() => undefined);
    servePortRequests(second.background, ['stage.put'], async () => ({ ok: true, data: 'by port' }));
    const call = createClient(send);
    const pending = Promise.all([call('stage.put', { n: 1 } as never), call('stage.put', { n: 2 } as never)]);
    await new Promise((r) => setTimeout(r, 5));
    first.disconnect();
    expect(await pending).toEqual(['by sendMessage', 'by sendMessage']);
    expect(fallen).toEqual([
      { type: 'stage.put', payload: { n: 1 } },
      { type: 'stage.put', payload: { n: 2 } },
    ]);
    expect(await call('stage.put', { n: 3 } as never)).toBe('by port');
    expect(opened).toBe(2);
  });
});
