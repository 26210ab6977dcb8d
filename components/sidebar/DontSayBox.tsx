import { useTranslation } from 'react-i18next';
import { useStore } from 'zustand';
import type { DontSayControl, DontSayMark } from '../../lib/dont-say/control';
import { markKey } from '../../lib/sidebar/progress';
import type { Card } from '../../lib/schema/card';
import { useDontSay } from './context';
import { Text } from './Localized';

const NO_MARKS: Record<string, DontSayMark> = {};

/**
 * "Don't say" (issue 20): the claims the host must not make about this product, each with the
 * wording to use instead, in a box of its own (violet, apart from the red must-say caveats: these
 * are not to be said, never to be marked said). Live, a slip corrected on air is recorded with
 * its button or `C`. Host-only: the stage view never draws it.
 */
export function DontSayBox({ card, language, fallbacks, live }: { card: Card; language: string; fallbacks: readonly string[]; live: boolean }) {
  const { t } = useTranslation();
  const control = useDontSay();
  const list = card.dontSay ?? [];
  if (list.length === 0) return null;
  return (
    <div className="dont-say" role="group" aria-labelledby="dont-say-title" data-testid="dont-say">
      <h3 id="dont-say-title" className="dont-say-title">
        <span aria-hidden="true">⊘</span> {t('dontSay.title')}
      </h3>
      {control && <Choosing control={control} count={list.length} />}
      <ol className="dont-say-items">
        {list.map((d, i) => (
          <li key={d.id} data-dont-say={d.id} className="dont-say-item">
            <p className="dont-say-claim" id={`dont-say-${card.id}-${d.id}`}>
              {list.length > 1 && <span className="dont-say-n">{i + 1}</span>} <span className="sr-only">{t('dontSay.claimLabel')}: </span>
              <Text value={d.claim} language={language} fallbacks={fallbacks} />
            </p>
            {d.say && (
              <p className="dont-say-say">
                {t('dontSay.sayLabel')}: <Text value={d.say} language={language} fallbacks={fallbacks} />
              </p>
            )}
            {live && control && <CorrectButton control={control} cardId={card.id} id={d.id} />}
          </li>
        ))}
      </ol>
    </div>
  );
}

function Choosing({ control, count }: { control: DontSayControl; count: number }) {
  const { t } = useTranslation();
  const choosing = useStore(control.store, (s) => s.choosing);
  if (!choosing) return null;
  return (
    <p role="status" className="dont-say-ask">
      {t('dontSay.which', { count })}
    </p>
  );
}

/** Named by its visible words (WCAG 2.5.3); the claim it records is its description. */
function CorrectButton({ control, cardId, id }: { control: DontSayControl; cardId: string; id: string }) {
  const { t } = useTranslation();
  const key = markKey(cardId, { kind: 'dontSay', id });
  const mark = useStore(control.store, (s) => (s.marks ?? NO_MARKS)[key]);
  return (
    <div className="dont-say-actions" data-state={mark?.state}>
      <button type="button" disabled={mark?.state === 'saving'} aria-keyshortcuts="C" aria-describedby={`dont-say-${cardId}-${id}`} onClick={() => void control.actions.correct(id)}>
        <kbd aria-hidden="true">C</kbd> {mark?.state === 'saving' ? t('item.saving') : t('dontSay.correct')}
      </button>
      {mark?.state === 'recorded' && (
        <span role="status" className="dont-say-recorded">
          ✓ {t('dontSay.recorded')}
        </span>
      )}
      {mark?.state === 'failed' && (
        <span role="alert" className="error">
          {t('item.failed', { reason: t(`errors.${mark.code}`, { defaultValue: t('errors.internal') }) })}
        </span>
      )}
    </div>
  );
}
