import { BUCKETS, sortByKey, type BucketTable, type LineBucket } from './order-buckets';

/**
 * The background's copy of one table of stored lines (order lines or returns), by bucket, so the
 * returns loop made again after an import does not read back the 100,000 lines the import just
 * wrote (bench/README.md, orders). The writer (lib/db/orders.ts) hands over every bucket its
 * transaction read, as committed: a large file touches every bucket, so even the first import
 * after a start leaves a whole copy. Any other commit to the table (seen through Dexie's write
 * events, which fire before the writer's own code resumes) leaves the count of commits ahead of
 * the hand-overs, and the copy is read again from the table before it is used.
 */
export class LineCopy<T extends { key: string }> {
  private buckets?: Map<number, T[]>;
  private sorted?: T[];
  private commits = 0;
  private handed = 0;
  /** Whether the last commit seen was counted (the copy held something it could make stale). */
  private lastCounted = false;
  /** Bumped on every commit and hand-over: a read that overlapped one is not trusted. */
  private version = 0;

  constructor(private readonly table: BucketTable<T>) {}

  /**
   * A commit to the table was seen. While the copy holds nothing it is not counted: nothing held
   * can be stale, and a bucket handed over later is read after it (the upgrade at a database's
   * first opening writes these tables).
   */
  committed(): void {
    this.version += 1;
    this.lastCounted = this.buckets !== undefined;
    if (this.lastCounted) this.commits += 1;
  }

  /**
   * The buckets the writer's transaction read, as they are after it (`wrote`: it wrote some, so
   * its commit was one of those counted by `committed`).
   */
  handOver(records: readonly LineBucket<T>[], wrote: boolean): void {
    // The writer's commit is the last one seen: nothing runs between a commit and its hand-over.
    if (wrote && this.lastCounted) this.handed += 1;
    this.version += 1;
    this.sorted = undefined;
    this.buckets ??= new Map();
    for (const r of records) this.buckets.set(r.bucket, r.lines);
  }

  /** Every stored line, in key order (the same as lib/db/order-buckets.ts `allLines`). Do not change the array. */
  async lines(): Promise<readonly T[]> {
    while (!this.buckets || this.buckets.size < BUCKETS || this.commits !== this.handed) {
      const version = this.version;
      const records = await this.table.toArray();
      if (version !== this.version) continue;
      this.buckets = new Map(Array.from({ length: BUCKETS }, (_, bucket) => [bucket, []]));
      for (const r of records) this.buckets.set(r.bucket, r.lines);
      this.commits = this.handed = 0;
      this.sorted = undefined;
    }
    this.sorted ??= sortByKey([...this.buckets.values()].flat());
    return this.sorted;
  }
}
