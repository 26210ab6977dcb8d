import type { KeyValue } from '../background/kv';
import type { UpfrontDb } from '../db/database';
import { UpfrontError } from '../errors';
import { AUTO_SAVE_KEY, autoSaveSetting, type AutoSaveSetting } from '../safety/auto-save';
import type { Headroom } from '../safety/headroom';
import type { JournalHealth, JournaledRepository } from '../safety/journaled-repository';
import type { RecoveryReport } from '../safety/recover';
import { replay } from '../safety/replay';
import { compareWithDatabase, type Disagreement } from '../safety/restore';
import { addSample, assessStorage, withDisk, type StorageSample, type StorageStatus } from '../safety/storage-trend';
import { z } from '../zod';
import type { HandlersFor, ResponsesOf } from './define';

/** The log's second copy (issue 22: a full disk must not erase the log): the journal, storage checks, recovery, automatic copies. */
export const safetyRequests = {
  'safety.storage': z.object({}).strict(),
  'safety.status': z.object({}).strict(),
  'safety.dismiss': z.object({}).strict(),
  'safety.check': z.object({}).strict(),
  'safety.autoSave': z.object({ enabled: z.boolean() }).strict(),
};

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

export const RECOVERY_KEY = 'recoveryReport';
export const AUTO_SAVE_FAILED_KEY = 'autoSaveFailed';
const SAMPLES_KEY = 'storageSamples';

export interface SafetyDeps {
  db: UpfrontDb;
  repo: JournaledRepository;
  /** Outlives the browser: the recovery report and the auto-save setting. */
  local: KeyValue;
  /** Outlives the service worker, not the browser: the storage readings for the pace. */
  session: KeyValue;
  estimate: () => Promise<{ usage?: number; quota?: number }>;
  /** The disk's own free space, probed (the estimate is a quota). */
  headroom: Headroom;
  /** Copies the library beside the journal (journal/catalogue.json) if a copy is owed (start, a change), when a check found room. */
  copyLibrary: () => Promise<void>;
  now: () => number;
}

export function safetyHandlers(wired: SafetyDeps | undefined) {
  const deps = () => {
    if (!wired) throw new UpfrontError('internal', 'safety not wired');
    return wired;
  };
  return {
    // The sidebar asks before Go live and every minute while open: a reading, the pace, a level.
    'safety.storage': async (): Promise<StorageStatus> => {
      const e = await deps().estimate();
      const sample: StorageSample = { at: deps().now(), usage: e.usage ?? 0, quota: e.quota ?? 0 };
      const samples = addSample((await deps().session.get<StorageSample[]>(SAMPLES_KEY)) ?? [], sample);
      await deps().session.set(SAMPLES_KEY, samples).catch(() => undefined);
      const disk = await deps().headroom.check();
      // Before Go live the sidebar's first check finds room: the library is copied then, if it changed.
      if (disk === 'ok') await deps().copyLibrary().catch(() => undefined);
      return withDisk(assessStorage(samples), disk);
    },
    'safety.status': async (): Promise<SafetyStatus> => {
      const failed = await deps().local.get<string>(AUTO_SAVE_FAILED_KEY);
      return {
        recovery: (await deps().local.get<RecoveryReport>(RECOVERY_KEY)) ?? null,
        journal: { ...deps().repo.health },
        autoSave: await autoSaveSetting(deps().local),
        ...(failed !== undefined && { autoSaveFailed: failed }),
      };
    },
    'safety.dismiss': async () => {
      await deps().local.remove(RECOVERY_KEY);
      await deps().local.remove(AUTO_SAVE_FAILED_KEY);
      return null;
    },
    'safety.check': async (): Promise<JournalCheck> => {
      const read = await deps().repo.journal.readAll();
      const replayed = replay(read.records);
      const compared = await compareWithDatabase(deps().db, replayed);
      let events = 0;
      let broken = 0;
      for (const j of replayed.sessions.values()) {
        events += j.events.length;
        broken += j.dropped;
      }
      return { segments: read.segments, sessions: replayed.sessions.size, events, torn: read.torn.length, damaged: read.damaged.length, broken, ...compared };
    },
    'safety.autoSave': async ({ enabled }): Promise<AutoSaveSetting> => {
      const setting = { enabled, asked: true };
      await deps().local.set(AUTO_SAVE_KEY, setting);
      return setting;
    },
  } satisfies HandlersFor<typeof safetyRequests>;
}

export type { AutoSaveSetting };
export type SafetyResponses = ResponsesOf<ReturnType<typeof safetyHandlers>>;
