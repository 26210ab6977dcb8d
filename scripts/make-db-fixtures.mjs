#!/usr/bin/env node
// Database fixtures for tests/unit/db-migrations.test.ts: tests/fixtures/db/v<N>.json holds every
// table of a database at schema version N, as the code that shipped version N wrote it.
//
// The old code is run, not imitated: each fixture names the commit whose lib/ it is made with.
// That lib/ is read out of git (git archive; the working tree is not touched), bundled with
// esbuild under node_modules/.cache/, and driven here in a fake-indexeddb database with the old
// code's own seed, repository and merge functions, as its background would have called them.
// Ids and clocks are fixed (and crypto.randomUUID answers from a fixed list), so a run gives the
// same file every time.
//
//   node scripts/make-db-fixtures.mjs           checks the committed fixtures against a fresh run
//   node scripts/make-db-fixtures.mjs --add N   writes v<N>.json once; it never overwrites one
//
// A fixture is never regenerated with newer code: adding database version N+1 means adding a
// FIXTURES entry for version N at the last commit whose newest version is N, and --add N.
import { build } from 'esbuild';
import 'fake-indexeddb/auto';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { isDeepStrictEqual } from 'node:util';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fixtureDir = path.join(root, 'tests/fixtures/db');

/** A UUID (version 4 in shape) that a label always gives, standing in for crypto.randomUUID(). */
function uuid(label) {
  const h = createHash('sha256').update(`upfront-db-fixture:${label}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${'89ab'[parseInt(h[16], 16) % 4]}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const MIN = 60_000;

/** What a console tab tells the background (TabRegistry.register): its platform and origin. */
function consoleOf(old, url) {
  const platform = old.recognisePlatform(url);
  if (!platform) throw new Error(`not a console: ${url}`);
  return { platform: platform.id, consoleOrigin: new URL(url).origin };
}

const TIKTOK = 'https://shop.tiktok.com/streamer/live/product/dashboard';
const DOUYIN = 'https://buyin.jinritemai.com/dashboard/live/control';
const YOUTUBE = 'https://studio.youtube.com/channel/UC0000000000000000000000/livestreaming';

/**
 * Records events the way the sidebar asks for them: a new random id each, the session's
 * language, the background's clock.
 */
function recorder(repo, prefix) {
  let n = 0;
  return async (sessionId, at, cardId, item, action, language, corrects) => {
    n += 1;
    const id = uuid(`${prefix}/event/${n}`);
    await repo.recordEvent({ id, sessionId, cardId, item, language, action, ...(corrects ? { corrects } : {}), now: at });
    return id;
  };
}

const HOODIE = 'demo-card-hoodie';
const COVER = 'demo-card-cushion-cover';
const SERUM = 'demo-card-serum';
const caveat = (id) => ({ kind: 'caveat', id });

/**
 * Version 1, the walking skeleton (27f8c9f). Its sidebar sent session.start with the deck and
 * host only (market and language came from the deck) and recorded "said"; the protocol also let
 * a page record shown, skipped and correction events, which the later sidebar does.
 */
async function recordV1(old, dbName) {
  const repo = new old.Repository(new old.UpfrontDb(dbName));
  const installedAt = Date.UTC(2026, 10, 12, 8, 30);
  await old.seedDemoOnce(repo, old.memoryKeyValue(), installedAt);
  const record = recorder(repo, 'v1');

  // An evening show on TikTok, with a correction, a skipped must-say item, and host-ended.
  const lina = uuid('v1/session/lina');
  let t = Date.UTC(2026, 10, 12, 18, 0);
  await repo.startSession({ id: lina, deckId: 'demo-deck', host: 'Lina', ...consoleOf(old, TIKTOK), now: t });
  await record(lina, t + 1 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'shown', 'en');
  const wash = await record(lina, t + 2 * MIN, HOODIE, caveat('demo-caveat-wash'), 'said', 'en');
  await record(lina, t + 3 * MIN, HOODIE, caveat('demo-caveat-wash'), 'correction', 'en', wash);
  await record(lina, t + 5 * MIN, HOODIE, { kind: 'policy', id: 'demo-policy-eu' }, 'said', 'en');
  await record(lina, t + 9 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'en');
  await record(lina, t + 14 * MIN, SERUM, caveat('demo-caveat-skin'), 'skipped', 'en');
  await record(lina, t + 15 * MIN, SERUM, { kind: 'policy', id: 'demo-policy-eu-sealed' }, 'said', 'en');
  await repo.endSession(lina, t + 20 * MIN);

  // Started by mistake and ended at once: a session with no events.
  const empty = uuid('v1/session/empty');
  t = Date.UTC(2026, 10, 12, 18, 30);
  await repo.startSession({ id: empty, deckId: 'demo-deck', host: 'Lina', ...consoleOf(old, TIKTOK), now: t });
  await repo.endSession(empty, t + 20_000);

  // A Chinese show on Douyin, in Chinese.
  const xiaomei = uuid('v1/session/xiaomei');
  t = Date.UTC(2026, 10, 13, 12, 0);
  await repo.startSession({ id: xiaomei, deckId: 'demo-deck', host: '小美', language: 'zh-CN', ...consoleOf(old, DOUYIN), now: t });
  await record(xiaomei, t + 2 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'zh-CN');
  await record(xiaomei, t + 4 * MIN, COVER, { kind: 'note', id: 'demo-note-demo' }, 'said', 'zh-CN');
  await record(xiaomei, t + 7 * MIN, SERUM, caveat('demo-caveat-skin'), 'said', 'zh-CN');
  await repo.endSession(xiaomei, t + 30 * MIN);

  // Still live when the extension was updated: never ended.
  const sam = uuid('v1/session/sam');
  t = Date.UTC(2026, 10, 14, 16, 0);
  await repo.startSession({ id: sam, deckId: 'demo-deck', host: 'Sam', ...consoleOf(old, YOUTUBE), now: t });
  await record(sam, t + 1 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'en');
  await record(sam, t + 2 * MIN, COVER, { kind: 'scale', id: 'scale' }, 'shown', 'en');
  await record(sam, t + 6 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'said', 'en');
  return repo;
}

/**
 * Version 2 (sessions: installation id, end reasons, origins of merged sessions, export
 * reminder). It first shipped in 38a3dd1 together with version 3, whose tables (images, trash,
 * drafts) this run leaves empty and the fixture leaves out: what is here is what that code wrote
 * into the tables version 2 has. The service's calls are made as it made them (service.ts at
 * that commit): log.installation, session.end with "host", autoEndStale, log.exported, and
 * log.import with its payload parsed by the request schema.
 */
/**
 * Sessions, their events in order and the snapshots they cite, as the log exporters take them
 * (what Repository.exportLog returned until it was removed as unused; read here with what every
 * version has, so old and new commits make the same file).
 */
async function logOf(repo, db, sessionIds) {
  const sessions = (await db.sessions.bulkGet(sessionIds)).filter(Boolean);
  const events = [];
  for (const s of sessions) events.push(...(await repo.listEvents(s.id)));
  const snapshots = (await db.snapshots.bulkGet([...new Set(events.map((e) => e.cardHash))])).filter(Boolean);
  return { sessions, events, snapshots };
}

async function recordV2(old, dbName) {
  // Another host's machine, whose log file is merged into this one.
  const otherDb = new old.UpfrontDb(`${dbName}-other`);
  const other = new old.Repository(otherDb);
  await old.seedDemoOnce(other, old.memoryKeyValue(), Date.UTC(2026, 10, 15, 7, 0));
  const otherRecord = recorder(other, 'v2-other');
  const ana = uuid('v2/session/ana');
  let t = Date.UTC(2026, 10, 15, 10, 0);
  await other.startSession({ id: ana, deckId: 'demo-deck', host: 'Ana', market: 'EU', language: 'en', ...consoleOf(old, YOUTUBE), now: t });
  await otherRecord(ana, t + 1 * MIN, HOODIE, { kind: 'note', id: 'demo-note-care' }, 'said', 'en');
  const size = await otherRecord(ana, t + 3 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'said', 'en');
  await otherRecord(ana, t + 4 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'correction', 'en', size);
  await other.endSession(ana, t + 10 * MIN, 'host');
  const otherInstallation = await other.installationId();
  const fileName = 'upfront-log-2026-11-15.json';
  const file = JSON.parse(old.logToJson(await logOf(other, otherDb, [ana]), t + 11 * MIN, otherInstallation));

  const repo = new old.Repository(new old.UpfrontDb(dbName));
  await old.seedDemoOnce(repo, old.memoryKeyValue(), Date.UTC(2026, 10, 16, 8, 0));
  await repo.installationId();
  const record = recorder(repo, 'v2');

  // Host-ended, with a correction; exported afterwards.
  const lina = uuid('v2/session/lina');
  t = Date.UTC(2026, 10, 16, 18, 0);
  await repo.startSession({ id: lina, deckId: 'demo-deck', host: 'Lina', ...consoleOf(old, TIKTOK), now: t });
  await record(lina, t + 1 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'shown', 'en');
  const wash = await record(lina, t + 2 * MIN, HOODIE, caveat('demo-caveat-wash'), 'said', 'en');
  await record(lina, t + 3 * MIN, HOODIE, caveat('demo-caveat-wash'), 'correction', 'en', wash);
  await record(lina, t + 4 * MIN, HOODIE, { kind: 'scale', id: 'scale' }, 'shown', 'en');
  await record(lina, t + 6 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'en');
  await record(lina, t + 12 * MIN, SERUM, caveat('demo-caveat-skin'), 'skipped', 'en');
  await repo.endSession(lina, t + 15 * MIN, 'host');

  // Left open when the browser closed; ended automatically at the next start.
  const xiaomei = uuid('v2/session/xiaomei');
  t = Date.UTC(2026, 10, 16, 20, 0);
  await repo.startSession({ id: xiaomei, deckId: 'demo-deck', host: '小美', market: 'CN', language: 'zh-CN', ...consoleOf(old, DOUYIN), now: t });
  await record(xiaomei, t + 1 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'zh-CN');
  await record(xiaomei, t + 5 * MIN, SERUM, { kind: 'policy', id: 'demo-policy-eu-sealed' }, 'said', 'zh-CN');
  const nextMorning = Date.UTC(2026, 10, 17, 9, 0);
  await repo.autoEndStale(nextMorning);

  // The other machine's log, merged in the studio.
  const sessionIn = file.sessions[0];
  const payload = old.requestSchemas['log.import'].parse({
    fileName,
    fileInstallation: file.source.installation,
    session: sessionIn,
    events: file.events.filter((e) => e.sessionId === sessionIn.id),
    snapshots: file.snapshots,
  });
  const merged = await repo.importSession({ ...payload, now: nextMorning + 5 * MIN });
  if (merged.status !== 'added') throw new Error(`import: ${JSON.stringify(merged)}`);
  await repo.markExported([lina, xiaomei], nextMorning + 10 * MIN);

  // Live when the extension was updated: never ended.
  const sam = uuid('v2/session/sam');
  t = Date.UTC(2026, 10, 17, 16, 0);
  await repo.startSession({ id: sam, deckId: 'demo-deck', host: 'Sam', ...consoleOf(old, YOUTUBE), now: t });
  await record(sam, t + 1 * MIN, COVER, caveat('demo-caveat-depth'), 'said', 'en');
  await record(sam, t + 3 * MIN, HOODIE, { kind: 'size', id: 'size' }, 'said', 'en');
  const care = await record(sam, t + 4 * MIN, HOODIE, { kind: 'note', id: 'demo-note-care' }, 'said', 'en');
  await record(sam, t + 5 * MIN, HOODIE, { kind: 'note', id: 'demo-note-care' }, 'correction', 'en', care);
  return repo;
}

/**
 * Version 3 (studio: images, trash, drafts), at the last commit whose newest version is 3. The
 * sessions are version 2's scenario as this code runs it; then a producer's work in the studio:
 * an edit saved as a draft that does not pass the card schema yet, and a product shown on air
 * then deleted to the trash (its log stays). Images are blobs, which JSON cannot hold: none.
 */
async function recordV3(old, dbName) {
  const repo = await recordV2(old, dbName);
  const catalogue = new old.Catalogue(repo.db);
  const t = Date.UTC(2026, 10, 18, 9, 0);
  await catalogue.saveDraft(HOODIE, { id: HOODIE, sku: '', name: { en: 'Hoodie, new season' } }, t);
  await catalogue.deleteCard(COVER, t + MIN);
  return repo;
}

/**
 * Version 4 (event pages), at the last commit whose newest version is 4. Version 3's scenario as
 * this code runs it, then the sealing the background does at start: ended sessions' events move
 * into pages, the live one's stay single records.
 */
async function recordV4(old, dbName) {
  const repo = await recordV3(old, dbName);
  await repo.sealEnded();
  return repo;
}

/**
 * Version 5 (the returns loop's order lines, returns and layouts), at the last commit whose newest
 * version is 5: version 4's scenario as this code runs it. The order tables are new and empty.
 */
async function recordV5(old, dbName) {
  return recordV4(old, dbName);
}

/**
 * Version 6 (time-stamps and device signatures over chain heads), at the last commit whose newest
 * version is 6: version 5's scenario as this code runs it. Its proof tables stay empty: a device
 * signature is made with a random nonce and its key pair is a CryptoKeyPair, which JSON cannot
 * hold, so no run could write the same file twice.
 */
async function recordV6(old, dbName) {
  return recordV5(old, dbName);
}

/**
 * Version 7 (rehearsals), at the last commit whose newest version is 7: version 6's scenario as
 * this code runs it, then the sample show's order and return lines imported the way the
 * background imports a parsed file (OrderStore.importLines), so version 8's move of the lines
 * into buckets has lines to move.
 */
async function recordV7(old, dbName) {
  const repo = await recordV6(old, dbName);
  await new old.OrderStore(repo.db).importLines(old.sampleOrders());
  return repo;
}

/** What each fixture is made with. Add one entry per new old version; never edit an entry. */
const FIXTURES = [
  { version: 1, commit: '27f8c9fa147c740cc03476032a199345c1c56a29', record: recordV1 },
  { version: 2, commit: '38a3dd1b383f2500a96c4440bff36904bb39b1e1', record: recordV2 },
  { version: 3, commit: '159aba4920b5a93f2360b4dcf96addf8f4ab86af', record: recordV3 },
  { version: 4, commit: '23c392dfacff8f16a800ddb3e61352802d933da3', record: recordV4 },
  { version: 5, commit: '58a1ff9faf125706e5fee347f4c4d6af6879d736', record: recordV5 },
  { version: 6, commit: 'ff760d78ceaccf7f3a3e974b3450f85e943bb936', record: recordV6 },
  { version: 7, commit: 'cab20584c4a2bc2a58b68f88207214ccde707937', record: recordV7 },
];

/**
 * What the record functions use, each from the first of its modules the commit has: later commits
 * moved some (the request schemas into lib/contracts/, the studio's Catalogue into Library).
 */
const ENTRY = [
  ["export { UpfrontDb } from './lib/db/database';"],
  ["export { Repository } from './lib/db/repository';"],
  ["export { seedDemoOnce } from './lib/background/seed';"],
  ["export { memoryKeyValue } from './lib/background/kv';"],
  ["export { recognisePlatform } from './lib/platforms';"],
  ["export { requestSchemas } from './lib/messaging/protocol';", "export { requestSchemas } from './lib/contracts';"],
  ["export * from './lib/export/log-json';"],
  ["export { Catalogue } from './lib/db/catalogue';", "export { Library as Catalogue } from './lib/db/library';"],
  ["export { OrderStore } from './lib/db/orders';"],
  ["export { sampleOrders } from './lib/returns/sample';"],
];

/** ENTRY lines for modules that older commits do not have: kept only when a fixture needs them. */
const OPTIONAL = ['log-json', 'catalogue', 'orders', 'returns/sample'];

/** The module an ENTRY line names, as a file of the extracted lib/ (a folder means its index). */
function moduleExists(dir, line) {
  const rel = /from '\.\/(.+)'/.exec(line)[1];
  return ['.ts', '.tsx', '/index.ts'].some((ext) => existsSync(path.join(dir, rel + ext)));
}

/** The old lib/, out of git, bundled into one module that uses this checkout's node_modules. */
async function loadOldCode(commit, needs) {
  const dir = path.join(root, 'node_modules/.cache/upfront-db-fixtures', commit);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const tar = execFileSync('git', ['-C', root, 'archive', '--format=tar', commit, 'lib'], { maxBuffer: 256 * 1024 * 1024 });
  execFileSync('tar', ['-x', '-C', dir], { input: tar });
  const outfile = path.join(dir, 'old.mjs');
  const contents = ENTRY.filter((choices) => OPTIONAL.every((name) => !choices[0].includes(name) || needs.includes(name)))
    .map((choices) => choices.find((line) => moduleExists(dir, line)) ?? choices[0])
    .join('\n');
  await build({
    stdin: { contents, resolveDir: dir, loader: 'ts' },
    outfile,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'warning',
  });
  return import(pathToFileURL(outfile).href);
}

/** The schema of version `version` as the old code declares it: its versions up to that one. */
function storesAt(db, version) {
  const stores = {};
  for (const v of [...db._versions].sort((a, b) => a._cfg.version - b._cfg.version)) {
    if (v._cfg.version > version) break;
    for (const [table, spec] of Object.entries(v._cfg.storesSource ?? {})) {
      if (spec === null) delete stores[table];
      else stores[table] = spec;
    }
  }
  return stores;
}

async function makeFixture(spec) {
  const old = await loadOldCode(spec.commit, [
    ...(spec.version >= 2 ? ['log-json'] : []),
    ...(spec.version >= 3 ? ['catalogue'] : []),
    ...(spec.version >= 7 ? ['orders', 'returns/sample'] : []),
  ]);
  const realUuid = crypto.randomUUID.bind(crypto);
  let draws = 0;
  Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: () => uuid(`v${spec.version}/randomUUID/${++draws}`) });
  try {
    const repo = await spec.record(old, `upfront-fixture-v${spec.version}`);
    const db = repo.db;
    const stores = storesAt(db, spec.version);
    const tables = {};
    for (const name of Object.keys(stores).sort()) {
      tables[name] = await db.table(name).toArray();
      // JSON must hold the records exactly: no undefined fields, dates, blobs or other types.
      if (!isDeepStrictEqual(JSON.parse(JSON.stringify(tables[name])), tables[name])) throw new Error(`v${spec.version}: ${name} does not survive JSON`);
    }
    // Tables of later versions are left out, so nothing may have been written to them.
    for (const t of db.tables) {
      if (!(t.name in stores) && (await t.count()) > 0) throw new Error(`v${spec.version}: table ${t.name} is not in version ${spec.version} but has rows`);
    }
    db.close();
    return { version: spec.version, madeBy: { commit: spec.commit, script: 'scripts/make-db-fixtures.mjs' }, stores, tables };
  } finally {
    Object.defineProperty(crypto, 'randomUUID', { configurable: true, value: realUuid });
  }
}

const text = (fixture) => `${JSON.stringify(fixture, null, 2)}\n`;
const file = (version) => path.join(fixtureDir, `v${version}.json`);

const args = process.argv.slice(2);
if (args[0] === '--add') {
  const version = Number(args[1]);
  const spec = FIXTURES.find((f) => f.version === version);
  if (!spec) throw new Error(`no FIXTURES entry for version ${args[1]}`);
  if (existsSync(file(version))) throw new Error(`${path.relative(root, file(version))} exists; fixtures are never regenerated`);
  mkdirSync(fixtureDir, { recursive: true });
  writeFileSync(file(version), text(await makeFixture(spec)));
  console.log(`wrote ${path.relative(root, file(version))}`);
} else if (args.length === 0) {
  let failed = false;
  for (const spec of FIXTURES) {
    const rel = path.relative(root, file(spec.version));
    const same = existsSync(file(spec.version)) && readFileSync(file(spec.version), 'utf8') === text(await makeFixture(spec));
    console.log(`${rel}: ${same ? 'matches its commit' : 'DIFFERS from what its commit writes (or is missing)'}`);
    failed ||= !same;
  }
  process.exit(failed ? 1 : 0);
} else {
  console.error('usage: node scripts/make-db-fixtures.mjs [--add VERSION]');
  process.exit(2);
}
