import type { StageLog } from '../background/stage';
import type { RehearsalStore } from './store';

/**
 * The stage's log (lib/background/stage.ts) for sessions and rehearsals alike: a rehearsal's id
 * reads the rehearsal and records its showings in the rehearsal's own log, so a stage put up
 * during a rehearsal never writes `shown` or `hidden` into a session. Anything else goes to the
 * session log, which refuses an id it does not know.
 */
export function stageLog(sessions: StageLog, rehearsals: RehearsalStore): StageLog {
  return {
    async getSession(id) {
      return (await rehearsals.get(id)) ?? sessions.getSession(id);
    },
    async recordEvent(input) {
      if (!(await rehearsals.exists(input.sessionId))) return sessions.recordEvent(input);
      const { sessionId, ...rest } = input;
      return rehearsals.record({ ...rest, rehearsalId: sessionId });
    },
  };
}
