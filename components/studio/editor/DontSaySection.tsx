import { useTranslation } from 'react-i18next';
import type { DontSay } from '../../../lib/schema/card';
import type { LocalizedText } from '../../../lib/schema/common';
import { useLanguageName } from '../../common/language-name';
import { newId } from '../producer/data';
import { Field, type CardPartProps } from './fields';

/**
 * Don't say (issue 20): claims the host must avoid for this product, each with the wording to use
 * instead, in every language. The sidebar shows them in their own box; the stage never does.
 */
export function DontSaySection({ draft, update, err, languages, language }: CardPartProps) {
  const { t } = useTranslation();
  const ln = useLanguageName();
  const list = draft.dontSay ?? [];
  const set = (i: number, patch: Partial<DontSay>) => update({ dontSay: list.map((x, k) => (k === i ? { ...x, ...patch } : x)) });
  const edit = (value: LocalizedText | undefined, l: string, text: string): LocalizedText => {
    const next = { ...(value ?? {}), [l]: text };
    if (text === '') delete next[l];
    return next;
  };
  return (
    <section id="section-dontSay" aria-labelledby="h-dont-say">
      <h3 id="h-dont-say">{t('editor.dontSay')}</h3>
      <p className="hint">{t('editor.dontSayHint')}</p>
      <ol className="plain">
        {list.map((d, i) => (
          <li key={d.id} className="dont-say-edit">
            {languages.map((l) => (
              <div className="row" key={l}>
                <Field label={`${t('editor.dontSayClaim', { n: i + 1 })} (${ln(l)})`} error={err(`dontSay.${i}.claim.${l}`) ?? (l === language ? err(`dontSay.${i}.claim`) : undefined)}>
                  {(p) => <input {...p} lang={l} value={d.claim[l] ?? ''} onChange={(e) => set(i, { claim: edit(d.claim, l, e.target.value) })} />}
                </Field>
                <Field label={`${t('editor.dontSaySay', { n: i + 1 })} (${ln(l)})`} error={err(`dontSay.${i}.say.${l}`)}>
                  {(p) => (
                    <input
                      {...p}
                      lang={l}
                      value={d.say?.[l] ?? ''}
                      onChange={(e) => {
                        const say = edit(d.say, l, e.target.value);
                        const { say: _old, ...rest } = d;
                        update({ dontSay: list.map((x, k) => (k === i ? (Object.keys(say).length > 0 ? { ...rest, say } : rest) : x)) });
                      }}
                    />
                  )}
                </Field>
              </div>
            ))}
            <div className="actions">
              <button type="button" className="icon" onClick={() => update({ dontSay: list.filter((_, k) => k !== i) })} aria-label={t('editor.removeDontSay', { n: i + 1 })}>
                ×
              </button>
            </div>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => update({ dontSay: [...list, { id: newId(), claim: {} }] })}>
        + {t('editor.addDontSay')}
      </button>
    </section>
  );
}
