import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UpfrontError } from '../../lib/errors';
import type { Item } from '../../lib/schema/session';
import { useActions } from './context';

type Phase = { step: 'idle' } | { step: 'confirm'; id: string } | { step: 'saving'; id: string } | { step: 'failed'; id: string; code: string } | { step: 'done' };

/**
 * "Correct": the host misspoke about an item already recorded and corrected it on air. Two steps
 * (Correct…, then Record correction) because a correction stays in the log for good; both are
 * buttons, so Tab and Enter reach them, and Escape backs out. The event id is made once per
 * correction, so a retry after a failure cannot record it twice.
 */
export function Correction({ item, label, newId = () => crypto.randomUUID() }: { item: Item; label: string; newId?: () => string }) {
  const { t } = useTranslation();
  const actions = useActions();
  const [phase, setPhase] = useState<Phase>({ step: 'idle' });
  const confirmRef = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (phase.step === 'confirm') confirmRef.current?.focus();
  }, [phase.step]);

  async function record(id: string) {
    setPhase({ step: 'saving', id });
    try {
      await actions.correct(item, id);
      setPhase({ step: 'done' });
    } catch (err) {
      setPhase({ step: 'failed', id, code: err instanceof UpfrontError ? err.code : 'internal' });
    }
  }

  if (phase.step === 'idle' || phase.step === 'done') {
    return (
      <span className="correction">
        {phase.step === 'done' && <span role="status" className="corrected">{t('correction.recorded')}</span>}
        <button
          type="button"
          className="link correct"
          aria-label={t('correction.startAria', { item: label })}
          onClick={() => setPhase({ step: 'confirm', id: newId() })}
        >
          {t('correction.start')}
        </button>
      </span>
    );
  }
  const id = phase.id;
  return (
    <span
      className="correction confirming"
      onKeyDown={(e) => {
        if (e.key === 'Escape' && phase.step !== 'saving') {
          e.stopPropagation();
          setPhase({ step: 'idle' });
        }
      }}
    >
      <span className="correction-question">{t('correction.question')}</span>
      <button ref={confirmRef} type="button" className="primary" disabled={phase.step === 'saving'} onClick={() => void record(id)}>
        {phase.step === 'saving' ? t('item.saving') : t('correction.confirm')}
      </button>
      <button type="button" disabled={phase.step === 'saving'} onClick={() => setPhase({ step: 'idle' })}>
        {t('correction.cancel')}
      </button>
      {phase.step === 'failed' && (
        <span role="alert" className="error">
          {t('item.failed', { reason: t(`errors.${phase.code}`, { defaultValue: t('errors.internal') }) })}
        </span>
      )}
    </span>
  );
}
