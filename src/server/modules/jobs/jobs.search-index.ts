/**
 * In-process inverted index over the published postings (ADR 0011). Pure data structure, no I/O:
 * jobs.search-sync.ts fills it from PostgreSQL's own lexemes (tsvector_to_array(search_tsv)) and keeps
 * it current from the job_search_changes log.
 *
 * Each posting lives in a slot; per-slot facts are typed arrays, dictionary-encoded (region, occupation,
 * education, title). Posting lists are sorted slot numbers (slots only grow, so appends keep them
 * sorted). Removing a posting clears its `alive` flag; `compact()` drops dead slots when they pile up.
 */

export interface IndexedJob {
  id: string;
  regionCode: string;
  occupationCode: string;
  educationCode: string | null;
  isDigital: boolean;
  salaryMinFen: number;
  salaryMaxFen: number;
  /** Epoch ms; null sorts first in descending order, as in PostgreSQL. */
  publishedAt: number | null;
  /** Days since 1970-01-01 (see dayNumber). */
  validFrom: number;
  validUntil: number;
  title: string;
  /** PostgreSQL's lexemes of search_tsv (distinct). */
  lexemes: string[];
}

/** 'YYYY-MM-DD' → days since 1970-01-01. */
export function dayNumber(isoDate: string): number {
  return Math.floor(Date.parse(`${isoDate.slice(0, 10)}T00:00:00Z`) / 86_400_000);
}

/** Lower-cased title for the partial-word match (ILIKE). */
export const foldTitle = (title: string) => title.toLowerCase();

class Dict {
  readonly keys: string[] = [];
  private readonly index = new Map<string, number>();
  id(key: string): number {
    let i = this.index.get(key);
    if (i === undefined) {
      i = this.keys.length;
      this.keys.push(key);
      this.index.set(key, i);
    }
    return i;
  }
  find(key: string): number | undefined {
    return this.index.get(key);
  }
  get size() {
    return this.keys.length;
  }
}

/** A growable sorted list of slots. */
class Postings {
  data = new Int32Array(4);
  length = 0;
  push(slot: number) {
    if (this.length === this.data.length) {
      const next = new Int32Array(this.data.length * 2);
      next.set(this.data);
      this.data = next;
    }
    this.data[this.length++] = slot;
  }
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}

function grow<T extends Int32Array | Uint16Array | Uint8Array | Float64Array>(a: T, size: number): T {
  if (a.length >= size) return a;
  const next = new (a.constructor as new (n: number) => T)(Math.max(size, a.length * 2));
  next.set(a);
  return next;
}

export const NO_EDUCATION = 'none';

function listOf(lists: Postings[], term: number): Postings {
  let list = lists[term];
  if (!list) {
    list = new Postings();
    lists[term] = list;
  }
  return list;
}

export class SearchIndex {
  /** Slot → facts. */
  ids: string[] = [];
  alive = new Uint8Array(1024);
  region = new Uint16Array(1024);
  occupation = new Uint16Array(1024);
  education = new Uint16Array(1024);
  digital = new Uint8Array(1024);
  salaryMin = new Int32Array(1024);
  salaryMax = new Int32Array(1024);
  published = new Float64Array(1024);
  validFrom = new Int32Array(1024);
  validUntil = new Int32Array(1024);
  titleOf = new Int32Array(1024);
  /** The (region, education, digital) combination: facets are counted per cell, then folded (like the SQL cube). */
  cell = new Int32Array(1024);
  slots = 0;
  live = 0;
  /** How long the last full build took (ms), for the benchmark. */
  buildMs = 0;
  /** Bumped by every change; cached answers carry the generation they were computed at. */
  generation = 0;

  readonly regions = new Dict();
  readonly occupations = new Dict();
  readonly educations = new Dict();
  readonly titles = new Dict();
  readonly cells = new Dict();
  cellRegion: number[] = [];
  cellEducation: number[] = [];
  cellDigital: number[] = [];
  readonly terms = new Dict();
  /** term id → slots holding it; and the slots whose title holds it (ranking). */
  private postings: Postings[] = [];
  private titlePostings: Postings[] = [];
  private readonly slotById = new Map<string, number>();

  get size() {
    return this.live;
  }

  has(id: string) {
    return this.slotById.has(id);
  }

  private ensure(n: number) {
    this.alive = grow(this.alive, n);
    this.region = grow(this.region, n);
    this.occupation = grow(this.occupation, n);
    this.education = grow(this.education, n);
    this.digital = grow(this.digital, n);
    this.salaryMin = grow(this.salaryMin, n);
    this.salaryMax = grow(this.salaryMax, n);
    this.published = grow(this.published, n);
    this.validFrom = grow(this.validFrom, n);
    this.validUntil = grow(this.validUntil, n);
    this.titleOf = grow(this.titleOf, n);
    this.cell = grow(this.cell, n);
  }

  private cellOf(region: number, education: number, digital: number): number {
    const before = this.cells.size;
    const c = this.cells.id(`${region}|${education}|${digital}`);
    if (c === before) {
      this.cellRegion[c] = region;
      this.cellEducation[c] = education;
      this.cellDigital[c] = digital;
    }
    return c;
  }

  /** Adds or replaces a posting. */
  upsert(job: IndexedJob) {
    this.remove(job.id);
    this.generation++;
    const s = this.slots++;
    this.ensure(this.slots);
    this.ids[s] = job.id;
    this.alive[s] = 1;
    this.region[s] = this.regions.id(job.regionCode);
    this.occupation[s] = this.occupations.id(job.occupationCode);
    this.education[s] = this.educations.id(job.educationCode ?? NO_EDUCATION);
    this.digital[s] = job.isDigital ? 1 : 0;
    this.cell[s] = this.cellOf(this.region[s] as number, this.education[s] as number, this.digital[s] as number);
    this.salaryMin[s] = job.salaryMinFen;
    this.salaryMax[s] = job.salaryMaxFen;
    this.published[s] = job.publishedAt ?? Number.POSITIVE_INFINITY;
    this.validFrom[s] = job.validFrom;
    this.validUntil[s] = job.validUntil;
    const title = foldTitle(job.title);
    this.titleOf[s] = this.titles.id(title);
    const normalisedTitle = title.normalize('NFKC');
    for (const lexeme of job.lexemes) {
      const t = this.terms.id(lexeme);
      listOf(this.postings, t).push(s);
      if (normalisedTitle.includes(lexeme)) listOf(this.titlePostings, t).push(s);
    }
    this.slotById.set(job.id, s);
    this.live++;
  }

  remove(id: string) {
    const s = this.slotById.get(id);
    if (s === undefined) return;
    this.generation++;
    this.alive[s] = 0;
    this.slotById.delete(id);
    this.live--;
  }

  /** Slots holding the lexeme (may include dead slots), or an empty list. */
  postingsOf(lexeme: string): Int32Array {
    const t = this.terms.find(lexeme);
    return t === undefined ? EMPTY : (this.postings[t]?.view() ?? EMPTY);
  }

  titlePostingsOf(lexeme: string): Int32Array {
    const t = this.terms.find(lexeme);
    return t === undefined ? EMPTY : (this.titlePostings[t]?.view() ?? EMPTY);
  }

  /** Postings that hold the lexeme, for idf. Counts dead slots until the next compaction. */
  documentFrequency(lexeme: string): number {
    return this.postingsOf(lexeme).length;
  }

  /** True when dead slots are worth dropping. */
  needsCompaction(): boolean {
    const dead = this.slots - this.live;
    return dead > 1000 && dead > this.live / 4;
  }

  /** Drops dead slots and renumbers the rest, keeping their order (O(postings)). */
  compact() {
    const remap = new Int32Array(this.slots).fill(-1);
    let next = 0;
    for (let s = 0; s < this.slots; s++) {
      if (!this.alive[s]) continue;
      remap[s] = next;
      this.ids[next] = this.ids[s] as string;
      this.alive[next] = 1;
      this.region[next] = this.region[s] as number;
      this.occupation[next] = this.occupation[s] as number;
      this.education[next] = this.education[s] as number;
      this.digital[next] = this.digital[s] as number;
      this.salaryMin[next] = this.salaryMin[s] as number;
      this.salaryMax[next] = this.salaryMax[s] as number;
      this.published[next] = this.published[s] as number;
      this.validFrom[next] = this.validFrom[s] as number;
      this.validUntil[next] = this.validUntil[s] as number;
      this.titleOf[next] = this.titleOf[s] as number;
      this.cell[next] = this.cell[s] as number;
      next++;
    }
    this.alive.fill(0, next, this.slots);
    this.ids.length = next;
    this.slots = next;
    const rewrite = (lists: Postings[]) => {
      for (const p of lists) {
        if (!p) continue;
        let n = 0;
        for (let i = 0; i < p.length; i++) {
          const to = remap[p.data[i] as number] as number;
          if (to >= 0) p.data[n++] = to;
        }
        p.length = n;
      }
    };
    rewrite(this.postings);
    rewrite(this.titlePostings);
    this.slotById.clear();
    for (let s = 0; s < next; s++) this.slotById.set(this.ids[s] as string, s);
  }
}

const EMPTY = new Int32Array(0);

/** Sorted intersection (galloping from the shorter list). */
export function intersect(a: Int32Array, b: Int32Array): Int32Array {
  if (a.length > b.length) return intersect(b, a);
  const out = new Int32Array(a.length);
  let n = 0;
  let j = 0;
  for (let i = 0; i < a.length && j < b.length; i++) {
    const x = a[i] as number;
    if ((b[j] as number) < x) {
      let step = 1;
      let hi = j + 1;
      while (hi < b.length && (b[hi] as number) < x) {
        j = hi;
        step *= 2;
        hi = j + step;
      }
      hi = Math.min(hi, b.length);
      while (j < hi) {
        const mid = (j + hi) >>> 1;
        if ((b[mid] as number) < x) j = mid + 1;
        else hi = mid;
      }
    }
    if (j < b.length && b[j] === x) out[n++] = x;
  }
  return out.subarray(0, n);
}

/** Sorted union without duplicates. */
export function union(a: Int32Array, b: Int32Array): Int32Array {
  const out = new Int32Array(a.length + b.length);
  let n = 0;
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const x = i < a.length ? (a[i] as number) : Number.POSITIVE_INFINITY;
    const y = j < b.length ? (b[j] as number) : Number.POSITIVE_INFINITY;
    if (x <= y) {
      out[n++] = x;
      i++;
      if (x === y) j++;
    } else {
      out[n++] = y;
      j++;
    }
  }
  return out.subarray(0, n);
}
