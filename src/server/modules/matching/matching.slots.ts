/**
 * The slots of one side of matching (jobs or talents): documents in slots, skill → slot and bucket → slot
 * postings (matching.postings.ts: CSR base + delta), partitioned by city group, and compact per-slot
 * columns for the hard filters. The search over them is SideIndex (matching.index.ts).
 *
 * Updates append: a changed document gets a new slot and its old slot is emptied (empty slots are
 * skipped). The engine rebuilds the whole index when too many slots are empty.
 */
import { Columns, emptyRow, grown, type Row } from './matching.columns.js';
import { PostingStore } from './matching.postings.js';
import type { DocEntry, DocSink } from './matching.spec.js';

export const ANYWHERE = 0xffffffff;
/**
 * City partitions of the skill postings. Groups 0–31: a document's (lowest) city bit; group 32:
 * documents that accept anywhere (remote jobs; talents who named no desired city). The talent index
 * adds groups 33–64: a copy of the talent under each further city it accepts, so a job in city c reads
 * groups c, 32 and 33 + c and meets every talent who accepts c exactly once.
 */
export const ANY_GROUP = 32;
/** Changes (upserts, removals) whose ids the index remembers, for the ranking cache. */
const CHANGE_LOG = 8192;
export const lowestBit = (mask: number) => 31 - Math.clz32(mask & -mask);
export const singleBit = (mask: number) => mask !== 0 && (mask & (mask - 1)) === 0;

export class SlotStore<F extends { id: string }> {
  readonly docs: (F | null)[] = [];
  readonly slotOf = new Map<string, number>();
  readonly skills: PostingStore;
  readonly buckets: PostingStore;
  /** The non-skill facts of each slot (the context bound and the hard filters read them). */
  readonly columns = new Columns();
  protected live = new Uint8Array(0);
  protected mask = new Uint32Array(0);
  private readonly scratch = emptyRow();
  private changeCount = 0;
  private readonly changeLog: string[] = [];
  protected readonly docGroups = new Int32Array(33);

  /** `kind`: jobs (weighted postings, searched by talent queries) or talents (a copy under each further city accepted). */
  constructor(
    readonly kind: 'jobs' | 'talents',
    private readonly rowOf: (f: F, into: Row) => Row,
  ) {
    this.skills = kind === 'jobs' ? new PostingStore(true, ANY_GROUP + 1) : new PostingStore(false, 2 * ANY_GROUP + 1, ANY_GROUP + 1);
    // buckets are partitioned like the skills: a query reads an occupation group only in its cities
    this.buckets = kind === 'jobs' ? new PostingStore(false, ANY_GROUP + 1) : new PostingStore(false, 2 * ANY_GROUP + 1, ANY_GROUP + 1);
  }

  /** The groups a document's postings go to (into `out`; returns how many). */
  protected groupsOf(mask: number, out: Int32Array): number {
    const m = mask >>> 0;
    if (m === ANYWHERE) {
      out[0] = ANY_GROUP;
      return 1;
    }
    const first = lowestBit(m);
    out[0] = first;
    let n = 1;
    if (this.kind === 'talents') for (let b = first + 1; b < 32; b++) if ((m >>> b) & 1) out[n++] = ANY_GROUP + 1 + b;
    return n;
  }

  get size(): number {
    return this.slotOf.size;
  }
  get emptySlots(): number {
    return this.docs.length - this.slotOf.size;
  }
  get postingCount(): number {
    return this.skills.size + this.buckets.size;
  }

  get(id: string): F | undefined {
    const slot = this.slotOf.get(id);
    return slot === undefined ? undefined : (this.docs[slot] ?? undefined);
  }

  /** Removes a document (a change, logged). */
  remove(id: string) {
    if (this.unslot(id)) this.logChange(id);
  }

  private unslot(id: string): boolean {
    const slot = this.slotOf.get(id);
    if (slot === undefined) return false;
    this.docs[slot] = null;
    this.live[slot] = 0;
    this.slotOf.delete(id);
    return true;
  }

  /** How many upserts and removals the index has had since its build. */
  get changes(): number {
    return this.changeCount;
  }

  /** The ids upserted or removed since the index had `changes` changes (null: older than the log holds). */
  changedSince(changes: number): ReadonlySet<string> | null {
    if (changes > this.changeCount || this.changeCount - changes > CHANGE_LOG) return null;
    const out = new Set<string>();
    for (let c = changes; c < this.changeCount; c++) out.add(this.changeLog[c % CHANGE_LOG] as string);
    return out;
  }

  private logChange(id: string) {
    this.changeLog[this.changeCount % CHANGE_LOG] = id;
    this.changeCount++;
  }

  /** Makes room for `n` slots in the columns. */
  private reserve(n: number) {
    if (n > this.live.length) {
      const cap = Math.max(1024, n);
      const live = new Uint8Array(cap);
      live.set(this.live);
      this.live = live;
      const mask = new Uint32Array(cap);
      mask.set(this.mask);
      this.mask = mask;
      this.columns.reserve(cap);
    }
  }

  private place(features: F, mask: number): number {
    this.unslot(features.id);
    const slot = this.docs.length;
    if (slot >= this.live.length) this.reserve(grown(slot));
    this.docs.push(features);
    this.slotOf.set(features.id, slot);
    this.live[slot] = 1;
    this.mask[slot] = mask >>> 0;
    this.columns.set(slot, this.rowOf(features, this.scratch));
    return slot;
  }

  /** Adds (or replaces) one document after the build: its postings go to the deltas. */
  upsert(entry: DocEntry<F>) {
    const slot = this.place(entry.features, entry.mask);
    this.logChange(entry.features.id);
    for (const [key, w, level] of entry.skills) this.skills.add(this.skills.termId(key, true), slot, w, level);
    for (const b of entry.buckets) this.buckets.add(this.buckets.termId(b, true), slot, 1);
  }

  /**
   * Builds an empty index from all documents at once, in two passes over `describe` (which tells each
   * document to the sink: doc, then its skills and buckets, without intermediate arrays): the first
   * counts each term's postings, then the documents are placed city by city (slots ordered by their
   * primary group, so the documents one query reads lie close together in the per-slot arrays: far
   * fewer cache misses), and the second fills one CSR per store at its final size.
   */
  load<T>(items: readonly T[], describe: (item: T, sink: DocSink<F>) => void) {
    for (const _ of this.loading(items, describe, Number.POSITIVE_INFINITY));
  }

  /**
   * load() in steps of `step` documents, the event loop free between them (a rebuild, built beside the
   * index that answers: at province size one synchronous pass over the talents held every request for
   * about 2.5 s).
   */
  async loadInSteps<T>(items: readonly T[], describe: (item: T, sink: DocSink<F>) => void, step = 5_000) {
    for (const _ of this.loading(items, describe, step)) await new Promise((resolve) => setImmediate(resolve));
  }

  /** The load, yielding after every `step` documents of each pass. */
  private *loading<T>(items: readonly T[], describe: (item: T, sink: DocSink<F>) => void, step: number): Generator<void> {
    if (this.docs.length) throw new Error('SideIndex.load on a non-empty index');
    // with room for the first updates after a build (a full reallocation otherwise comes with the first)
    this.reserve(items.length + (items.length >> 6));
    const { skills, buckets, docGroups } = this;
    const features: F[] = [];
    const masks = new Uint32Array(items.length);
    let groups = 0;
    const counting: DocSink<F> = {
      doc: (f, mask) => {
        masks[features.length] = mask >>> 0;
        features.push(f);
        groups = this.groupsOf(mask, docGroups);
      },
      skill: (key) => {
        const term = skills.termId(key, true);
        for (let g = 0; g < groups; g++) skills.count(term, docGroups[g] as number);
      },
      bucket: (key) => {
        const term = buckets.termId(key, true);
        for (let g = 0; g < groups; g++) buckets.count(term, docGroups[g] as number);
      },
    };
    for (let i = 0; i < items.length; i++) {
      describe(items[i] as T, counting);
      if ((i + 1) % step === 0) yield;
    }
    skills.allocate();
    buckets.allocate();
    // slots in order of primary group (a stable counting sort: item order within a group)
    const start = new Int32Array(ANY_GROUP + 2);
    const primary = (m: number) => (m === ANYWHERE ? ANY_GROUP : lowestBit(m));
    for (let i = 0; i < items.length; i++) (start[primary(masks[i] as number) + 1] as number)++;
    for (let g = 1; g < start.length; g++) start[g] = (start[g] as number) + (start[g - 1] as number);
    const order = new Int32Array(items.length);
    for (let i = 0; i < items.length; i++) order[(start[primary(masks[i] as number)] as number)++] = i;
    // a repeated id: the later item wins, as with upserts in item order
    const itemOf = new Int32Array(items.length);
    for (let s = 0; s < order.length; s++) {
      const i = order[s] as number;
      const f = features[i] as F;
      const earlier = this.slotOf.get(f.id);
      if (earlier !== undefined && (itemOf[earlier] as number) > i) this.placeDead(f, masks[i] as number);
      else this.place(f, masks[i] as number);
      itemOf[s] = i;
      if ((s + 1) % step === 0) yield;
    }
    let slot = -1;
    const filling: DocSink<F> = {
      doc: () => {
        groups = this.groupsOf(this.mask[slot] as number, docGroups);
      },
      skill: (key, w, level) => {
        const term = skills.termId(key, false);
        for (let g = 0; g < groups; g++) skills.put(term, slot, w, level, docGroups[g] as number);
      },
      bucket: (key) => {
        const term = buckets.termId(key, false);
        for (let g = 0; g < groups; g++) buckets.put(term, slot, 1, 0, docGroups[g] as number);
      },
    };
    // in item order (sequential reads of the items): within a primary group slots rise with the item
    // index, so those postings stay in ascending slot order (a scan reads memory forwards); copies under a
    // talent's second city need not be (no search depends on the order)
    const slotOfItem = new Int32Array(items.length);
    for (let k = 0; k < order.length; k++) slotOfItem[order[k] as number] = k;
    for (let i = 0; i < items.length; i++) {
      slot = slotOfItem[i] as number;
      describe(items[i] as T, filling);
      if ((i + 1) % step === 0) yield;
    }
  }

  /** A slot for a superseded copy of a document during load(): its postings point at an empty slot. */
  private placeDead(features: F, mask: number) {
    const slot = this.docs.length;
    if (slot >= this.live.length) this.reserve(grown(slot));
    this.docs.push(null);
    this.live[slot] = 0;
    this.mask[slot] = mask >>> 0;
    this.columns.set(slot, this.rowOf(features, this.scratch));
  }

  /** Live documents that list the skill. */
  docsWithSkill = (key: string): F[] => this.collect(this.skills, key);
  /** Live documents in the bucket (e.g. `occ:2-02`, `city:360700`, `remote`). */
  docsInBucket = (key: string): F[] => this.collect(this.buckets, key);
  private collect(store: PostingStore, key: string): F[] {
    const out: F[] = [];
    store.forEach(key, (slot) => this.docs[slot] && out.push(this.docs[slot]));
    return out;
  }

  /** Bytes held in the slots' typed arrays (postings, columns, liveness and city masks). */
  protected storeBytes(): number {
    return this.skills.bytes() + this.buckets.bytes() + this.columns.bytes() + this.live.byteLength + this.mask.byteLength;
  }
}
