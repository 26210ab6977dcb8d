import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The product photo, or a plain placeholder when there is none or it fails to load (a moved
 * URL, an offline CDN): the card keeps its layout either way.
 */
export function CardImage({ src, alt }: { src: string | undefined; alt: string }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  useEffect(() => setBroken(false), [src]);
  if (!src || broken) {
    return (
      <div className="card-image placeholder" role="img" aria-label={t(src ? 'cardView.imageBroken' : 'cardView.noImage')} data-broken={broken || undefined}>
        <span aria-hidden="true">{src ? '⚠' : '▢'}</span>
      </div>
    );
  }
  return <img className="card-image" src={src} alt={alt} onError={() => setBroken(true)} />;
}
