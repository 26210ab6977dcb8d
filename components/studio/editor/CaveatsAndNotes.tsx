import { useTranslation } from 'react-i18next';
import { useLanguageName } from '../../common/language-name';
import { NoteKind } from '../../../lib/schema/card';
import { newId } from '../producer/data';
import { Field, type CardPartProps } from './fields';

/** The "not suitable if" caveats, each in every language, with its must-say flag. */
export function CaveatsSection({ draft, update, err, languages, language }: CardPartProps) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  return (
    <section id="section-caveats" aria-labelledby="h-caveats">
      <h3 id="h-caveats">{t('editor.caveats')}</h3>
      <ol className="plain">
        {draft.caveats.map((c, i) => (
          <li key={c.id} className={`caveat-edit${c.mustSay ? ' must' : ''}`}>
            {languages.map((l) => (
              <Field key={l} label={`${t('editor.caveat', { n: i + 1 })} (${ln(l)})`} error={err(`caveats.${i}.text.${l}`) ?? (l === language ? err(`caveats.${i}.text`) : undefined)}>
                {(p) => (
                  <input
                    {...p}
                    lang={l}
                    value={c.text[l] ?? ''}
                    onChange={(e) => {
                      const text = { ...c.text, [l]: e.target.value };
                      if (e.target.value === '') delete text[l];
                      update({ caveats: draft.caveats.map((x, k) => (k === i ? { ...x, text } : x)) });
                    }}
                  />
                )}
              </Field>
            ))}
            <div className="actions">
              <label className="check">
                <input type="checkbox" checked={c.mustSay} onChange={(e) => update({ caveats: draft.caveats.map((x, k) => (k === i ? { ...x, mustSay: e.target.checked } : x)) })} />{' '}
                {t('editor.mustSay')}
              </label>
              <button type="button" className="icon" onClick={() => update({ caveats: draft.caveats.filter((_, k) => k !== i) })} aria-label={t('editor.removeCaveat', { n: i + 1 })}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => update({ caveats: [...draft.caveats, { id: newId(), text: {}, mustSay: true }] })}>
        + {t('editor.addCaveat')}
      </button>
    </section>
  );
}

/** Notes (material, care, colour accuracy, demo prompts), each of a kind and in every language. */
export function NotesSection({ draft, update, err, languages, language }: CardPartProps) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  return (
    <section id="section-notes" aria-labelledby="h-notes">
      <h3 id="h-notes">{t('editor.notes')}</h3>
      <ol className="plain">
        {draft.notes.map((n, i) => (
          <li key={n.id}>
            <div className="row">
              <Field label={t('editor.noteKind')}>
                {(p) => (
                  <select {...p} value={n.kind} onChange={(e) => update({ notes: draft.notes.map((x, k) => (k === i ? { ...x, kind: e.target.value as typeof n.kind } : x)) })}>
                    {NoteKind.options.map((kind) => (
                      <option key={kind} value={kind}>
                        {t(`noteKind.${kind}`)}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
              <button type="button" className="icon" onClick={() => update({ notes: draft.notes.filter((_, k) => k !== i) })} aria-label={t('editor.removeNote', { n: i + 1 })}>
                ×
              </button>
            </div>
            {languages.map((l) => (
              <Field key={l} label={`${t('editor.note', { n: i + 1 })} (${ln(l)})`} error={err(`notes.${i}.text.${l}`) ?? (l === language ? err(`notes.${i}.text`) : undefined)}>
                {(p) => (
                  <input
                    {...p}
                    lang={l}
                    value={n.text[l] ?? ''}
                    onChange={(e) => {
                      const text = { ...n.text, [l]: e.target.value };
                      if (e.target.value === '') delete text[l];
                      update({ notes: draft.notes.map((x, k) => (k === i ? { ...x, text } : x)) });
                    }}
                  />
                )}
              </Field>
            ))}
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => update({ notes: [...draft.notes, { id: newId(), kind: 'material', text: {} }] })}>
        + {t('editor.addNote')}
      </button>
    </section>
  );
}
