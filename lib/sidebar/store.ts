/**
 * The host's sidebar: one zustand store the components read, composed of slices with one job
 * each (./slices/): syncing with the background, the session's life, recording, navigation with
 * the must-say gate, and the view toggles. Selectors are in ./selectors.ts, the one builder of
 * `event.record` payloads in ./record.ts.
 */
import { createStore } from 'zustand/vanilla';
import { createNavigationSlice } from './slices/navigation';
import { createRecordingSlice } from './slices/recording';
import { createSessionSlice } from './slices/session';
import { createSyncSlice } from './slices/sync';
import type { Sidebar, SidebarActions, SidebarDeps } from './slices/types';
import { createViewSlice } from './slices/view';
import { rehearsalEndActions, routeForRehearsal } from './rehearsal';

export { markKey } from './progress';
export { currentCard, viewerLanguage } from './selectors';
export { REMEMBER_ON_SCREEN_MS } from './slices/navigation';
export type { CurrentCard, MarkState, MoveGate, Sidebar, SidebarActions, SidebarDeps, SidebarState } from './slices/types';

/** The store's actions alone: they never change, so components can hold on to them. */
function actionsOf(state: Sidebar): SidebarActions {
  return Object.fromEntries(Object.entries(state).filter(([, v]) => typeof v === 'function')) as unknown as SidebarActions;
}

/** The host's sidebar: state and every action a click or key can take. */
export function createSidebarStore(deps: SidebarDeps) {
  // During a rehearsal, requests naming it as their session go to the rehearsal log (issue 20).
  const rehearsalId = () => (store.getState().rehearsal ? store.getState().session?.id : undefined);
  const routed: SidebarDeps = { ...deps, call: routeForRehearsal(deps.call, rehearsalId, deps.newId) };
  const store = createStore<Sidebar>()((...api) => {
    const [set, get] = api;
    return {
      ...createSyncSlice(routed)(...api),
      ...createSessionSlice(routed)(...api),
      ...createRecordingSlice(routed)(...api),
      ...createNavigationSlice(routed)(...api),
      ...createViewSlice(routed)(...api),
      ...rehearsalEndActions(deps.call, get, set),
    };
  });
  // `call` is the client the sidebar's other controls record through (the don't-say key), so a
  // rehearsal routes theirs too.
  return { store, actions: actionsOf(store.getState()), call: routed.call };
}

/** What the components hold: the store and its actions (`call` is for controls beside the store). */
export type SidebarStore = Pick<ReturnType<typeof createSidebarStore>, 'store' | 'actions'>;
