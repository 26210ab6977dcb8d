import type { LocalizedText } from '../schema/common';

/**
 * Body and garment measurements with their labels, after EN 13402 (chest/bust, waist, hip,
 * height, inside leg) plus the garment measurements shops print (length, shoulder, sleeve, foot).
 * A CSV column "sizeChart.values.chest" gets its label from here; an unknown id is its own label.
 */
export const MEASUREMENTS: Record<string, LocalizedText> = {
  chest: { en: 'Chest', 'zh-CN': '胸围' },
  bust: { en: 'Bust', 'zh-CN': '胸围' },
  waist: { en: 'Waist', 'zh-CN': '腰围' },
  hip: { en: 'Hip', 'zh-CN': '臀围' },
  length: { en: 'Length', 'zh-CN': '衣长' },
  shoulder: { en: 'Shoulder', 'zh-CN': '肩宽' },
  sleeve: { en: 'Sleeve', 'zh-CN': '袖长' },
  inseam: { en: 'Inside leg', 'zh-CN': '内长' },
  height: { en: 'Height', 'zh-CN': '身高' },
  foot: { en: 'Foot length', 'zh-CN': '脚长' },
};

export function measurementLabel(id: string): LocalizedText {
  return MEASUREMENTS[id] ?? { en: id };
}

/** A measurement id from a label someone typed ("Chest (cm)" → "chest", "胸围" → "chest"). */
export function measurementId(label: string): string {
  const clean = label.replace(/\(.*?\)|（.*?）/g, '').trim();
  const lower = clean.toLowerCase();
  for (const [id, text] of Object.entries(MEASUREMENTS)) {
    if (id === lower || Object.values(text).some((t) => t.toLowerCase() === lower)) return id;
  }
  const slug = lower.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '');
  return slug || 'measurement';
}
