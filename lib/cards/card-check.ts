/**
 * Everything wrong with a card as the producer has typed it, at once: the card schema's field
 * errors and a SKU another product already has. The editor shows them on their fields and the
 * product list shows them beside a draft, so the two never disagree and the producer never meets
 * the SKU clash only after fixing everything else.
 */
import { Card } from '../schema/card';
import { fieldErrors, type FieldError } from '../validation';

export function cardErrors(value: unknown, cards: readonly Pick<Card, 'id' | 'sku'>[]): FieldError[] {
  const parsed = Card.safeParse(value);
  const errors = parsed.success ? [] : fieldErrors(parsed.error);
  const { id, sku } = (value ?? {}) as { id?: unknown; sku?: unknown };
  const clash = typeof sku === 'string' && sku.trim() !== '' && cards.some((c) => c.id !== id && c.sku === sku);
  if (clash && !errors.some((e) => e.path === 'sku')) errors.push({ path: 'sku', code: 'skuTaken', params: {}, message: 'sku taken' });
  return errors;
}

/** The editor section that holds a field path ("sizeChart.rows.2.size" → "sizeChart"). */
export function sectionOf(path: string): string {
  const top = path.split('.')[0];
  if (top === 'sku' || top === 'category' || top === 'name' || top === '') return 'name';
  if (top === 'scaleRefs') return 'dimensions';
  if (top === 'policyId') return 'policy';
  return top;
}
