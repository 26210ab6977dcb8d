import type { KeyValue } from '../background/kv';
import { UpfrontDb } from '../db/database';
import type { Session } from '../schema/session';
import { saveEndedShow, type AutoSaveDeps } from './auto-save';
import { saveLibraryCopy } from './library-copy';
import { AUTO_SAVE_FAILED_KEY, RECOVERY_KEY, type SafetyDeps } from '../contracts/safety';
import { Headroom } from './headroom';
import { Journal } from './journal';
import type { JournalFiles } from './journal-files';
import { JournaledRepository } from './journaled-repository';
import type { SegmentSink } from './segment-link';
import { recoverOnStart } from './recover';
import { storageFault } from './storage-errors';
import { keptAlive } from './keep-alive';

export interface SafetyWiring {
  db: UpfrontDb;
  files: JournalFiles;
  /** The in-place writer (./segment-journal.ts), where the browser has one; else a file per write. */
  segments?: SegmentSink;
  local: KeyValue;
  session: KeyValue;
  estimate: SafetyDeps['estimate'];
  now: () => number;
  granted: AutoSaveDeps['granted'];
  download: AutoSaveDeps['download'];
  /** Tells open pages that data changed (after a recovery, an automatic copy's failure). */
  notifyChanged: () => void;
}

/** How long the library's copy waits after a change, so a burst of edits is copied once. */
const COPY_AFTER_MS = 5_000;
const COPY_HASH_KEY = 'catalogueCopyHash';

/**
 * The background's part of issue 22, wired in one place: the journaled repository, the
 * recovery that runs before anything else at start, the library's copy, and the automatic
 * copy of each ended show in Downloads.
 */
export function startSafety(w: SafetyWiring) {
  let created = false;
  // Dexie fires this only when it creates the database: a first install, or a database the
  // browser threw away. Registered before anything opens it.
  w.db.on('populate', () => {
    created = true;
  });
  const journal = new Journal(w.files, w.segments);
  const headroom = new Headroom(w.files);

  // The last copy's hash outlives the worker, so a start with an unchanged library writes nothing.
  let copying: Promise<void> = Promise.resolve();
  // A copy is owed at each start and after each change; a storage check that finds room pays it.
  let owed = true;
  const copyIfOwed = () => (owed ? copyLibrary() : Promise.resolve());
  const copyLibrary = () => {
    owed = false;
    copying = copying.then(async () => {
      const before = await w.local.get<string>(COPY_HASH_KEY);
      const hash = await saveLibraryCopy(w.db, w.files, w.now(), before).catch((err) => {
        owed = true;
        throw err;
      });
      if (hash !== before) await w.local.set(COPY_HASH_KEY, hash);
    });
    return copying;
  };
  let timer: ReturnType<typeof setTimeout> | undefined;
  // Copied once the edits stop, and never right behind a disclosure: reading and hashing a big
  // library holds the worker, and a host's next click would wait for it.
  const libraryChanged = () => {
    owed = true;
    clearTimeout(timer);
    timer = setTimeout(() => {
      if (headroom.blocked || w.now() - (repo.health.lastWriteAt ?? 0) < COPY_AFTER_MS) return libraryChanged();
      void copyLibrary().catch((err) => console.error('Upfront: library copy failed', err));
    }, COPY_AFTER_MS);
  };

  const autoSave = (session: Session) => {
    void saveEndedShow({ repo, local: w.local, now: w.now, granted: w.granted, download: w.download }, session)
      .then((result) => (result === 'saved' ? w.local.remove(AUTO_SAVE_FAILED_KEY) : undefined))
      .catch(async (err) => {
        console.error('Upfront: automatic copy of the log failed', err);
        await w.local.set(AUTO_SAVE_FAILED_KEY, storageFault(err) ?? 'auto-save-failed');
        w.notifyChanged();
      });
  };
  const repo = new JournaledRepository(
    w.db,
    journal,
    w.now,
    autoSave,
    () => void headroom.fault(),
    () => headroom.roomToWrite(),
  );

  // Each time the database opens (at start, and after a storage fault closed it), before any
  // other request reaches it: if the browser lost it, rebuild it from the journal. Dexie holds
  // every other query until this settles, so the rebuild writes through a second connection
  // to the same database. The reserve goes first: a rebuild needs room.
  w.db.on(
    'ready',
    async () => {
      const lost = created;
      created = false;
      const second = new UpfrontDb(w.db.name);
      try {
        if (lost) await headroom.release();
        const report = await recoverOnStart(second, journal, () => lost, w.now());
        if (!report) return;
        await w.local.set(RECOVERY_KEY, report);
        w.notifyChanged();
      } catch (err) {
        console.error('Upfront: recovery from the journal failed; it is tried again at the next opening', err);
      } finally {
        second.close();
      }
    },
    true,
  );
  /** Resolves once the database is open and checked against the journal (opening may upgrade it: kept alive). */
  const recovered = keptAlive(w.local, w.db.open()).then(
    () => undefined,
    (err) => console.error('Upfront: the database did not open', err),
  );
  void recovered.then(() => w.segments?.warm?.()).catch((err) => console.error("Upfront: the journal's writer did not start", err));


  const deps: SafetyDeps = { db: w.db, repo, local: w.local, session: w.session, estimate: w.estimate, headroom, now: w.now, copyLibrary: copyIfOwed };
  return { repo, recovered, deps, libraryChanged };
}
