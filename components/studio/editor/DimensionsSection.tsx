import { useTranslation } from 'react-i18next';
import { REFERENCE_OBJECTS } from '../../../lib/scale/references';
import { Field, NumberInput, type CardPartProps } from './fields';

/** A card's size and weight, and the familiar objects the sidebar draws it beside. */
export function DimensionsSection({ draft, update, err }: CardPartProps) {
  const { t } = useTranslation();
  return (
    <section id="section-dimensions" aria-labelledby="h-dims">
      <h3 id="h-dims">{t('editor.dimensions')}</h3>
      <div className="row">
        {(['lengthMm', 'widthMm', 'heightMm', 'weightG'] as const).map((k) => (
          <Field key={k} label={t(`editor.${k}`)} error={err(`dimensions.${k}`)}>
            {(p) => (
              <NumberInput
                {...p}
                className="short"
                value={draft.dimensions?.[k]}
                onChange={(v) => {
                  const next = { ...(draft.dimensions ?? {}), [k]: v };
                  if (v === undefined) delete next[k];
                  update({ dimensions: Object.keys(next).length > 0 ? next : undefined });
                }}
              />
            )}
          </Field>
        ))}
      </div>
      <h4>{t('editor.scaleRefs')}</h4>
      <ul className="plain">
        {draft.scaleRefs.map((ref, i) => (
          <li key={i} className="row">
            {'catalogueId' in ref ? (
              <Field label={t('editor.scaleObject')} error={err(`scaleRefs.${i}.catalogueId`)}>
                {(p) => (
                  <select {...p} value={ref.catalogueId} onChange={(e) => update({ scaleRefs: draft.scaleRefs.map((r, k) => (k === i ? { catalogueId: e.target.value } : r)) })}>
                    {REFERENCE_OBJECTS.map((o) => (
                      <option key={o.id} value={o.id}>
                        {t(`scaleRef.${o.id}.name`, { defaultValue: o.id })}
                      </option>
                    ))}
                  </select>
                )}
              </Field>
            ) : (
              <>
                <Field label={t('editor.customName')} error={err(`scaleRefs.${i}.custom.name`)}>
                  {(p) => <input {...p} value={ref.custom.name} onChange={(e) => update({ scaleRefs: draft.scaleRefs.map((r, k) => (k === i ? { custom: { ...ref.custom, name: e.target.value } } : r)) })} />}
                </Field>
                {(['widthMm', 'heightMm'] as const).map((k) => (
                  <Field key={k} label={t(`editor.${k}`)} error={err(`scaleRefs.${i}.custom.${k}`)}>
                    {(p) => (
                      <NumberInput {...p} className="short" value={ref.custom[k]} onChange={(v) => update({ scaleRefs: draft.scaleRefs.map((r, x) => (x === i ? { custom: { ...ref.custom, [k]: v as number } } : r)) })} />
                    )}
                  </Field>
                ))}
              </>
            )}
            <button type="button" className="icon" onClick={() => update({ scaleRefs: draft.scaleRefs.filter((_, k) => k !== i) })} aria-label={t('editor.removeScaleRef', { n: i + 1 })}>
              ×
            </button>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" onClick={() => update({ scaleRefs: [...draft.scaleRefs, { catalogueId: REFERENCE_OBJECTS[0].id }] })}>
          + {t('editor.addScaleRef')}
        </button>
        <button type="button" onClick={() => update({ scaleRefs: [...draft.scaleRefs, { custom: { name: '', widthMm: undefined as unknown as number, heightMm: undefined as unknown as number } }] })}>
          + {t('editor.addCustomScaleRef')}
        </button>
      </div>
    </section>
  );
}
