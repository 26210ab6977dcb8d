/** The part of a runtime.Port this needs; tests fake it. */
export interface PortLike {
  postMessage(message: unknown): void;
  onMessage: { addListener(listener: (message: unknown) => void): void };
  onDisconnect: { addListener(listener: () => void): void };
}

export interface KeepConnectedOptions {
  onMessage: (message: unknown) => void;
  /** Runs on every new connection, the first included (a side panel binds its tab there). */
  onConnect?: (port: PortLike) => void;
  /** Runs on every connection after the first: pushes sent meanwhile were lost, so re-read. */
  onReconnect?: () => void;
  retryMs?: number;
}

/**
 * A push port to the background that connects again whenever it is cut. The service worker
 * stops when idle or updated, which disconnects every page's port; a page that did not
 * reconnect would go on showing stale data, its own changes included.
 */
export function keepConnected(connect: () => PortLike, { onMessage, onConnect, onReconnect, retryMs = 250 }: KeepConnectedOptions) {
  let port: PortLike;
  let first = true;
  const open = () => {
    port = connect();
    port.onMessage.addListener(onMessage);
    port.onDisconnect.addListener(() => setTimeout(open, retryMs));
    onConnect?.(port);
    if (!first) onReconnect?.();
    first = false;
  };
  open();
  return {
    /** Sends on the current connection. */
    post: (message: unknown) => port.postMessage(message),
  };
}
