import { useTranslation } from 'react-i18next';
import { localize } from '../../lib/cards/text';
import { useActions, useSidebar } from './context';

/** Tonight's products in order; the current one is marked. */
export function RunSheet() {
  const { t } = useTranslation();
  const actions = useActions();
  const bundle = useSidebar((s) => s.bundle);
  const sessionLanguage = useSidebar((s) => s.session?.language);
  const index = useSidebar((s) => s.index);
  if (!bundle) return null;
  const { cards, deck } = bundle;
  const languages = deck.languages;
  const language = sessionLanguage ?? languages[0];
  return (
    <nav className="run-sheet" aria-label={t('sidebar.runSheet')}>
      <ol>
        {cards.map((c, i) => (
          <li key={c.id}>
            <button
              type="button"
              aria-current={i === index ? 'true' : undefined}
              className={i === index ? 'current' : undefined}
              onClick={() => actions.select(i)}
            >
              <span className="run-index">{i + 1}</span> {localize(c.name, language, languages)?.text ?? c.sku}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
