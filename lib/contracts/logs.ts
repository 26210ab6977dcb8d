import type { ServiceContext } from '../background/context';
import { UpfrontError } from '../errors';
import { LogFilter } from '../export/filter';
import { pageBuilder, pageText, repositoryReader } from '../export/page';
import { Id } from '../schema/common';
import { DisclosureEvent, Session, Snapshot } from '../schema/session';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/**
 * Recorded shows, as the studio's Sessions & logs section reads them: the session list and its
 * filters, a session's timeline and coverage, export pages, and merging another machine's log.
 * A whole log file goes over a MessageChannel instead (lib/messaging/file-protocol.ts).
 */
export const logRequests = {
  'session.list': z.object({ filter: LogFilter.optional() }).strict(),
  'session.detail': z.object({ sessionId: Id }).strict(),
  'session.filters': z.object({}).strict(),
  // Must-say coverage of the sessions the studio lists (lib/background/coverage.ts).
  'session.coverage': z.object({ sessionIds: z.array(Id).max(5000) }).strict(),
  'log.page': z
    .object({
      sessionId: Id,
      afterSeq: z.number().int().nonnegative(),
      throughSeq: z.number().int().nonnegative(),
      format: z.enum(['csv', 'json']),
      cardId: Id.optional(),
    })
    .strict()
    .refine((p) => p.throughSeq >= p.afterSeq && p.throughSeq - p.afterSeq <= 5000, { message: 'a page is at most 5,000 events' }),
  'log.snapshots': z.object({ hashes: z.array(z.string().regex(/^[0-9a-f]{64}$/)).max(1000) }).strict(),
  'log.exported': z.object({ sessionIds: z.array(Id).max(100_000) }).strict(),
  'log.installation': z.object({}).strict(),
  'log.import': z
    .object({
      fileName: z.string().max(300),
      fileInstallation: z.string().min(1).max(100).optional(),
      session: Session.strict(),
      events: z.array(DisclosureEvent.strict()),
      snapshots: z.array(Snapshot.strict()),
    })
    .strict(),
};

export function logHandlers(ctx: ServiceContext) {
  const { deps } = ctx;
  const { repo } = deps;
  // Export pages as text, for a studio whose background is a page, not a service worker
  // (Firefox); a service worker answers with the whole file (lib/background/log-files.ts).
  const logPage = pageBuilder(repositoryReader(repo));
  return {
    'session.list': async ({ filter }) => {
      await ctx.sweep();
      return repo.querySessions(filter);
    },
    'session.detail': async ({ sessionId }) => {
      const session = await repo.getSession(sessionId);
      if (!session) throw new UpfrontError('session-not-found', sessionId);
      const events = await repo.listEvents(sessionId);
      // The snapshots the events cite: what each card said at the time; the deck as it is now
      // (for products never touched in the session), or null if deleted.
      const snapshots = await repo.getSnapshots([...new Set(events.map((e) => e.cardHash))]);
      const deck = await repo.getDeckBundle(session.deckId).catch(() => null);
      return { session, events, snapshots, deck };
    },
    'session.filters': () => repo.filterOptions(),
    'session.coverage': ({ sessionIds }) => ctx.coverage.of(sessionIds),
    'log.page': async (p) => pageText(await logPage(p)),
    'log.snapshots': ({ hashes }) => repo.getSnapshots(hashes),
    'log.exported': async ({ sessionIds }) => {
      await repo.markExported(sessionIds, deps.now());
      return ctx.changed(null, { scope: 'session' });
    },
    'log.installation': async () => ({ installation: await repo.installationId() }),
    'log.import': async (p) => {
      const result = await repo.importSession({ ...p, now: deps.now() });
      if (result.eventsAdded > 0) ctx.sealLater();
      return result.eventsAdded > 0 || result.status === 'added' ? ctx.changed(result, { scope: 'session', sessionId: p.session.id }) : result;
    },
  } satisfies HandlersFor<typeof logRequests>;
}

export type LogResponses = ResponsesOf<ReturnType<typeof logHandlers>>;
/** One session for the studio's timeline and coverage report. */
export type SessionDetail = LogResponses['session.detail'];
/** The values the studio's session filters offer. */
export type FilterOptions = LogResponses['session.filters'];
