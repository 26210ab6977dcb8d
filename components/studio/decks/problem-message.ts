import { useTranslation } from 'react-i18next';
import type { Problem } from '../../../lib/readiness';
import { regionName } from '../../../lib/sessions/choices';
import { useLanguageName } from '../../common/language-name';

/** A readiness problem in words: languages and markets named, the text named as Translations names it. */
export function useProblemMessage(): (p: Problem) => string {
  const { t, i18n } = useTranslation();
  const ln = useLanguageName();
  return (p) =>
    t(`readiness.problem.${p.code}`, {
      language: p.language ? ln(p.language) : '',
      market: p.market ? regionName(p.market, i18n.language) : '',
      link: p.link ?? '',
      term: p.term ?? '',
      text: p.text ? t(`translations.field.${p.text.kind}`, { n: p.text.n }) : '',
      // Problems from returns (issue 17): how many came back, and how many times the deck's rate.
      ...(p.returns !== undefined ? { count: p.returns, ratio: p.ratio ?? 0 } : {}),
    });
}
