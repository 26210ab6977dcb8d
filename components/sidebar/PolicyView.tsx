import { useTranslation } from 'react-i18next';
import { checkPolicy } from '../../lib/cards/policy-templates';
import { policySummaryParts } from '../../lib/cards/policy-summary';
import { localize } from '../../lib/cards/text';
import { useViewerT } from '../common/viewer-text';
import { NotTranslated } from './NotTranslated';
import type { ReturnPolicy } from '../../lib/schema/policy';

interface Props {
  policy: ReturnPolicy;
  source: 'card' | 'deck' | 'none';
  language: string;
  /** The deck's languages: a text missing in the viewer's is shown in the first that has it. */
  fallbacks?: readonly string[];
}

/**
 * The policy paragraph for viewers, every part under the one rule: the viewer's language, else
 * the deck's first language marked "not translated" — the generated sentences when Upfront does
 * not speak the viewer's language, and each of the producer's texts (condition, exceptions).
 */
export function PolicySummaryText({ policy, language, fallbacks = [] }: { policy: ReturnPolicy; language: string; fallbacks?: readonly string[] }) {
  const viewer = useViewerT(language);
  const own = localize(policy.summary, language);
  const generated = !(own && !own.fallback);
  const parts = policySummaryParts(policy, language, viewer.t, fallbacks);
  return (
    <p className="policy-summary" lang={generated ? viewer.language : language}>
      {parts.map((p, i) => (
        <span key={i} lang={p.fallback} data-fallback={p.fallback ? true : undefined}>
          {i > 0 ? ' ' : ''}
          {p.text}
          {p.fallback && (
            <>
              {' '}
              <NotTranslated shown={p.fallback} wanted={language} />
            </>
          )}
        </span>
      ))}
      {generated && !viewer.translated && (
        <>
          {' '}
          <NotTranslated shown={viewer.language} wanted={language} />
        </>
      )}
    </p>
  );
}

/** The return policy as the paragraph the host reads out, with where it comes from. */
export function PolicyView({ policy, source, language, fallbacks }: Props) {
  const { t } = useTranslation();
  const warnings = checkPolicy(policy);
  return (
    <div className="policy">
      <PolicySummaryText policy={policy} language={language} fallbacks={fallbacks} />
      <p className="muted policy-meta">
        {policy.template ? `${t(`policyView.template.${policy.template}`)} · ` : ''}
        {source === 'card' ? t('cardView.policyCard') : t('cardView.policyDeck')}
      </p>
      {warnings.map((w, i) => (
        <p key={i} className="warning">
          {t(`policyView.${w.code}`, w)}
        </p>
      ))}
    </div>
  );
}
