import { useTranslation } from 'react-i18next';
import { checkPolicy } from '../../lib/cards/policy-templates';
import { policySummary } from '../../lib/cards/policy-summary';
import type { ReturnPolicy } from '../../lib/schema/policy';

interface Props {
  policy: ReturnPolicy;
  source: 'card' | 'deck' | 'none';
  language: string;
}

/** The return policy as the paragraph the host reads out, with where it comes from. */
export function PolicyView({ policy, source, language }: Props) {
  const { t } = useTranslation();
  const warnings = checkPolicy(policy);
  return (
    <div className="policy">
      <p className="policy-summary" lang={language}>
        {policySummary(policy, language, t)}
      </p>
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
