import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { keepConnected, type PortLike } from '../../lib/messaging/port';

// Pages keep their push port to the background across service-worker restarts.

function fakePort() {
  const message: ((m: unknown) => void)[] = [];
  const disconnect: (() => void)[] = [];
  const port = {
    posted: [] as unknown[],
    postMessage: (m: unknown) => void port.posted.push(m),
    onMessage: { addListener: (l: (m: unknown) => void) => void message.push(l) },
    onDisconnect: { addListener: (l: () => void) => void disconnect.push(l) },
    push: (m: unknown) => message.forEach((l) => l(m)),
    cut: () => disconnect.forEach((l) => l()),
  };
  return port;
}

describe('keepConnected', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('connects again after the worker cuts the port, re-reads, and posts on the new port', () => {
    const ports: ReturnType<typeof fakePort>[] = [];
    const connect = vi.fn((): PortLike => {
      const p = fakePort();
      ports.push(p);
      return p;
    });
    const onMessage = vi.fn();
    const onConnect = vi.fn();
    const onReconnect = vi.fn();
    const link = keepConnected(connect, { onMessage, onConnect, onReconnect });
    expect(connect).toHaveBeenCalledTimes(1);
    expect(onConnect).toHaveBeenCalledWith(ports[0]);
    expect(onReconnect).not.toHaveBeenCalled();
    ports[0].push({ type: 'changed' });
    expect(onMessage).toHaveBeenCalledWith({ type: 'changed' });

    ports[0].cut();
    expect(connect).toHaveBeenCalledTimes(1);
    vi.advanceTimersByTime(250);
    expect(connect).toHaveBeenCalledTimes(2);
    expect(onConnect).toHaveBeenLastCalledWith(ports[1]);
    expect(onReconnect).toHaveBeenCalledTimes(1);
    ports[1].push({ type: 'hotkey', key: 'j' });
    expect(onMessage).toHaveBeenLastCalledWith({ type: 'hotkey', key: 'j' });
    link.post({ type: 'bind', tabId: 4 });
    expect(ports[1].posted).toEqual([{ type: 'bind', tabId: 4 }]);
    expect(ports[0].posted).toEqual([]);
  });
});
