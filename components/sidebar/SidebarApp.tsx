import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DontSayControl } from '../../lib/dont-say/control';
import { hotkeyAction } from '../../lib/hotkeys';
import type { StageControl } from '../../lib/sidebar/stage-control';
import type { SidebarStore } from '../../lib/sidebar/store';
import { watchVisibility } from '../../lib/sidebar/visibility';
import { ErrorBoundary } from '../common/ErrorBoundary';
import { LanguageSwitch } from '../common/LanguageSwitch';
import { CardView } from './CardView';
import { SidebarContext, useActions, useHost, useSidebar, type SidebarHost } from './context';
import { GoLive } from './GoLive';
import { HelpOverlay } from './HelpOverlay';
import { NoConsole } from './NoConsole';
import { RecapDialog } from './RecapDialog';
import { RehearsalBanner, RehearsalEnded } from './RehearsalBanner';
import { Resume } from './Resume';
import { RUN_SEARCH_ID, RunSheet } from './RunSheet';
import { SafetyNotices } from './SafetyNotices';
import { StageBar } from './StageBar';

/** Runs a key through the one keymap; used for keys pressed here and keys forwarded by the page. */
export function runHotkey(sidebar: SidebarStore, key: string, stage?: StageControl, dontSay?: DontSayControl): boolean {
  const action = hotkeyAction(key);
  if (!action) return false;
  const { actions } = sidebar;
  // While C asks which don't-say claim was corrected, a digit answers and Escape backs out.
  if (action.type === 'item' && dontSay?.actions.choose(action.index)) return true;
  if (action.type === 'escape' && dontSay?.actions.cancel()) return true;
  switch (action.type) {
    case 'next':
      return void actions.next(), true;
    case 'previous':
      return void actions.previous(), true;
    case 'item':
      return void actions.selectItem(action.index), true;
    case 'markSaid':
      return void actions.markSelected(), true;
    case 'sizeChart':
      return void actions.openSizeChart(), true;
    case 'unit':
      return void actions.toggleUnit(), true;
    case 'language':
      return void actions.cycleViewerLanguage(), true;
    case 'sizeRow':
      return void actions.moveSizeRow(action.delta), true;
    case 'end':
      return void actions.requestEnd(), true;
    case 'escape':
      return void actions.escape(), true;
    case 'help':
      return void actions.toggleHelp(), true;
    case 'stageOpen':
      return void stage?.actions.open(), stage !== undefined;
    case 'stageToggle':
      return void stage?.actions.toggle(), stage !== undefined;
    case 'dontSayCorrect':
      return void dontSay?.actions.press(), dontSay !== undefined;
  }
}

function isTyping(target: EventTarget | null): boolean {
  return target instanceof HTMLElement && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
}

function Header() {
  const { t } = useTranslation();
  const host = useHost();
  const actions = useActions();
  const session = useSidebar((s) => s.session);
  const rehearsing = useSidebar((s) => s.rehearsal);
  return (
    <header className="bar">
      <h1 className="brand">{t('sidebar.title')}</h1>
      {session && rehearsing ? (
        <span className="rehearsal-badge">
          {t('rehearsal.badge')} · {session.host}
        </span>
      ) : session ? (
        <span className="live-badge" role="status">
          ● {t('sidebar.live')} · {session.host}
        </span>
      ) : null}
      <span className="spacer" />
      <LanguageSwitch />
      <button type="button" onClick={host.openStudio}>
        {t('sidebar.openStudio')}
      </button>
      {session && (
        <button type="button" className="danger" onClick={actions.requestEnd}>
          {rehearsing ? t('rehearsal.end') : t('sidebar.endSession')}
        </button>
      )}
      {host.openSidePanel && (
        <button type="button" onClick={host.openSidePanel} aria-label={t('sidebar.openPanel')} title={t('sidebar.openPanel')}>
          ⇥
        </button>
      )}
      {host.collapse && (
        <button type="button" onClick={host.collapse} aria-label={t('sidebar.collapse')} title={t('sidebar.collapse')}>
          »
        </button>
      )}
    </header>
  );
}

function Body({ stage }: { stage?: StageControl }) {
  const { t } = useTranslation();
  const host = useHost();
  const status = useSidebar((s) => s.status);
  const error = useSidebar((s) => s.error);
  const actionError = useSidebar((s) => s.actionError);
  const context = useSidebar((s) => s.context);
  const session = useSidebar((s) => s.session);
  const helpOpen = useSidebar((s) => s.helpOpen);
  const recapOpen = useSidebar((s) => s.recapOpen);
  const obscured = useSidebar((s) => s.obscured);
  const isDemo = useSidebar((s) => s.bundle?.deck.demo === true);
  const actions = useActions();
  const [origin, setOrigin] = useState<string>();
  useEffect(() => {
    if (status === 'ready' && !context && host.activeOrigin) void host.activeOrigin().then(setOrigin);
  }, [status, context, host]);
  // Right after the first commit that shows the deck, before it is painted.
  const told = useRef(false);
  useLayoutEffect(() => {
    if (status !== 'ready' || told.current) return;
    told.current = true;
    host.onReady?.();
  }, [status, host]);

  if (status === 'loading') return <p role="status">{t('common.loading')}</p>;
  if (status === 'error') {
    return (
      <div role="alert" className="error-panel">
        <p>{t(`errors.${error}`, { defaultValue: t('errors.internal') })}</p>
        <button type="button" onClick={() => void actions.init()}>
          {t('common.retry')}
        </button>
      </div>
    );
  }
  if (!context) return <NoConsole origin={origin} />;
  return (
    <>
      {obscured && (
        <p role="alert" className="error obscured">
          {t('sidebar.obscured')}
        </p>
      )}
      {actionError && (
        <p role="alert" className="error">
          {t(`errors.${actionError}`, { defaultValue: t('errors.internal') })}
        </p>
      )}
      <SafetyNotices />
      <RehearsalBanner />
      {!session && <RehearsalEnded />}
      {isDemo && <p className="demo-banner">{t('common.demo')}</p>}
      {!session && <Resume />}
      {!session && <GoLive />}
      {!session && <p className="not-live">{t('sidebar.notLive')}</p>}
      <RunSheet />
      <ErrorBoundary fallback={(_e, reset) => <CardError reset={reset} />}>
        <CardView />
      </ErrorBoundary>
      {/* Below the card: the card's essentials keep their place on a 1080p screen. */}
      {session && stage && <StageBar stage={stage} />}
      <p className="keys-hint">{t('sidebar.keysHint')}</p>
      {recapOpen && <RecapDialog />}
      {helpOpen && <HelpOverlay />}
    </>
  );
}

function CardError({ reset }: { reset: () => void }) {
  const { t } = useTranslation();
  return (
    <div role="alert" className="error-panel">
      <p>{t('errors.internal')}</p>
      <button type="button" onClick={reset}>
        {t('common.retry')}
      </button>
    </div>
  );
}

/** The host's sidebar, the same in the in-page overlay and the browser's side panel. */
export function SidebarApp({ sidebar, host, stage, dontSay }: { sidebar: SidebarStore; host: SidebarHost; stage?: StageControl; dontSay?: DontSayControl }) {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.ctrlKey || e.metaKey || e.altKey || e.isComposing || isTyping(e.target)) return;
      if (e.key === '/') {
        // Search is the one key that needs focus in the sidebar: it types.
        e.preventDefault();
        return document.getElementById(RUN_SEARCH_ID)?.focus();
      }
      // A focused button answers Enter and Space itself; every other key goes to the keymap.
      if (runHotkey(sidebar, e.key, stage, dontSay)) e.preventDefault();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [sidebar, stage, dontSay]);
  // Inside a console page, refuse to record while the page covers or hides the sidebar.
  const root = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (host.mode !== 'overlay' || !root.current) return;
    return watchVisibility(root.current, (visible) => sidebar.actions.setObscured(!visible));
  }, [sidebar, host.mode]);
  return (
    <SidebarContext.Provider value={{ sidebar, host, dontSay }}>
      <div ref={root} className={`sidebar mode-${host.mode}`}>
        <Header />
        <main className="sidebar-main">
          <Body stage={stage} />
        </main>
      </div>
    </SidebarContext.Provider>
  );
}
