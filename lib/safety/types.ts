/**
 * Responses of the safety requests (issue 22: a full disk must not erase the log). Type-only,
 * merged into lib/messaging/types.ts; the payload schemas are in ./protocol.ts.
 */
import type { JournalHealth } from './journaled-repository';
import type { RecoveryReport } from './recover';
import type { Disagreement } from './restore';
import type { StorageStatus } from './storage-trend';

/** Save each ended show's JSON log to the Downloads folder (needs the optional `downloads` permission). */
export interface AutoSaveSetting {
  enabled: boolean;
  /** The person has answered the one-time question (or changed the setting). */
  asked: boolean;
}

export interface SafetyStatus {
  /** The last recovery from the journal, until dismissed. */
  recovery: RecoveryReport | null;
  journal: JournalHealth;
  autoSave: AutoSaveSetting;
  /** The last automatic copy that could not be saved, as an i18n code under "errors." */
  autoSaveFailed?: string;
}

/** The journal read in full and held against the database (the studio's check). */
export interface JournalCheck {
  segments: number;
  sessions: number;
  events: number;
  torn: number;
  damaged: number;
  /** Events dropped where a session's chain breaks in the journal. */
  broken: number;
  disagreements: Disagreement[];
  /** Journal sessions the database does not have. */
  missingFromDatabase: number;
}

export interface SafetyResponses {
  'safety.storage': StorageStatus;
  'safety.status': SafetyStatus;
  'safety.dismiss': null;
  'safety.check': JournalCheck;
  'safety.autoSave': AutoSaveSetting;
}
