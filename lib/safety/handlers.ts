import type { KeyValue } from '../background/kv';
import { UpfrontError } from '../errors';
import type { UpfrontDb } from '../db/database';
import type { safetyRequestSchemas } from './protocol';
import { AUTO_SAVE_KEY, autoSaveSetting } from './auto-save';
import type { JournaledRepository } from './journaled-repository';
import type { RecoveryReport } from './recover';
import { replay } from './replay';
import { compareWithDatabase } from './restore';
import type { Headroom } from './headroom';
import { addSample, assessStorage, withDisk, type StorageSample } from './storage-trend';
import type { SafetyResponses } from './types';

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
  /** Copies the catalogue beside the journal if a copy is owed (start, a change), when a check found room. */
  copyCatalogue: () => Promise<void>;
  now: () => number;
}

type Payload<T extends keyof SafetyResponses> = (typeof safetyRequestSchemas)[T]['_output'];
type Handlers = { [T in keyof SafetyResponses]: (payload: Payload<T>) => Promise<SafetyResponses[T]> };

/** The safety requests, merged into the background service (lib/background/service.ts). */
export function safetyHandlers(wired: SafetyDeps | undefined): Handlers {
  const deps = () => {
    if (!wired) throw new UpfrontError('internal', 'safety not wired');
    return wired;
  };
  return {
    // The sidebar asks before Go live and every minute while open: a reading, the pace, a level.
    'safety.storage': async () => {
      const e = await deps().estimate();
      const sample: StorageSample = { at: deps().now(), usage: e.usage ?? 0, quota: e.quota ?? 0 };
      const samples = addSample((await deps().session.get<StorageSample[]>(SAMPLES_KEY)) ?? [], sample);
      await deps().session.set(SAMPLES_KEY, samples).catch(() => undefined);
      const disk = await deps().headroom.check();
      // Before Go live the sidebar's first check finds room: the catalogue is copied then, if it changed.
      if (disk === 'ok') await deps().copyCatalogue().catch(() => undefined);
      return withDisk(assessStorage(samples), disk);
    },
    'safety.status': async () => {
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
    'safety.check': async () => {
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
    'safety.autoSave': async ({ enabled }) => {
      const setting = { enabled, asked: true };
      await deps().local.set(AUTO_SAVE_KEY, setting);
      return setting;
    },
  };
}
