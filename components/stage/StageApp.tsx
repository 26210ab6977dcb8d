import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { cardItems, effectivePolicyId } from '../../lib/cards/items';
import { localize } from '../../lib/cards/text';
import type { DeckBundle } from '../../lib/schema/deck';
import { uiLanguageFor } from '../../lib/i18n';
import type { Client } from '../../lib/messaging/client';
import { stagePixels } from '../../lib/stage/settings';
import type { StageState } from '../../lib/stage/state';
import { ItemContent } from '../sidebar/ItemContent';

interface Props {
  call: Client;
  sessionId: string;
  /** Subscribes to stage pushes, checked (undefined: reconnected, re-read); returns an unsubscribe function. */
  onPush: (listener: (state: StageState | null | undefined) => void) => () => void;
}

/**
 * The stage window (issue 18): the product and the item the host put on stage, large, in the
 * viewer language, for streaming software to capture. Nothing here is interactive (the content is
 * `inert`) and nothing host-only is drawn: no notes, no must-say badges, no prompts.
 */
export function StageApp({ call, sessionId, onPush }: Props) {
  const { t, i18n } = useTranslation();
  const [stage, setStage] = useState<StageState | null | undefined>(undefined);
  const [bundle, setBundle] = useState<DeckBundle | null>(null);

  // A push is drawn at once, with its labels (size, returns…) in the viewer language where
  // Upfront has it, else the interface's: one render, not a second one after the language
  // changes, so the stage repaints in the frame after the host's key (bench: stageKey).
  // (Through a ref: react-i18next hands out a new i18n object after a language change, which
  // must not re-subscribe and re-read.)
  const labelsI18n = useRef(i18n);
  labelsI18n.current = i18n;
  const show = useCallback((next: StageState | null) => {
    const labels = next ? uiLanguageFor(next.language) : undefined;
    const i18next = labelsI18n.current;
    flushSync(() => {
      if (labels && i18next.language !== labels) void i18next.changeLanguage(labels);
      setStage(next);
    });
  }, []);
  const read = useCallback(async () => show(await call('stage.get', { sessionId }).catch(() => null)), [call, sessionId, show]);

  useEffect(() => {
    void read();
    return onPush((state) => (state === undefined ? void read() : show(state)));
  }, [read, show, onPush]);

  const deckId = stage?.deckId;
  useEffect(() => {
    if (!deckId) return;
    void call('deck.get', { deckId }).then(setBundle, () => setBundle(null));
  }, [call, deckId]);

  const settings = stage?.settings;
  const px = settings ? stagePixels(settings.size) : stagePixels('1920x1080');

  // Keep the window's content at the chosen size (the browser's frame takes some of the window).
  useEffect(() => {
    if (!settings) return;
    const dw = px.width - window.innerWidth;
    const dh = px.height - window.innerHeight;
    if (dw !== 0 || dh !== 0) void call('stage.fit', { sessionId, dw, dh }).catch(() => undefined);
  }, [call, sessionId, settings, px.width, px.height]);
  const card = stage && bundle?.deck.id === stage.deckId ? bundle.cards.find((c) => c.id === stage.cardId) : undefined;
  const classes = ['stage', `stage-${settings?.layout ?? 'lower-third'}`, `stage-bg-${settings?.background ?? 'chroma'}`, px.height > px.width ? 'stage-vertical' : ''];

  let body = null;
  if (stage && card && bundle) {
    const fallbacks = bundle.deck.languages;
    const policyId = effectivePolicyId(card, bundle.deck.defaultPolicyId);
    const policy = bundle.policies.find((p) => p.id === policyId);
    const item = stage.item ? cardItems(card, policy).find((i) => i.kind === stage.item!.kind && i.id === stage.item!.id) : undefined;
    const name = localize(card.name, stage.language, fallbacks);
    body = (
      <div className="stage-panel" data-item={item ? `${item.kind}:${item.id}` : undefined}>
        <h1 className="stage-name" lang={name?.language}>
          {name?.text ?? card.sku}
        </h1>
        {item && (
          <div className={`stage-item stage-item-${item.kind}`}>
            {item.kind === 'caveat' && <p className="stage-label">{t('stage.notSuitableIf')}</p>}
            {item.kind === 'policy' && <p className="stage-label">{t('stage.returns')}</p>}
            <ItemContent
              item={item}
              ctx={{ card, policy, deck: bundle.deck, unit: stage.unit, sizeRow: stage.sizeRow, refIndex: stage.refIndex, language: stage.language, fallbacks }}
            />
          </div>
        )}
      </div>
    );
  }

  return (
    <main className={classes.join(' ')} style={{ width: px.width, height: px.height }} data-stage={stage ? 'on' : 'off'} inert>
      {body}
      {stage === null && <p className="stage-idle sr-only">{t('stage.idle')}</p>}
    </main>
  );
}
