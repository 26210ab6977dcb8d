import { UpfrontError } from '../errors';
import { keptAlive } from '../safety/keep-alive';
import { storageFault } from '../safety/storage-errors';
import { Envelope, requestSchemas, type Payload, type RequestType } from '../contracts';
import { CONTENT_SCRIPT_REQUESTS, consoleHandlers } from '../contracts/console';
import { libraryHandlers } from '../contracts/library';
import { logHandlers } from '../contracts/logs';
import { orderHandlers } from '../contracts/orders';
import { proofHandlers } from '../contracts/proofs';
import { rehearsalHandlers } from '../contracts/rehearsals';
import { returnsLoopHandlers } from '../contracts/returns-loop';
import { safetyHandlers } from '../contracts/safety';
import { sessionHandlers } from '../contracts/sessions';
import { sidebarHandlers } from '../contracts/sidebar';
import { stageHandlers } from '../contracts/stage';
import type { Reply } from '../messaging/types';
import { createContext, type ServiceDeps } from './context';
import type { Sender } from './sender';

export type { Sender, ServiceDeps };

type Handlers = { [T in RequestType]: (payload: Payload<T>, sender: Sender) => Promise<unknown> };

function isExtensionPage(sender: Sender, extensionId: string): boolean {
  // Extension frames report a chrome-extension:// URL (with a dynamic id when the frame was
  // loaded through use_dynamic_url); content scripts report the console page's URL.
  return sender.id === extensionId && /^(chrome|moz)-extension:\/\//.test(sender.url ?? '');
}

/**
 * The background's whole request surface: every domain's handlers (lib/contracts/), with the
 * state they share. Every message is validated with zod, checked against who may send it, and
 * answered with a Reply; nothing thrown escapes.
 */
export function createService(deps: ServiceDeps) {
  const ctx = createContext(deps);
  const rehearsals = rehearsalHandlers(ctx);
  const handlers: Handlers = {
    ...sessionHandlers(ctx, rehearsals.assertCanGoLive),
    ...sidebarHandlers(ctx),
    ...libraryHandlers(ctx),
    ...logHandlers(ctx),
    ...consoleHandlers(ctx),
    ...orderHandlers(deps.orders, ctx.changed),
    ...returnsLoopHandlers(deps.returnsLoop, deps.now, deps.prover && ((id) => deps.prover!.proofsFor([id]))),
    ...proofHandlers(deps.prover),
    ...stageHandlers(deps.stage, deps.openWindow, deps.resizeWindow),
    ...safetyHandlers(deps.safety),
    ...rehearsals.handlers,
  };
  ctx.run = (type, payload, sender) => (handlers[type as RequestType] as (p: unknown, s: Sender) => Promise<unknown>)(payload, sender);

  return async function handle(raw: unknown, sender: Sender): Promise<Reply<unknown>> {
    const envelope = Envelope.safeParse(raw);
    if (!envelope.success) return { ok: false, code: 'bad-message', detail: envelope.error.message };
    const { type } = envelope.data;
    const fromPage = isExtensionPage(sender, deps.extensionId);
    const fromContentScript = sender.id === deps.extensionId && !fromPage;
    if (CONTENT_SCRIPT_REQUESTS.has(type) ? !fromContentScript : !fromPage) {
      return { ok: false, code: 'forbidden', detail: type };
    }
    const payload = requestSchemas[type].safeParse(envelope.data.payload ?? {});
    if (!payload.success) return { ok: false, code: 'bad-message', detail: payload.error.message };
    try {
      // A database that failed to open (an upgrade refused by a full disk) is opened again by the
      // next request: the person freed space and pressed Retry.
      if (deps.safety?.db.hasFailed()) await keptAlive(deps.local, deps.safety.db.open());
      const handler = handlers[type] as (p: unknown, s: Sender) => Promise<unknown>;
      return { ok: true, data: await handler(payload.data, sender) };
    } catch (err) {
      if (err instanceof UpfrontError) return { ok: false, code: err.code, detail: err.message };
      const fault = storageFault(err);
      if (fault) return { ok: false, code: fault, detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
      return { ok: false, code: 'internal', detail: err instanceof Error ? `${err.name}: ${err.message}` : String(err) };
    }
  };
}

export type Service = ReturnType<typeof createService>;
