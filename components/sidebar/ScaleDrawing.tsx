import { useTranslation } from 'react-i18next';
import type { ResolvedRef } from '../../lib/scale/references';
import { layoutDrawing, type DrawnBox } from '../../lib/scale/compare';

const BOX = { width: 340, height: 150, gap: 16, pad: 8 };

/** The reference object's silhouette, drawn in its box (React SVG elements, no markup strings). */
function RefShape({ refObj, b }: { refObj: ResolvedRef; b: DrawnBox }) {
  const cls = 'ref-shape';
  switch (refObj.shape) {
    case 'coin':
    case 'ball': {
      const r = Math.min(b.width, b.height) / 2;
      return <circle className={cls} cx={b.x + b.width / 2} cy={b.y + b.height - r} r={r} />;
    }
    case 'bottle': {
      // Body to 70 % of the height, a shoulder, a neck a third as wide, a cap.
      const { x, y, width: w, height: h } = b;
      const neckW = w / 3;
      const nx = x + (w - neckW) / 2;
      const d = [
        `M ${x} ${y + h}`,
        `L ${x} ${y + h * 0.3}`,
        `Q ${x} ${y + h * 0.18} ${nx} ${y + h * 0.12}`,
        `L ${nx} ${y}`,
        `L ${nx + neckW} ${y}`,
        `L ${nx + neckW} ${y + h * 0.12}`,
        `Q ${x + w} ${y + h * 0.18} ${x + w} ${y + h * 0.3}`,
        `L ${x + w} ${y + h}`,
        'Z',
      ].join(' ');
      return <path className={cls} d={d} />;
    }
    case 'can':
      return <rect className={cls} x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(b.width * 0.12, 6)} />;
    case 'phone':
      return <rect className={cls} x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(b.width * 0.15, 10)} />;
    case 'card':
      return <rect className={cls} x={b.x} y={b.y} width={b.width} height={b.height} rx={Math.min(b.width * 0.04, 4)} />;
    default:
      return <rect className={cls} x={b.x} y={b.y} width={b.width} height={b.height} />;
  }
}

interface Props {
  product: { widthMm: number; heightMm: number };
  refObj: ResolvedRef;
  refName: string;
  label: string;
}

/**
 * The product's outline beside the reference, to the same scale, standing on one baseline.
 * Built from React SVG elements; every size comes from numbers, never from markup strings.
 */
export function ScaleDrawing({ product, refObj, refName, label }: Props) {
  const { t } = useTranslation();
  const l = layoutDrawing(product, refObj, BOX);
  return (
    <figure className="scale-drawing">
      <svg viewBox={`0 0 ${BOX.width} ${BOX.height}`} role="img" aria-label={label} data-scale={l.scale.toPrecision(6)}>
        <line className="baseline" x1={0} x2={BOX.width} y1={l.baselineY} y2={l.baselineY} />
        <rect
          className="product-shape"
          data-testid="product-shape"
          x={l.product.x}
          y={l.product.y}
          width={Math.max(l.product.width, 1)}
          height={Math.max(l.product.height, 1)}
        />
        <g data-testid="ref-shape">
          <RefShape refObj={refObj} b={l.ref} />
        </g>
        {l.refTiny && (
          // A pointer to where a reference too small to see sits, so the host can find it.
          <path className="ref-pointer" d={`M ${l.ref.x + l.ref.width / 2} ${l.ref.y - 4} l -5 -12 l 10 0 Z`} />
        )}
      </svg>
      <figcaption className="legend">
        <span className="key-product">{t('scale.product')}</span>
        <span className="key-ref">{refName}</span>
      </figcaption>
      {l.refTiny && <p className="muted">{t('scale.refTiny', { ref: refName })}</p>}
    </figure>
  );
}
