import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useImageSrc } from '../common/image-src';

/**
 * The product photo, or a plain placeholder when there is none, while a stored photo is being
 * fetched, or when it fails to load (a moved URL, an offline CDN): the card keeps its layout
 * either way.
 */
export function CardImage({ src, alt }: { src: string | undefined; alt: string }) {
  const { t } = useTranslation();
  const image = useImageSrc(src);
  const [broken, setBroken] = useState(false);
  const url = image.state === 'ready' ? image.src : undefined;
  useEffect(() => setBroken(false), [url]);
  if (!url || broken) {
    const failed = broken || image.state === 'missing';
    const label = image.state === 'none' ? 'cardView.noImage' : image.state === 'loading' ? 'cardView.imageLoading' : 'cardView.imageBroken';
    return (
      <div className="card-image placeholder" role="img" aria-label={t(label)} data-broken={failed || undefined} data-loading={image.state === 'loading' || undefined}>
        <span aria-hidden="true">{failed ? '⚠' : '▢'}</span>
      </div>
    );
  }
  return <img className="card-image" src={url} alt={alt} onError={() => setBroken(true)} />;
}
