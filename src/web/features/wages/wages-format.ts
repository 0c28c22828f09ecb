/** Formatting of the wage pages: 分 → whole 元 with grouping; a round axis maximum. */

export function formatYuan(fen: number): string {
  return Math.round(fen / 100).toLocaleString('zh-CN');
}

/** The smallest 1 / 2 / 2.5 / 5 × 10ⁿ 元 at or above `fen` (at least 1,000 元). */
export function niceMax(fen: number): number {
  const yuan = Math.max(1000, fen / 100);
  const p = 10 ** Math.floor(Math.log10(yuan));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * p >= yuan) ?? 10;
  return step * p * 100;
}

/** Province first, then cities by median (suppressed last), then by code. */
export function compareOrder<T extends { cityCode: string; p50Fen: number | null }>(a: T, b: T): number {
  if (a.cityCode === '360000' || b.cityCode === '360000') return a.cityCode === '360000' ? -1 : 1;
  if ((a.p50Fen === null) !== (b.p50Fen === null)) return a.p50Fen === null ? 1 : -1;
  return (b.p50Fen ?? 0) - (a.p50Fen ?? 0) || a.cityCode.localeCompare(b.cityCode);
}
