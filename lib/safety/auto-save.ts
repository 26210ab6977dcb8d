import type { Repository } from '../db/repository';
import { logBlob, logChunks, repositorySource } from '../export/stream';
import type { Session } from '../schema/session';
import type { KeyValue } from '../background/kv';

/** Save each ended show's JSON log to the Downloads folder (needs the optional `downloads` permission). */
export interface AutoSaveSetting {
  enabled: boolean;
  /** The person has answered the one-time question (or changed the setting). */
  asked: boolean;
}

export const AUTO_SAVE_KEY = 'autoSave';
/** New installs save a copy of each show by default; the studio asks once for the permission. */
export const AUTO_SAVE_DEFAULT: AutoSaveSetting = { enabled: true, asked: false };

export async function autoSaveSetting(local: KeyValue): Promise<AutoSaveSetting> {
  return (await local.get<AutoSaveSetting>(AUTO_SAVE_KEY)) ?? AUTO_SAVE_DEFAULT;
}

export interface AutoSaveDeps {
  repo: Repository;
  local: KeyValue;
  now: () => number;
  /** Whether the `downloads` permission is granted. */
  granted: () => Promise<boolean>;
  /** Saves a file to the Downloads folder, never asking where. */
  download: (url: string, filename: string) => Promise<void>;
}

/** The file's name under Downloads: when, who, and the session's id (so two never collide). */
export function autoSaveName(session: Session): string {
  const d = new Date(session.startedAt);
  const pad = (n: number) => String(n).padStart(2, '0');
  const when = `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}-${pad(d.getHours())}${pad(d.getMinutes())}`;
  const host = session.host.normalize('NFKD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 40) || 'host';
  return `Upfront/upfront-log-${when}-${host}-${session.id.slice(0, 8)}.json`;
}

/** Base64 of bytes, in slices (a string built byte by byte would be quadratic). */
function base64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/**
 * Saves an ended show's JSON log (the same file as the studio's export) to Downloads, when the
 * setting is on and the permission granted. A service worker has no object URLs, so the file
 * goes as a data: URL. Returns what happened.
 */
export async function saveEndedShow(deps: AutoSaveDeps, session: Session): Promise<'saved' | 'off' | 'no-permission'> {
  if (!(await autoSaveSetting(deps.local)).enabled) return 'off';
  if (!(await deps.granted())) return 'no-permission';
  const installation = await deps.repo.installationId();
  const chunks = logChunks(repositorySource(deps.repo), { format: 'json', sessions: [session], exportedAt: deps.now(), installation });
  const blob = await logBlob(chunks, 'json');
  const url = `data:application/json;base64,${base64(new Uint8Array(await blob.arrayBuffer()))}`;
  await deps.download(url, autoSaveName(session));
  return 'saved';
}
