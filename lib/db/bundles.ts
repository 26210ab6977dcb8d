import type { Card } from '../schema/card';
import type { ReturnPolicy } from '../schema/policy';
import type { UpfrontDb } from './database';

/**
 * Cards by id (in the order asked, missing ones left out) with the return policies they use,
 * plus any policies named in `alsoPolicies` (a deck's default). Two reads, whatever the count.
 */
export async function cardsWithPolicies(db: UpfrontDb, cardIds: readonly string[], alsoPolicies: readonly string[] = []): Promise<{ cards: Card[]; policies: ReturnPolicy[] }> {
  const found = await db.cards.bulkGet([...cardIds]);
  const cards = found.filter((c): c is Card => c !== undefined);
  const policyIds = new Set(alsoPolicies);
  for (const c of cards) if (c.policyId) policyIds.add(c.policyId);
  const policies = (await db.policies.bulkGet([...policyIds])).filter((p): p is ReturnPolicy => p !== undefined);
  return { cards, policies };
}
