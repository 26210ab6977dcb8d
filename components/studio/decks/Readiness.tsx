import { useTranslation } from 'react-i18next';
import type { TermFlag } from '../../../lib/dont-say/term-flags';
import type { Client } from '../../../lib/messaging/client';
import type { Problem } from '../../../lib/readiness';
import type { Card } from '../../../lib/schema/card';
import { routeHref } from '../producer/route';
import { useProblemMessage } from './problem-message';
import { AcceptedTerms, AcceptTerm } from './TermAcceptance';

/** "Ready to go live?": every problem of the deck, each with a link to where it is fixed. */
export function Readiness({
  problems,
  cards,
  deckId,
  accepted = [],
  call,
}: {
  problems: readonly Problem[];
  cards: readonly Card[];
  deckId: string;
  /** Risky terms the producer kept, with reasons (issue 20): listed, not counted. */
  accepted?: readonly TermFlag[];
  /** Given, a risky term can be accepted with a reason from here. */
  call?: Client;
}) {
  const { t, i18n } = useTranslation();
  const message = useProblemMessage();
  const nameOf = (id: string | undefined) => {
    const c = cards.find((x) => x.id === id);
    if (!c) return '';
    return `${c.sku} · ${c.name[i18n.language] ?? Object.values(c.name)[0] ?? ''}`;
  };
  return (
    <section className={`readiness ${problems.length === 0 ? 'ready' : 'not-ready'}`} aria-labelledby="readiness-title">
      <h3 id="readiness-title">{t('readiness.title')}</h3>
      {problems.length === 0 ? (
        <p role="status" className="ok">
          ✓ {t('readiness.ready')}
        </p>
      ) : (
        <>
          <p role="status">{t('readiness.count', { count: problems.length })}</p>
          <ul className="problems">
            {problems.map((p, i) => {
              const language = p.language ? { language: p.language } : {};
              const href =
                p.field === 'deck' || !p.cardId
                  ? routeHref({ view: 'deck', id: deckId, field: p.field === 'policy' ? 'policy' : 'products', ...language })
                  : routeHref({ view: 'card', id: p.cardId, field: p.field, ...language });
              return (
                <li key={i} data-code={p.code}>
                  {p.cardId && <span className="problem-card">{nameOf(p.cardId)}: </span>}
                  <span>{message(p)}</span>{' '}
                  <a href={href} aria-label={`${t('readiness.fix')}: ${nameOf(p.cardId)} ${message(p)}`}>
                    {t('readiness.fix')}
                  </a>
                  {p.code === 'risky-term' && call && (
                    <>
                      {' '}
                      <AcceptTerm problem={p} call={call} label={`${nameOf(p.cardId)} ${message(p)}`} />
                    </>
                  )}
                </li>
              );
            })}
          </ul>
        </>
      )}
      <AcceptedTerms flags={accepted} cards={cards} />
    </section>
  );
}
