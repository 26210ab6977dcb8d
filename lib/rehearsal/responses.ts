/** Responses of the rehearsal requests (issue 20); schemas in ./protocol.ts. Type-only. */
import type { Rehearsal, RehearsalEvent, RehearsalOnTab, RehearsalReview, RehearsalSummary } from './types';

export interface RehearsalResponses {
  'rehearsal.start': Rehearsal;
  'rehearsal.current': RehearsalOnTab | null;
  'rehearsal.record': RehearsalEvent;
  'rehearsal.end': Rehearsal;
  'rehearsal.keep': Rehearsal;
  'rehearsal.discard': null;
  'rehearsal.list': RehearsalSummary[];
  'rehearsal.review': RehearsalReview;
}
