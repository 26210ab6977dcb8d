import type { ProductGroup } from '../export/timeline';
import type { CoverageRow } from './coverage';
import type { OnScreen } from '../stage/on-screen';

const row = (c: CoverageRow | undefined) =>
  c ? `${c.item.kind}:${c.item.id}:${c.status}:${c.via ?? ''}:${c.corrected ? 1 : 0}:${c.at?.id ?? ''}:${JSON.stringify(c.text ?? null)}` : '';

/**
 * Everything one product's part of a session timeline shows, as one string: equal strings draw
 * the same. The studio draws a product again only when its string changed, so a click in a
 * live show re-draws that product, not the whole show (bench: the click with the studio open).
 * Events never change once recorded, so an event's id stands for its content; a card snapshot
 * never changes either, so whether it is known is all that matters of it.
 */
export function groupSignature(g: ProductGroup, onScreen: ReadonlyMap<string, OnScreen>, knownSnapshot: (hash: string) => boolean): string {
  const parts = [g.cardId, g.sku, g.source, JSON.stringify(g.name ?? null), row(g.policy)];
  for (const c of g.coverage) parts.push(row(c));
  for (const { event: e, correctsSeq, correctedBy } of g.entries) {
    const span = onScreen.get(e.id);
    parts.push(`${e.id}:${correctsSeq ?? ''}:${correctedBy.join('.')}:${span ? `${span.fromMs}-${span.toMs}-${span.hidden ? 1 : 0}` : ''}:${knownSnapshot(e.cardHash) ? 1 : 0}`);
  }
  return parts.join('\n');
}
