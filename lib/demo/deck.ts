import type { DeckBundle } from '../schema/deck';
import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';

/**
 * The demo deck seeded on first install so a new user sees a working sidebar at once. Every
 * record carries demo: true, the UI labels it "Demo", and the studio can remove it.
 * Return rules follow the EU's ( Consumer Rights Directive 2011/83/EU
 * art. 9 and 16(e)).
 */
/** A small drawn photo (a data: URL, allowed by the sidebar's img-src) so the demo shows one. */
const HOODIE_IMAGE =
  'data:image/svg+xml,' +
  encodeURIComponent(
    '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="#e8eef9"/>' +
      '<path d="M22 10 Q32 2 42 10 L54 18 L50 30 L45 27 L45 56 L19 56 L19 27 L14 30 L10 18 Z" fill="#34495e"/>' +
      '<path d="M26 12 Q32 22 38 12" fill="none" stroke="#e8eef9" stroke-width="2"/></svg>',
  );

export function demoBundle(now: number): DeckBundle {
  const euPolicy: ReturnPolicy = {
    id: 'demo-policy-eu',
    name: 'EU 14-day withdrawal (demo)',
    template: 'eu',
    markets: ['EU'],
    windowDays: 14,
    condition: { en: 'Unworn, with tags attached', 'zh-CN': '未穿着，吊牌完好' },
    returnShippingPaidBy: 'buyer',
    dutiesPaidBy: 'seller',
    exchanges: true,
    returnAddress: 'Upfront Demo Returns, Musterstraße 1, 10115 Berlin, DE',
    demo: true,
    updatedAt: now,
  };
  const sealedPolicy: ReturnPolicy = {
    id: 'demo-policy-eu-sealed',
    name: 'EU, sealed hygiene goods (demo)',
    template: 'eu',
    markets: ['EU'],
    windowDays: 14,
    condition: { en: 'Seal unbroken', 'zh-CN': '封口未拆' },
    returnShippingPaidBy: 'buyer',
    dutiesPaidBy: 'seller',
    exceptions: {
      en: 'Once the seal is broken it cannot be returned, for hygiene reasons',
      'zh-CN': '出于卫生原因，拆封后不可退货',
    },
    exchanges: false,
    demo: true,
    updatedAt: now,
  };

  const hoodie: Card = {
    id: 'demo-card-hoodie',
    sku: 'DEMO-HOODIE-01',
    name: { en: 'Oversized cotton hoodie', 'zh-CN': '宽松纯棉连帽卫衣' },
    category: 'apparel',
    image: HOODIE_IMAGE,
    sizeChart: {
      unit: 'cm',
      measurements: [
        { id: 'chest', label: { en: 'Chest', 'zh-CN': '胸围' } },
        { id: 'length', label: { en: 'Length', 'zh-CN': '衣长' } },
        { id: 'sleeve', label: { en: 'Sleeve', 'zh-CN': '袖长' } },
      ],
      rows: [
        { size: 'S', values: { chest: 112, length: 68, sleeve: 58 } },
        { size: 'M', values: { chest: 118, length: 71, sleeve: 60 } },
        { size: 'L', values: { chest: 124, length: 74, sleeve: 62 } },
        { size: 'XL', values: { chest: 130, length: 77, sleeve: 64 } },
      ],
      fitAdvice: {
        en: 'Runs large: if you usually wear L, take M.',
        'zh-CN': '版型偏大：平时穿 L 码，建议选 M 码。',
      },
      brandEquivalents: [
        { brand: 'Uniqlo', theirs: 'L', ours: 'M' },
        { brand: 'H&M', theirs: 'M', ours: 'S' },
      ],
      fitFeedback: { trueToSize: 58, runsSmall: 7, runsLarge: 35, sampleSize: 240, minSample: 20 },
      modelRefs: [{ heightCm: 170, wears: 'S', fit: { en: 'relaxed fit', 'zh-CN': '宽松效果' } }],
    },
    dimensions: { weightG: 620 },
    scaleRefs: [],
    caveats: [
      {
        id: 'demo-caveat-wash',
        text: {
          en: 'Dark colours bleed in the first washes: wash separately.',
          'zh-CN': '深色款前几次洗涤会掉色，请单独洗涤。',
        },
        mustSay: true,
      },
    ],
    notes: [
      { id: 'demo-note-material', kind: 'material', text: { en: '100 % cotton, 380 g/m² fleece', 'zh-CN': '100% 棉，380 克毛圈布' } },
      { id: 'demo-note-care', kind: 'care', text: { en: 'Wash at 30 °C inside out; do not tumble dry.', 'zh-CN': '30 °C 反面洗涤，请勿烘干。' } },
    ],
    demo: true,
    updatedAt: now,
  };

  const cover: Card = {
    id: 'demo-card-cushion-cover',
    sku: 'DEMO-COVER-60',
    name: { en: 'Stretch cushion cover, 60 × 60 cm', 'zh-CN': '弹力抱枕套 60 × 60 厘米' },
    category: 'home',
    // Stood upright for the drawing: 60 cm side to side, 60 cm tall, 10 cm deep.
    dimensions: { lengthMm: 600, widthMm: 100, heightMm: 600, weightG: 180 },
    scaleRefs: [{ catalogueId: 'a4-sheet' }, { custom: { name: 'a 45 cm cushion', widthMm: 450, heightMm: 450 } }],
    caveats: [
      {
        id: 'demo-caveat-depth',
        text: {
          en: 'Not suitable for cushions larger than 60 cm or deeper than 12 cm.',
          'zh-CN': '不适用于边长超过 60 厘米或厚度超过 12 厘米的靠垫。',
        },
        mustSay: true,
      },
    ],
    notes: [
      { id: 'demo-note-demo', kind: 'demo', text: { en: 'Stretch it over the cushion on camera.', 'zh-CN': '镜头前演示套上靠垫。' } },
    ],
    demo: true,
    updatedAt: now,
  };

  const serum: Card = {
    id: 'demo-card-serum',
    sku: 'DEMO-SERUM-30',
    name: { en: 'Vitamin C serum, 30 ml', 'zh-CN': '维生素 C 精华液 30 毫升' },
    category: 'beauty',
    dimensions: { lengthMm: 35, widthMm: 35, heightMm: 110, weightG: 120 },
    scaleRefs: [{ catalogueId: 'bank-card' }],
    caveats: [
      {
        id: 'demo-caveat-skin',
        text: {
          en: 'Not suitable if you react to citrus or have broken skin: patch test first.',
          'zh-CN': '对柑橘类过敏或皮肤有破损者不适用，请先做皮肤测试。',
        },
        mustSay: true,
      },
    ],
    notes: [
      {
        id: 'demo-note-colour',
        kind: 'colour',
        text: { en: 'The serum darkens slightly over time; this is normal.', 'zh-CN': '精华液颜色会随时间略微变深，属正常现象。' },
      },
    ],
    policyId: sealedPolicy.id,
    demo: true,
    updatedAt: now,
  };

  return {
    deck: {
      id: 'demo-deck',
      name: 'Demo: autumn show (EU)',
      cardIds: [hoodie.id, cover.id, serum.id],
      market: 'EU',
      languages: ['en', 'zh-CN'],
      defaultPolicyId: euPolicy.id,
      demo: true,
      updatedAt: now,
    },
    cards: [hoodie, cover, serum],
    policies: [euPolicy, sealedPolicy],
  };
}
