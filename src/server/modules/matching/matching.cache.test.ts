/** The ranking cache: served only while it is what the search would return. */
import { describe, expect, it } from 'vitest';
import { type ChangeLogged, indexMemo, RankingCache } from './matching.cache.js';
import { TopK } from './matching.spec.js';

interface Doc {
  id: string;
  value: number;
}

/** A small index with a change log, as SlotStore keeps one. */
class Docs implements ChangeLogged<Doc> {
  private readonly byId = new Map<string, Doc>();
  private readonly log: string[] = [];
  get changes() {
    return this.log.length;
  }
  get(id: string) {
    return this.byId.get(id);
  }
  changedSince(changes: number) {
    return new Set(this.log.slice(changes));
  }
  put(id: string, value: number) {
    this.byId.set(id, { id, value });
    this.log.push(id);
  }
  remove(id: string) {
    this.byId.delete(id);
    this.log.push(id);
  }
  all() {
    return [...this.byId.values()];
  }
}

const score = (d: Doc) => (d.value < 0 ? null : { raw: d.value });

function world() {
  const docs = new Docs();
  for (let i = 0; i < 10; i++) docs.put(`d${i}`, i);
  let searches = 0;
  let now = 0;
  const cache = new RankingCache<Doc>(2, 60_000, () => now, 2);
  const search = () => {
    searches++;
    const top = new TopK<Doc, { raw: number }>(3);
    for (const d of docs.all()) {
      const r = score(d);
      if (r) top.offer(d, r);
    }
    return top.sorted();
  };
  const rank = (key = 'q', stamp = 's') => cache.rank(key, stamp, docs, 3, score, search).map((r) => r.doc.id);
  return {
    docs,
    cache,
    rank,
    searches: () => searches,
    tick: (ms: number) => {
      now += ms;
    },
  };
}

describe('ranking cache', () => {
  it('serves the same ranking while no change would alter it', () => {
    const w = world();
    expect(w.rank()).toEqual(['d9', 'd8', 'd7']);
    w.docs.put('d1', 2); // changed, still far below the top 3
    expect(w.rank()).toEqual(['d9', 'd8', 'd7']);
    expect(w.searches()).toBe(1);
    expect(w.cache.stats()).toMatchObject({ hits: 1, misses: 1 });
  });

  it('searches again when a changed document would enter, or a member changed or left', () => {
    const w = world();
    w.rank();
    w.docs.put('d2', 100);
    expect(w.rank()).toEqual(['d2', 'd9', 'd8']);
    w.docs.put('d9', 1);
    expect(w.rank()).toEqual(['d2', 'd8', 'd7']);
    w.docs.remove('d8');
    expect(w.rank()).toEqual(['d2', 'd7', 'd6']);
    w.docs.put('d7', -1); // no longer eligible
    expect(w.rank()).toEqual(['d2', 'd6', 'd5']);
    expect(w.searches()).toBe(5);
  });

  it('searches again when more documents changed than it would score', () => {
    const w = world();
    w.rank();
    for (const id of ['d0', 'd1', 'd2']) w.docs.put(id, 0);
    expect(w.rank()).toEqual(['d9', 'd8', 'd7']);
    expect(w.searches()).toBe(2);
  });

  it('searches again for another query, after its time to live, and forgets the least recently used', () => {
    const w = world();
    w.rank('a');
    w.rank('a', 'edited');
    expect(w.searches()).toBe(2);
    w.tick(60_000);
    w.rank('a', 'edited');
    expect(w.searches()).toBe(3);
    w.rank('b');
    w.rank('a', 'edited');
    w.rank('c'); // capacity 2: b goes
    w.rank('b');
    expect(w.searches()).toBe(6);
    w.rank('a', 'edited');
    expect(w.searches()).toBe(7);
  });
});

describe('index memo', () => {
  it('computes a value once per key until the index changes, and afresh for another index', () => {
    const memo = indexMemo<number>();
    const docs = new Docs();
    docs.put('a', 1);
    let computed = 0;
    const count = (index: Docs) => memo(index, 'k', () => ++computed);
    expect([count(docs), count(docs)]).toEqual([1, 1]);
    docs.put('b', 2);
    expect([count(docs), count(docs)]).toEqual([2, 2]);
    expect(count(new Docs())).toBe(3);
  });
});
