import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import { useTranslation } from 'react-i18next';
import type { DeckBundle } from '../../../lib/schema/deck';
import { UpfrontError } from '../../../lib/errors';
import { DEFAULT_LAYOUT } from '../../../lib/messaging/types';
import { createSidebarStore } from '../../../lib/sidebar/store';
import { CardView } from '../../sidebar/CardView';
import { SidebarContext, type SidebarHost } from '../../sidebar/context';
import { RunSheet } from '../../sidebar/RunSheet';
import sidebarCss from '../../sidebar/sidebar.css?inline';

/**
 * A same-origin frame holding the sidebar's own stylesheet, so the preview looks exactly like the
 * host's sidebar (same CSS, same width) without the studio's styles leaking in or out.
 * Where a frame document is not available (tests), the children render inline.
 */
function SidebarFrame({ title, children }: { title: string; children: ReactNode }) {
  const frame = useRef<HTMLIFrameElement>(null);
  const [mount, setMount] = useState<HTMLElement | null>(null);
  const [inline, setInline] = useState(false);
  useEffect(() => {
    const doc = frame.current?.contentDocument;
    if (!doc || !doc.body) {
      setInline(true);
      return;
    }
    const style = doc.createElement('style');
    style.textContent = sidebarCss;
    doc.head.append(style);
    doc.documentElement.lang = document.documentElement.lang;
    const root = doc.createElement('div');
    root.className = 'sidebar mode-overlay';
    const main = doc.createElement('main');
    main.className = 'sidebar-main';
    root.append(main);
    doc.body.append(root);
    setMount(main);
    return () => root.remove();
  }, []);
  if (inline) return <div className="preview-inline">{children}</div>;
  return (
    <>
      <iframe ref={frame} title={title} className="preview-frame" style={{ width: DEFAULT_LAYOUT.width }} />
      {mount && createPortal(children, mount)}
    </>
  );
}

const previewHost: SidebarHost = { mode: 'overlay', openStudio: () => undefined };

/**
 * What the host will see: the sidebar's own CardView (and RunSheet for a deck), fed from a
 * private sidebar store that never goes live, so nothing in the preview can record anything.
 */
export function SidebarPreview({ bundle, index = 0, runSheet = false }: { bundle: DeckBundle; index?: number; runSheet?: boolean }) {
  const { t } = useTranslation();
  const sidebar = useMemo(
    () =>
      createSidebarStore({
        call: async () => {
          throw new UpfrontError('forbidden', 'preview');
        },
        newId: () => crypto.randomUUID(),
      }),
    [],
  );
  useEffect(() => {
    const count = bundle.cards.length;
    const current = sidebar.store.getState().index;
    sidebar.store.setState({
      status: 'ready',
      bundle,
      deckId: bundle.deck.id,
      session: null,
      index: runSheet ? Math.min(current, Math.max(0, count - 1)) : Math.min(index, Math.max(0, count - 1)),
    });
  }, [bundle, index, runSheet, sidebar]);
  return (
    <SidebarContext.Provider value={{ sidebar, host: previewHost }}>
      <SidebarFrame title={t('editor.previewTitle')}>
        {runSheet && <RunSheet />}
        <CardView />
      </SidebarFrame>
    </SidebarContext.Provider>
  );
}
