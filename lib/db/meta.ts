import type { Transaction } from 'dexie';

export interface MetaEntry {
  key: string;
  value: unknown;
}

export const INSTALLATION_KEY = 'installation';

/** A random id for this browser profile's database; it names the machine a session came from. */
export function newInstallationId(): string {
  return crypto.randomUUID();
}

/**
 * Version 1 → 2: give this database its installation id. Sessions are left exactly as they
 * were: a session without an origin was recorded in this browser (an import always sets one),
 * and an export fills in this installation's id (lib/export/log-json.ts).
 */
export async function upgradeToV2(tx: Transaction): Promise<void> {
  const meta = tx.table<MetaEntry, string>('meta');
  if (!(await meta.get(INSTALLATION_KEY))) await meta.put({ key: INSTALLATION_KEY, value: newInstallationId() });
}
