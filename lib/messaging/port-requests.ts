/**
 * Requests over a long-lived port instead of runtime.sendMessage, for the few that must be fast:
 * the stage view's (issue 18), where the host's key must reach the viewers' window within a frame.
 * A message sent with sendMessage opens a channel of its own each time; a port is opened once.
 * The background answers them through the same service (validation, who may send what).
 */
import { z } from '../zod';
import type { Send } from './client';
import type { PortLike } from './port';
import type { RequestType } from '../contracts';

const Answer = z.object({ id: z.number().int(), reply: z.unknown() });
const Asked = z.object({ id: z.number().int(), message: z.object({ type: z.string() }).loose() });

/**
 * A `Send` for createClient over a port. Whatever is pending when the port is cut (the service
 * worker stopped or restarted) is sent again with `fallback` (sendMessage), which wakes the
 * worker; so only requests that may safely arrive twice belong here.
 */
export function portSend(connect: () => PortLike, fallback: Send): Send {
  const pending = new Map<number, { message: Parameters<Send>[0]; resolve: (reply: unknown) => void; reject: (err: unknown) => void }>();
  let port: PortLike | undefined;
  let next = 0;
  const open = () => {
    const opened = connect();
    opened.onMessage.addListener((m) => {
      const answer = Answer.safeParse(m);
      if (!answer.success) return;
      pending.get(answer.data.id)?.resolve(answer.data.reply);
      pending.delete(answer.data.id);
    });
    opened.onDisconnect.addListener(() => {
      if (port === opened) port = undefined;
      const cut = [...pending.values()];
      pending.clear();
      for (const p of cut) fallback(p.message).then(p.resolve, p.reject);
    });
    return (port = opened);
  };
  open();
  return (message) =>
    new Promise((resolve, reject) => {
      const id = ++next;
      pending.set(id, { message, resolve, reject });
      try {
        (port ?? open()).postMessage({ id, message });
      } catch {
        pending.delete(id);
        fallback(message).then(resolve, reject);
      }
    });
}

/** The background's end: answers the `allowed` requests that arrive on `port` with `handle`. */
export function servePortRequests(port: PortLike, allowed: readonly RequestType[], handle: (message: unknown) => Promise<unknown>) {
  port.onMessage.addListener((m) => {
    const asked = Asked.safeParse(m);
    if (!asked.success) return;
    const { id, message } = asked.data;
    const reply = (allowed as readonly string[]).includes(message.type) ? handle(message) : Promise.resolve({ ok: false, code: 'forbidden', detail: message.type });
    void reply.then((r) => {
      try {
        port.postMessage({ id, reply: r });
      } catch {
        // The page went away; nothing to answer.
      }
    });
  });
}
