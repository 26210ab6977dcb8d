import { z } from '../zod';
import { Id } from '../schema/common';
import type { Session } from '../schema/session';

/**
 * Which sessions a list or an export covers. Dates are epoch milliseconds on the session's
 * start (the studio turns its date fields into the start of the first and the end of the last
 * local day). `cardId` keeps sessions in which that product had at least one event.
 */
export const LogFilter = z
  .object({
    from: z.number().int().optional(),
    to: z.number().int().optional(),
    sessionIds: z.array(Id).max(10_000).optional(),
    host: z.string().max(100).optional(),
    deckId: Id.optional(),
    platform: z.string().max(100).optional(),
    cardId: Id.optional(),
  })
  .strict();
export type LogFilter = z.infer<typeof LogFilter>;

/** Every filter but the product one, which needs the events (see Repository.querySessions). */
export function matchesSession(s: Session, f: LogFilter): boolean {
  if (f.from !== undefined && s.startedAt < f.from) return false;
  if (f.to !== undefined && s.startedAt > f.to) return false;
  if (f.sessionIds && !f.sessionIds.includes(s.id)) return false;
  if (f.host !== undefined && f.host !== '' && s.host !== f.host) return false;
  if (f.deckId !== undefined && s.deckId !== f.deckId) return false;
  if (f.platform !== undefined && f.platform !== '' && s.platform !== f.platform) return false;
  return true;
}

/** A filter with its empty fields dropped, for the export file's header and for comparisons. */
export function compactFilter(f: LogFilter): LogFilter {
  return Object.fromEntries(
    Object.entries(f).filter(([, v]) => v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0)),
  ) as LogFilter;
}
