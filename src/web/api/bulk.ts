// Run one request per item with at most `concurrency` in flight; never throws: every item gets
// its own result (in input order), so a bulk action can say which succeeded and which failed.
export interface BulkResult<T> {
  item: T;
  /** the rejection of this item's request; undefined when it succeeded */
  error?: unknown;
}

export const BULK_CONCURRENCY = 4;

export async function runBulk<T>(
  items: readonly T[],
  run: (item: T) => Promise<unknown>,
  concurrency: number = BULK_CONCURRENCY,
): Promise<BulkResult<T>[]> {
  const results: BulkResult<T>[] = new Array<BulkResult<T>>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      const item = items[i]!;
      try {
        await run(item);
        results[i] = { item };
      } catch (error) {
        results[i] = { item, error: error ?? new Error('rejected') };
      }
    }
  };
  const n = Math.max(1, Math.min(Math.floor(concurrency) || 1, items.length));
  await Promise.all(Array.from({ length: n }, worker));
  return results;
}

export const failedItems = <T,>(results: readonly BulkResult<T>[]): T[] => results.filter((r) => r.error !== undefined).map((r) => r.item);
