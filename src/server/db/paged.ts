/** Rows mapped between two turns of the event loop. */
const MAP_STEP = 5_000;

/**
 * A large read in pages by key, for the builds of in-memory indexes (the matching engine): each page a
 * short statement, well inside the pool's statement timeout however busy the database; the rows of a
 * page are mapped (in steps, the event loop free between them) and dropped before the next is read.
 * Rows changed while the pages are read are the caller's to pick up (the matching engine's refresh
 * window overlaps the build).
 */
export async function paged<R, T>(size: number, page: (after: string | null) => Promise<R[]>, keyOf: (row: R) => string, map: (row: R) => T): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  for (;;) {
    const rows = await page(after);
    // in steps (a page of postings takes about 300 ms to map): requests go on being answered
    for (let i = 0; i < rows.length; i++) {
      out.push(map(rows[i] as R));
      if ((i + 1) % MAP_STEP === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    if (rows.length < size) return out;
    after = keyOf(rows[rows.length - 1] as R);
  }
}
