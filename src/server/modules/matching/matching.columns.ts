/**
 * The non-skill facts of each indexed document as numbers (one record per slot in a typed array), and `pairBound`: the same
 * computation as contextBound() in matching.score.ts (same formulas, same order, so the same value)
 * over those numbers, without touching the document's JS object. The search uses it to skip candidates
 * that cannot reach the k-th score; matching.fastpath.test.ts checks pairBound ≥ contextBound on random pairs.
 */
import { MATCHING_CONFIG, type MatchingConfig } from './matching.config.js';
import { Interner } from './matching.model.js';
import type { JobFeatures, TalentFeatures } from './matching.score.js';

/**
 * The capacity to grow the per-slot arrays to when slot `slot` does not fit: a quarter more (doubling,
 * the first update after a province build reserved another 100 MB of columns, most of it never used
 * before the next rebuild).
 */
export const grown = (slot: number) => Math.max(1024, slot + (slot >> 2));

const MAX_LIST = 5;
const FLAG_REMOTE = 1;
const FLAG_CERT = 2;
/** A code not in the expected format: the bound takes that part at its maximum. */
const FLAG_ODD_OCC = 4;
const FLAG_ODD_REGION = 8;

/** One document's (or query's) facts as numbers. */
export interface Row {
  county: number;
  city: number;
  /** Job: its occupation (1 entry). Talent: desired occupations. Codes d-dd-dd-dd as the integer ddddddd. */
  occ: Int32Array;
  occN: number;
  /** Talent: the inferred 中类 'd-dd' as the integer ddd (−1 = none). */
  inf: number;
  /** Talent: desired cities/counties (GB/T 2260 as integers). */
  desired: Int32Array;
  desiredN: number;
  /** Job: salary band. Talent: lo = hi = the wish (0 = none). */
  lo: number;
  hi: number;
  /** Job: minimum rank (0 or −1 = none). Talent: highest rank (−1 = none declared). */
  edu: number;
  /** Job: minimum years. Talent: months worked. */
  exp: number;
  /** Job: publication. Talent: last update (ms). */
  time: number;
  flags: number;
  /** What a certificate part depends on, as text (Columns interns it): a job's occupation and terms, a talent's certificates; '' for none. */
  certKey: string;
}

export const emptyRow = (): Row => ({
  county: 0,
  city: 0,
  occ: new Int32Array(MAX_LIST),
  occN: 0,
  inf: -1,
  desired: new Int32Array(MAX_LIST),
  desiredN: 0,
  lo: 0,
  hi: 0,
  edu: -1,
  exp: 0,
  time: 0,
  flags: 0,
  certKey: '',
});

/** d-dd-dd-dd as the integer ddddddd, or −1 (parsed by hand: the bulk build calls it millions of times). */
function occInt(code: string): number {
  if (code.length !== 10) return -1;
  let x = 0;
  for (let i = 0; i < 10; i++) {
    const ch = code.charCodeAt(i);
    if (i === 1 || i === 4 || i === 7) {
      if (ch !== 45) return -1;
    } else if (ch >= 48 && ch <= 57) x = x * 10 + (ch - 48);
    else return -1;
  }
  return x;
}

/** A 中类 code d-dd as the integer ddd, or −1. */
function groupInt(code: string | null | undefined): number {
  if (code?.length !== 4 || code.charCodeAt(1) !== 45) return -1;
  const a = code.charCodeAt(0) - 48;
  const b = code.charCodeAt(2) - 48;
  const c = code.charCodeAt(3) - 48;
  if (a < 0 || a > 9 || b < 0 || b > 9 || c < 0 || c > 9) return -1;
  return a * 100 + b * 10 + c;
}

/** A six-digit region code as an integer, or −1. */
function regionInt(code: string): number {
  if (code.length !== 6) return -1;
  let x = 0;
  for (let i = 0; i < 6; i++) {
    const ch = code.charCodeAt(i);
    if (ch < 48 || ch > 57) return -1;
    x = x * 10 + (ch - 48);
  }
  return x;
}
/** cityOf() of matching.queries.ts on integers: 369900 stays itself, else the county's city (dddd00). */
const cityInt = (county: number) => (county === 369900 ? county : Math.floor(county / 100) * 100);

export function talentRow(t: TalentFeatures, row: Row = emptyRow()): Row {
  let flags = t.certificates.length > 0 ? FLAG_CERT : 0;
  row.county = regionInt(t.regionCode);
  if (row.county < 0) flags |= FLAG_ODD_REGION;
  row.city = cityInt(row.county);
  row.occN = Math.min(MAX_LIST, t.desiredOccupations.length);
  if (t.desiredOccupations.length > MAX_LIST) flags |= FLAG_ODD_OCC;
  for (let i = 0; i < row.occN; i++) {
    const x = occInt(t.desiredOccupations[i] as string);
    if (x < 0) flags |= FLAG_ODD_OCC;
    row.occ[i] = x;
  }
  row.inf = t.inferredGroup ? groupInt(t.inferredGroup) : -1;
  if (t.inferredGroup && row.inf < 0) flags |= FLAG_ODD_OCC;
  row.desiredN = Math.min(MAX_LIST, t.desiredCities.length);
  if (t.desiredCities.length > MAX_LIST) flags |= FLAG_ODD_REGION;
  for (let i = 0; i < row.desiredN; i++) {
    const d = regionInt(t.desiredCities[i] as string);
    if (d < 0) flags |= FLAG_ODD_REGION;
    row.desired[i] = d;
  }
  const wish = t.desiredSalaryMinFen ?? 0;
  row.lo = wish;
  row.hi = wish;
  row.edu = t.educationRank ?? -1;
  row.exp = t.experienceMonths;
  row.time = t.updatedAtMs;
  row.flags = flags;
  row.certKey =
    t.certificates.length === 0 ? '' : t.certificates.map((c) => `${c.name}\u0002${c.verified ? 1 : 0}\u0002${c.occupationCode ?? ''}`).join('\u0001');
  return row;
}

export function jobRow(j: JobFeatures, row: Row = emptyRow()): Row {
  let flags = j.remote ? FLAG_REMOTE : 0;
  row.county = regionInt(j.regionCode);
  if (row.county < 0) flags |= FLAG_ODD_REGION;
  row.city = cityInt(row.county);
  const x = occInt(j.occupationCode);
  if (x < 0) flags |= FLAG_ODD_OCC;
  row.occ[0] = x;
  row.occN = 1;
  row.inf = -1;
  row.desiredN = 0;
  row.lo = j.salaryMinFen;
  row.hi = j.salaryMaxFen;
  row.edu = j.educationRank ?? -1;
  row.exp = j.experienceYearsMin;
  row.time = j.publishedAtMs;
  row.flags = flags;
  row.certKey = `${j.occupationCode}\u0001${j.certificateTerms.join('\u0001')}`;
  return row;
}

/** Where each fact of a row lies in a slot's record (Columns.data). */
const COL_EDU = 0;
const COL_LO = 1;
const COL_HI = 2;
const COL_FLAGS = 3;
const COL_COUNTY = 4;
const COL_CITY = 5;
const COL_OCC_N = 6;
const COL_INF = 7;
const COL_DESIRED_N = 8;
const COL_EXP = 9;
const COL_TIME = 10;
const COL_OCC = 11;
const COL_DESIRED = COL_OCC + MAX_LIST;
/** The interned certKey (−1: none). */
const COL_CERT = COL_DESIRED + MAX_LIST;
/** Numbers per slot: 22 used, padded to 24 (192 bytes: three cache lines). */
const COL_STRIDE = 24;

/**
 * Rows of all slots (growable), one record of COL_STRIDE numbers per slot: a candidate's bound reads
 * three adjacent cache lines, where a column per fact cost a cache miss per fact.
 */
export class Columns {
  data = new Float64Array(0);
  /**
   * The hard filters' facts again, densely (one small array each): a search's scan tests every new
   * document against them, and dense arrays stay in cache where 192-byte records do not (jobs-for-talent
   * p99 at province went from 6 to 11 ms reading the filters from the records).
   */
  edu = new Int8Array(0);
  lo = new Float64Array(0);
  hi = new Float64Array(0);
  private cap = 0;
  /** certKey → id, per index (rebuilt with it): documents with the same key share a certificate part for any one query. */
  private readonly certIds = new Interner();

  /** Makes room for `cap` slots (contents kept). */
  reserve(cap: number) {
    if (cap <= this.cap) return;
    const grow = <T extends Float64Array | Int8Array>(a: T, b: T) => {
      b.set(a);
      return b;
    };
    this.data = grow(this.data, new Float64Array(cap * COL_STRIDE));
    this.edu = grow(this.edu, new Int8Array(cap));
    this.lo = grow(this.lo, new Float64Array(cap));
    this.hi = grow(this.hi, new Float64Array(cap));
    this.cap = cap;
  }

  set(slot: number, r: Row) {
    if (slot >= this.cap) this.reserve(grown(slot));
    this.edu[slot] = r.edu;
    this.lo[slot] = r.lo;
    this.hi[slot] = r.hi;
    const d = this.data;
    const at = slot * COL_STRIDE;
    d[at + COL_EDU] = r.edu;
    d[at + COL_LO] = r.lo;
    d[at + COL_HI] = r.hi;
    d[at + COL_FLAGS] = r.flags;
    d[at + COL_COUNTY] = r.county;
    d[at + COL_CITY] = r.city;
    d[at + COL_OCC_N] = r.occN;
    d[at + COL_INF] = r.inf;
    d[at + COL_DESIRED_N] = r.desiredN;
    d[at + COL_EXP] = r.exp;
    d[at + COL_TIME] = r.time;
    for (let i = 0; i < r.occN; i++) d[at + COL_OCC + i] = r.occ[i] as number;
    for (let i = 0; i < r.desiredN; i++) d[at + COL_DESIRED + i] = r.desired[i] as number;
    d[at + COL_CERT] = r.certKey === '' ? -1 : this.certIds.id(r.certKey);
  }

  /** The slot's interned certificate key: equal ids, equal certificate part against any one query (−1: none). */
  certId(slot: number): number {
    return this.data[slot * COL_STRIDE + COL_CERT] as number;
  }

  /** Reads a slot into `r` (no allocation). */
  read(slot: number, r: Row): Row {
    const d = this.data;
    const at = slot * COL_STRIDE;
    r.edu = d[at + COL_EDU] as number;
    r.lo = d[at + COL_LO] as number;
    r.hi = d[at + COL_HI] as number;
    r.flags = d[at + COL_FLAGS] as number;
    r.county = d[at + COL_COUNTY] as number;
    r.city = d[at + COL_CITY] as number;
    r.occN = d[at + COL_OCC_N] as number;
    r.inf = d[at + COL_INF] as number;
    r.desiredN = d[at + COL_DESIRED_N] as number;
    r.exp = d[at + COL_EXP] as number;
    r.time = d[at + COL_TIME] as number;
    for (let i = 0; i < r.occN; i++) r.occ[i] = d[at + COL_OCC + i] as number;
    for (let i = 0; i < r.desiredN; i++) r.desired[i] = d[at + COL_DESIRED + i] as number;
    return r;
  }

  /**
   * Whether the slot's occupation is in one of the 中类 `groups` (ddd integers): a job's own code, a
   * talent's desired occupations or inferred group. A code not in the expected format counts as in.
   */
  inGroups(slot: number, groups: readonly number[]): boolean {
    const d = this.data;
    const at = slot * COL_STRIDE;
    if ((d[at + COL_FLAGS] as number) & FLAG_ODD_OCC) return true;
    const n = d[at + COL_OCC_N] as number;
    for (let i = 0; i < n; i++) if (groups.includes(Math.floor((d[at + COL_OCC + i] as number) / 10_000))) return true;
    const inf = d[at + COL_INF] as number;
    return inf >= 0 && groups.includes(inf);
  }

  bytes(): number {
    return this.data.byteLength + this.edu.byteLength + this.lo.byteLength + this.hi.byteLength;
  }
}

const DAY_MS = 86_400_000;
const halfLife = (ageMs: number, days: number) => 0.5 ** Math.max(0, ageMs / DAY_MS / days);
const PROXIMITY = ['different', 'same_major', 'same_medium', 'same_minor', 'same_detail'] as const;

/**
 * contextBound(talent, job) from their rows: the most the pair can score apart from its skill part,
 * or null when a hard requirement excludes it. Mirrors contextParts() term by term.
 */
export function pairBound(t: Row, j: Row, nowMs: number, c: MatchingConfig = MATCHING_CONFIG): number | null {
  // occupation
  let occupation: number;
  if ((t.flags | j.flags) & FLAG_ODD_OCC) occupation = c.occupation.same_detail;
  else if (t.occN === 0) occupation = t.inf >= 0 && t.inf === Math.floor((j.occ[0] as number) / 10_000) ? c.occupation.inferred_group : c.occupation.unknown;
  else {
    const code = j.occ[0] as number;
    let best = 0;
    for (let i = 0; i < t.occN; i++) {
      const d = t.occ[i] as number;
      const same =
        d === code
          ? 4
          : Math.floor(d / 100) === Math.floor(code / 100)
            ? 3
            : Math.floor(d / 10_000) === Math.floor(code / 10_000)
              ? 2
              : Math.floor(d / 1_000_000) === Math.floor(code / 1_000_000)
                ? 1
                : 0;
      if (same > best) best = same;
    }
    occupation = c.occupation[PROXIMITY[best] as (typeof PROXIMITY)[number]];
  }
  // location
  let location: number;
  if ((t.flags | j.flags) & FLAG_ODD_REGION) location = c.location.same_county;
  else if (j.flags & FLAG_REMOTE) location = c.location.remote;
  else if (t.county === j.county) location = c.location.same_county;
  else {
    let desired = false;
    for (let i = 0; i < t.desiredN; i++) if (t.desired[i] === j.county || t.desired[i] === j.city) desired = true;
    if (desired) location = c.location.desired_city;
    else if (t.city === j.city) location = c.location.same_city;
    else if (t.desiredN > 0) {
      if (c.locationHard) return null;
      location = c.location.not_desired;
    } else location = c.location.elsewhere;
  }
  // salary
  const wish = t.lo;
  let salary: number;
  if (wish <= 0) salary = c.salary.unknown;
  else if (j.lo >= wish) salary = c.salary.meets;
  else if (j.hi >= wish) salary = c.salary.overlaps;
  else {
    if (c.salaryHard && j.hi < wish * (1 - c.salaryHardTolerance)) return null;
    salary = Math.max(0, 1 - (c.salaryBelowSlope * (wish - j.hi)) / wish);
  }
  // education
  let education: number;
  if (j.edu <= 0) education = c.education.not_required;
  else if (t.edu < 0) education = c.education.unknown;
  else if (t.edu >= j.edu) education = c.education.meets;
  else {
    if (c.educationHard) return null;
    education = c.education.below;
  }
  const experience = j.exp <= 0 ? c.experience.not_required : t.exp >= j.exp * 12 ? c.experience.meets : t.exp / (j.exp * 12);
  const freshness = (halfLife(nowMs - j.time, c.jobHalfLifeDays) + halfLife(nowMs - t.time, c.profileHalfLifeDays)) / 2;
  const w = c.weights;
  const weighted =
    w.occupation * occupation + w.location * location + w.salary * salary + w.education * education + w.experience * experience + w.freshness * freshness;
  return weighted + (t.flags & FLAG_CERT ? w.certificates : 0) + 1e-9;
}
