import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { DontSayControl } from '../../lib/dont-say/control';
import type { StorageStatus } from '../../lib/safety/storage-trend';
import type { SafetyStatus } from '../../lib/contracts/safety';
import type { SidebarState, SidebarStore } from '../../lib/sidebar/store';

/** What the sidebar needs from the browser; the entrypoint wires the real APIs, tests fake them. */
export interface SidebarHost {
  /** "overlay": framed in the console page; "panel": the browser's side panel. */
  mode: 'overlay' | 'panel';
  openStudio: () => void;
  collapse?: () => void;
  openSidePanel?: () => void;
  /** Asks for permission to run on the given origin; resolves true when granted and enabled. */
  enableSite?: (origin: string) => Promise<boolean>;
  /** The origin of the tab in front, for offering "use Upfront on this site". */
  activeOrigin?: () => Promise<string | undefined>;
  /** Storage checks and the recovery report (issue 22); absent, the sidebar shows neither. */
  safety?: {
    storage: () => Promise<StorageStatus>;
    status: () => Promise<SafetyStatus>;
    dismiss: () => Promise<unknown>;
  };
  /** Called once, when the first ready state is on the page (the bench's "interactive" mark). */
  onReady?: () => void;
}

interface Value {
  sidebar: SidebarStore;
  host: SidebarHost;
  /** The correction key for don't-say claims (issue 20); absent, the box shows no button. */
  dontSay?: DontSayControl;
}

export const SidebarContext = createContext<Value | null>(null);

function useValue(): Value {
  const v = useContext(SidebarContext);
  if (!v) throw new Error('SidebarContext missing');
  return v;
}

export function useSidebar<T>(select: (s: SidebarState) => T): T {
  return useStore(useValue().sidebar.store, select);
}

export const useActions = () => useValue().sidebar.actions;
export const useHost = () => useValue().host;
export const useDontSay = () => useValue().dontSay;
