/** The text-only baseline of the matching benchmark (bench/matching.ts). */
/** Okapi BM25 over whitespace tokens (the baseline: text only, no skill normalisation). */
export class Bm25 {
  private postings = new Map<string, number[]>();
  private lengths: Float32Array;
  private avg = 0;
  constructor(docs: readonly string[]) {
    this.lengths = new Float32Array(docs.length);
    docs.forEach((d, i) => {
      const tokens = d.split(/\s+/).filter(Boolean);
      this.lengths[i] = tokens.length;
      this.avg += tokens.length;
      for (const tok of tokens) {
        let p = this.postings.get(tok);
        if (!p) {
          p = [];
          this.postings.set(tok, p);
        }
        p.push(i);
      }
    });
    this.avg /= Math.max(1, docs.length);
  }
  top(query: string, k: number): number[] {
    const n = this.lengths.length;
    const acc = new Map<number, number>();
    for (const tok of new Set(query.split(/\s+/).filter(Boolean))) {
      const p = this.postings.get(tok);
      if (!p) continue;
      const tf = new Map<number, number>();
      for (const d of p) tf.set(d, (tf.get(d) ?? 0) + 1);
      const idf = Math.log(1 + (n - tf.size + 0.5) / (tf.size + 0.5));
      for (const [d, f] of tf) {
        const norm = f + 1.2 * (1 - 0.75 + (0.75 * (this.lengths[d] as number)) / this.avg);
        acc.set(d, (acc.get(d) ?? 0) + (idf * f * 2.2) / norm);
      }
    }
    return [...acc]
      .sort((a, b) => b[1] - a[1] || a[0] - b[0])
      .slice(0, k)
      .map(([d]) => d);
  }
}
