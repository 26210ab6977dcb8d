import 'fake-indexeddb/auto';
import { memoryKeyValue } from '../../lib/background/kv';
import { LayoutStore } from '../../lib/background/layouts';
import { createService, type ServiceDeps } from '../../lib/background/service';
import { TabRegistry } from '../../lib/background/tabs';
import { UpfrontDb } from '../../lib/db/database';
import { Repository } from '../../lib/db/repository';

/** The extension id the tests' senders carry (a page of Upfront's is chrome-extension://EXT/…). */
export const EXT = 'abcdefghijklmnopabcdefghijklmnop';

/**
 * The real background service (lib/background/service.ts) as a test builds it: the given
 * dependencies over defaults that keep nothing outside the test. By default: a repository over a
 * fresh database (a fake-indexeddb one in tests), a tab registry, `local` and layouts in memory
 * (the layouts kept in `local`, as the background keeps them), a fixed clock, and pushes, the tab
 * in front and site registration that do nothing. Optional parts (library, orders, stage,
 * rehearsals, prover…) are there only when given.
 */
export function testService(deps: Partial<ServiceDeps> = {}) {
  const local = deps.local ?? memoryKeyValue();
  return createService({
    extensionId: EXT,
    repo: deps.repo ?? new Repository(new UpfrontDb(`service-${Math.random().toString(36).slice(2)}`)),
    tabs: new TabRegistry(memoryKeyValue()),
    layouts: new LayoutStore(local),
    now: () => Date.UTC(2026, 10, 20, 12),
    pushToTab: async () => undefined,
    pushHotkey: () => undefined,
    notifyChanged: () => undefined,
    activeTab: async () => undefined,
    enableSite: async () => undefined,
    ...deps,
    local,
  });
}
