import type { UpfrontDb } from '../../lib/db/database';
import { allLines, countLines, lineByKey, upsertBuckets, type BucketTable } from '../../lib/db/order-buckets';

/** The stored order or return lines read and written line by line, whichever buckets hold them. */
function storedLines<T extends { key: string; orderId: string }>(table: BucketTable<T>) {
  const bulkPut = (lines: readonly T[]) => table.db.transaction('rw', table, () => upsertBuckets(table, lines));
  return {
    count: () => countLines(table),
    get: (key: string) => lineByKey(table, key),
    toArray: () => allLines(table),
    bulkPut,
    put: (line: T) => bulkPut([line]),
  };
}

export const orderLinesOf = (db: UpfrontDb) => storedLines(db.orderBuckets);
export const returnLinesOf = (db: UpfrontDb) => storedLines(db.returnBuckets);
