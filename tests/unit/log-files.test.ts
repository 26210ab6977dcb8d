import { describe, expect, it, vi } from 'vitest';
import { answerLogFile, serveLogFiles, type FileRequestEvent } from '../../lib/background/log-files';
import { UpfrontError } from '../../lib/errors';
import { verifyLogText } from '../../lib/evidence/verify';
import { logToCsv } from '../../lib/export/log-csv';
import { logToJson } from '../../lib/export/log-json';
import { LOG_FILE_REQUEST, type LogFileReply } from '../../lib/messaging/file-protocol';
import { recordSampleShow } from '../../lib/sessions/sample';
import { backgroundWorker, buildExport, requestLogFile, type FileWorker } from '../../components/studio/sessions/export-run';
import { freshRepo, logOf } from './helpers';
import { background, studio } from './sessions-helpers';

const EXPORTED_AT = Date.UTC(2026, 10, 21, 9);

async function sampleRepo() {
  const { repo } = freshRepo();
  const ids = await recordSampleShow(repo);
  const sessions = (await repo.listSessions()).filter((s) => ids.includes(s.id)).reverse();
  return { repo, sessions };
}

/**
 * The background's service worker as the studio reaches it: a real MessageChannel, the request
 * and replies structured-cloned, served by the same function entrypoints/background.ts wires.
 */
function workerOver(repo: Awaited<ReturnType<typeof sampleRepo>>['repo']) {
  const listeners: ((event: FileRequestEvent) => void)[] = [];
  const waited: Promise<unknown>[] = [];
  serveLogFiles({ addEventListener: (_type, listener) => listeners.push(listener) }, { repo, now: () => EXPORTED_AT });
  const worker: FileWorker = {
    postMessage(message, transfer) {
      const data = structuredClone(message);
      for (const l of listeners) l({ data, ports: transfer as MessagePort[], waitUntil: (p) => waited.push(p) });
    },
  };
  return { worker, waited };
}

describe('log files built in the service worker', () => {
  it('hands the studio the same CSV and JSON files as the one-shot exporters, with progress to the end', async () => {
    const { repo, sessions } = await sampleRepo();
    const log = await logOf(repo, sessions.map((s) => s.id));
    const { worker, waited } = workerOver(repo);
    const progress: [number, number][] = [];
    const csv = await requestLogFile(worker, { type: LOG_FILE_REQUEST, format: 'csv', sessionIds: sessions.map((s) => s.id) }, (done, total) => progress.push([done, total]));
    expect(csv.type).toBe('text/csv;charset=utf-8');
    expect(await csv.text()).toBe(logToCsv(log).slice(1)); // Blob.text() drops the byte-order mark
    expect(new Uint8Array(await csv.arrayBuffer()).slice(0, 3)).toEqual(new Uint8Array([0xef, 0xbb, 0xbf]));
    const total = sessions.reduce((n, s) => n + s.lastSeq, 0);
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(waited).toHaveLength(1);

    const json = await requestLogFile(worker, { type: LOG_FILE_REQUEST, format: 'json', sessionIds: sessions.map((s) => s.id) });
    const text = await json.text();
    // An export lists snapshots by hash (lib/export/stream.ts).
    const byHash = [...log.snapshots].sort((a, b) => a.hash.localeCompare(b.hash));
    expect(text).toBe(logToJson({ ...log, snapshots: byHash }, EXPORTED_AT, await repo.installationId()));
    expect((await verifyLogText(text)).ok).toBe(true);
  });

  it('builds the same file page by page over runtime messaging where the background is not a service worker', async () => {
    const { repo, sessions } = await sampleRepo();
    const bg = await background(repo);
    const call = bg.client(studio);
    const viaWorker = await buildExport(call, { format: 'json', sessions }, { now: EXPORTED_AT, worker: workerOver(repo).worker });
    const paged = await buildExport(call, { format: 'json', sessions }, { now: EXPORTED_AT });
    expect(paged.name).toBe(viaWorker.name);
    expect(await paged.blob.text()).toBe(await viaWorker.blob.text());
    const csvWorker = await buildExport(call, { format: 'csv', sessions, filter: { cardId: 'demo-card-hoodie' } }, { now: EXPORTED_AT, worker: workerOver(repo).worker });
    const csvPaged = await buildExport(call, { format: 'csv', sessions, filter: { cardId: 'demo-card-hoodie' } }, { now: EXPORTED_AT });
    const rows = (await csvPaged.blob.text()).split('\r\n').filter(Boolean);
    expect(rows.length).toBeGreaterThan(1);
    expect(await csvPaged.blob.text()).toBe(await csvWorker.blob.text());
  });

  it('finds no worker, and so builds the file itself, where service workers are off or throw', async () => {
    const throwing = { get serviceWorker(): never { throw new DOMException('The operation is insecure.', 'SecurityError'); } };
    vi.stubGlobal('navigator', throwing);
    try {
      expect(await backgroundWorker()).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
    vi.stubGlobal('navigator', { serviceWorker: { getRegistration: async () => ({ active: null }) } });
    try {
      expect(await backgroundWorker()).toBeUndefined();
    } finally {
      vi.unstubAllGlobals();
    }
  });

  it('answers a bad request or a missing session with an error code, and ignores messages without a port', async () => {
    const { repo, sessions } = await sampleRepo();
    const replies: LogFileReply[] = [];
    await answerLogFile({ type: LOG_FILE_REQUEST, format: 'xlsx', sessionIds: [] }, (m) => replies.push(m), { repo, now: () => EXPORTED_AT });
    expect(replies).toEqual([expect.objectContaining({ kind: 'error', code: 'bad-message' })]);

    const { worker } = workerOver(repo);
    await expect(requestLogFile(worker, { type: LOG_FILE_REQUEST, format: 'csv', sessionIds: [sessions[0].id, 'gone'] })).rejects.toMatchObject({ code: 'session-not-found' });

    const listener = vi.fn();
    serveLogFiles({ addEventListener: (_t, l) => listener.mockImplementation(l) }, { repo, now: () => EXPORTED_AT });
    const waitUntil = vi.fn();
    listener({ data: { type: LOG_FILE_REQUEST }, ports: [], waitUntil });
    expect(waitUntil).not.toHaveBeenCalled();
  });

  it('rejects an invalid reply, and gives up on a worker that falls silent', async () => {
    const liar: FileWorker = { postMessage: (_m, [port]) => (port as MessagePort).postMessage({ kind: 'file', blob: 'not a blob' }) };
    const invalid = requestLogFile(liar, { type: LOG_FILE_REQUEST, format: 'csv', sessionIds: [] });
    await expect(invalid).rejects.toBeInstanceOf(UpfrontError);
    await expect(invalid).rejects.toMatchObject({ code: 'internal' });

    const silent: FileWorker = { postMessage: () => undefined };
    await expect(requestLogFile(silent, { type: LOG_FILE_REQUEST, format: 'csv', sessionIds: [] }, undefined, 50)).rejects.toMatchObject({ code: 'background-unreachable' });
  });
});
