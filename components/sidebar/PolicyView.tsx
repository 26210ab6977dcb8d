import { useTranslation } from 'react-i18next';
import { checkPolicy } from '../../lib/cards/policy-templates';
import { policySummary } from '../../lib/cards/policy-summary';
import { localize } from '../../lib/cards/text';
import { useViewerT } from '../common/viewer-text';
import { NotTranslated } from './NotTranslated';
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
  // The paragraph is for viewers: in their language (the producer's own summary, else generated).
  const viewer = useViewerT(language);
  const own = localize(policy.summary, language);
  const generated = !(own && !own.fallback);
  const shownIn = generated ? viewer.language : language;
  return (
    <div className="policy">
      <p className="policy-summary" lang={shownIn}>
        {policySummary(policy, language, viewer.t)}
        {generated && !viewer.translated && (
          <>
            {' '}
            <NotTranslated shown={viewer.language} wanted={language} />
          </>
        )}
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
