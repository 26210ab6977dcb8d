import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { dataUrl, imageIdOf, imageRef, IMAGE_MAX_SIDE, MAX_IMAGE_INPUT_BYTES, prepareImage, type ImageProblem } from '../../../lib/images';
import { megabytes } from '../../../lib/import/read';
import type { Client } from '../../../lib/messaging/client';
import { errorCode } from '../producer/data';

/** A displayable URL for a card's image: a stored image (fetched from the background) or an https URL. */
export function useImageUrl(call: Client, image: string | undefined): string | undefined {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let live = true;
    const id = imageIdOf(image);
    if (!id) {
      setUrl(image);
      return;
    }
    setUrl(undefined);
    call('image.get', { id })
      .then((img) => live && setUrl(img ? dataUrl(img) : undefined))
      .catch(() => live && setUrl(undefined));
    return () => {
      live = false;
    };
  }, [call, image]);
  return url;
}

/** Chooses a product photo from disk: checked, scaled down here, stored by the background. */
export function ImagePicker({ call, value, url, onChange }: { call: Client; value: string | undefined; url: string | undefined; onChange: (image: string | undefined) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const [problem, setProblem] = useState<ImageProblem | 'store'>();
  const [busy, setBusy] = useState(false);

  async function choose(file: File | undefined) {
    if (!file) return;
    setProblem(undefined);
    setBusy(true);
    try {
      const prepared = await prepareImage(file);
      if (!prepared.ok) {
        setProblem(prepared.problem);
        return;
      }
      const { bytes: _b, ...image } = prepared.image;
      await call('image.put', { image });
      onChange(imageRef(image.id));
    } catch (err) {
      console.warn('Upfront: image not stored', errorCode(err));
      setProblem('store');
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="image-picker">
      {url ? <img src={url} alt={t('editor.imageAlt')} className="thumb" /> : <div className="thumb placeholder">{t('editor.noImage')}</div>}
      <div>
        <label htmlFor={id}>{t('editor.chooseImage')}</label>
        <input id={id} type="file" accept="image/png,image/jpeg,image/webp,image/gif" onChange={(e) => void choose(e.target.files?.[0])} aria-describedby={`${id}-hint`} />
        <p className="hint" id={`${id}-hint`}>
          {t('editor.imageHint', { max: megabytes(MAX_IMAGE_INPUT_BYTES), side: IMAGE_MAX_SIDE })}
        </p>
        {busy && <p role="status">{t('editor.imageWorking')}</p>}
        {problem && (
          <p role="alert" className="field-error">
            {t(`editor.imageProblem.${problem}`, { max: megabytes(MAX_IMAGE_INPUT_BYTES) })}
          </p>
        )}
        {value && !value.startsWith('upfront-image:') && <p className="hint">{t('editor.imageUrl', { url: value })}</p>}
        {value && (
          <button type="button" onClick={() => onChange(undefined)}>
            {t('editor.removeImage')}
          </button>
        )}
      </div>
    </div>
  );
}
