/**
 * Deterministic builders of realistic synthetic Jiangxi data, shared by tests and seeding (STYLE §6).
 *
 * - Same seed, same data: every random choice comes from the `Rng` passed in (mulberry32).
 *   `rngFor(seed, i)` gives item i its own stream, so item i is identical however a run is split.
 * - Region and industry codes are only ever taken from the catalogue rows passed in (the `regions`
 *   and `industries` tables), never invented.
 * - 身份证号 are valid GB 11643 numbers, 统一社会信用代码 valid GB 32100 codes (with a GB 11714
 *   organisation code inside), mobile numbers valid 1[3-9] numbers. All people are synthetic.
 */
import type { ConsentPurpose } from '../../shared/consent.js';
import { idNumberCheckChar, usccCheckChar } from '../../shared/identifiers.js';
import type { OrgSize, OrgStatus } from '../../shared/organisations.js';
import type { OrgKind } from '../../shared/roles.js';
import { mulberry32, type Rng } from '../lib/random.js';
import {
  CITY_POPULATION,
  EVALUATION_FIELDS,
  FEMALE_GIVEN,
  AGE_BANDS,
  CONSENT_ODDS,
  INDUSTRY_MIX,
  INDUSTRY_WORDS,
  MALE_GIVEN,
  ORG_CODE_PREFIX,
  NEUTRAL_GIVEN,
  ORG_KIND_MIX,
  ORG_SIZE_MIX,
  ORG_STATUS_MIX,
  PHONE_PREFIXES,
  ROADS,
  SURNAMES,
  TRADE_FIRST,
  TRADE_SECOND,
  USCC_TYPE_MIX,
  type UsccType,
} from './names.js';

const DAY_MS = 86_400_000;

/** murmur3's finaliser: a bijective 32-bit mix. */
function mix32(x: number): number {
  let h = x >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}

/** The stream of item `index` in a seeded sequence (distinct indices get distinct streams). */
export { mulberry32, type Rng };

export function rngFor(seed: number, index: number): Rng {
  return mulberry32(mix32(seed ^ Math.imul(index, 0x9e3779b1)));
}

export function pick<T>(rng: Rng, items: readonly T[]): T {
  const item = items[Math.floor(rng() * items.length)];
  if (item === undefined) throw new Error('cannot pick from an empty list');
  return item;
}

/** A picker drawing items in proportion to their weights (binary search over cumulative weights). */
export function weightedPicker<T>(entries: readonly (readonly [T, number])[]): (rng: Rng) => T {
  const items = entries.map((e) => e[0]);
  const cumulative: number[] = [];
  let total = 0;
  for (const [, weight] of entries) {
    total += weight;
    cumulative.push(total);
  }
  if (!items.length || total <= 0) throw new Error('cannot pick from an empty list');
  return (rng) => {
    const x = rng() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cumulative[mid] ?? 0) > x) hi = mid;
      else lo = mid + 1;
    }
    return items[lo] as T;
  };
}

/** Rows as loaded from the catalogue: the `regions` and `industries` (GB/T 4754-2017) tables. */
export type RegionLike = { code: string; name: string; level: string; parentCode: string | null; kind?: string };
export type IndustryLike = { code: string; level: string };
type Regions = readonly RegionLike[];
type Industries = readonly IndustryLike[];

type Places = { byCode: Map<string, RegionLike>; pickCounty: (rng: Rng) => RegionLike };

const placesCache = new WeakMap<readonly RegionLike[], Places>();

/**
 * Counties weighted by their city's resident population (CITY_POPULATION); within a city an urban
 * district (市辖区) counts twice a county. 赣江新区 (a functional zone, not a county) is never picked.
 */
function placesOf(regions: Regions): Places {
  const cached = placesCache.get(regions);
  if (cached) return cached;
  const entries: [RegionLike, number][] = [];
  for (const [cityCode, population] of Object.entries(CITY_POPULATION)) {
    const counties = regions.filter((r) => r.level === 'county' && r.parentCode === cityCode);
    const weights = counties.map((c) => (c.kind === '市辖区' ? 2 : 1));
    const sum = weights.reduce((a, b) => a + b, 0);
    for (const [i, c] of counties.entries()) entries.push([c, (population * (weights[i] ?? 1)) / sum]);
  }
  if (!entries.length) throw new Error('no Jiangxi counties among the regions given: load the catalogue first');
  const places = { byCode: new Map(regions.map((r) => [r.code, r])), pickCounty: weightedPicker(entries) };
  placesCache.set(regions, places);
  return places;
}

/**
 * A keyed bijection of [0, half²) (a four-round Feistel network): distinct indices give distinct,
 * random-looking values, which makes phone numbers and USCCs unique by construction.
 */
function scramble(index: number, half: number, key: number): number {
  if (!Number.isInteger(index) || index < 0 || index >= half * half) throw new Error(`index out of range: ${index}`);
  let left = Math.floor(index / half);
  let right = index % half;
  for (let round = 0; round < 4; round++) {
    const next = (left + (mix32(right ^ Math.imul(key + round, 0x9e3779b1)) % half)) % half;
    left = right;
    right = next;
  }
  return left * half + right;
}

const DAY_STRINGS = new Map<number, string>();
/** YYYY-MM-DD of a day number (days since 1970-01-01), cached: there are only some 25,000 birthdays. */
function dayString(day: number): string {
  let text = DAY_STRINGS.get(day);
  if (text === undefined) {
    text = new Date(day * DAY_MS).toISOString().slice(0, 10);
    DAY_STRINGS.set(day, text);
  }
  return text;
}

export type Gender = 'male' | 'female';

export interface TalentSpec {
  username: string;
  displayName: string;
  gender: Gender;
  /** YYYY-MM-DD */
  birthDate: string;
  /** 常住地: a county code. */
  regionCode: string;
  /** Where the 身份证号 was issued: the home county for ~80%, another Jiangxi county for the rest. */
  birthRegionCode: string;
  idNumber: string;
  phone: string;
  consents: ConsentPurpose[];
  /** Registered this many days before the seeding date (more recent registrations are likelier). */
  registeredDaysAgo: number;
}

/** Gives the 0–499 sequence of a person among those with the same county, birth date and sex. */
export type IdSequence = (birthRegionCode: string, birthDate: string, gender: Gender) => number;

export interface TalentOptions {
  /** Makes username and phone unique by construction; drawn at random when absent. */
  index?: number;
  /** Ages (18–60) are counted at this date; fixed by default so data do not change with the calendar. */
  asOf?: Date;
  /** Pass idSequenceAllocator() to make 身份证号 unique across a run; random otherwise. */
  sequence?: IdSequence;
}

export const BUILDER_EPOCH = new Date(Date.UTC(2026, 0, 1));

/** Generated usernames: a letter and a zero-padded index (bulk.ts continues after the highest). */
export const talentUsername = (index: number) => `t${String(index).padStart(7, '0')}`;
export const memberUsername = (index: number) => `o${String(index).padStart(6, '0')}`;

/** Ages 18–60: each age weighs as its band in AGE_BANDS. */
const pickAge = weightedPicker(
  Array.from({ length: 43 }, (_, i): [number, number] => [18 + i, AGE_BANDS.filter(([from]) => 18 + i >= Number(from)).at(-1)?.[1] ?? 1]),
);
const pickSurname = weightedPicker(SURNAMES);
const pickPhonePrefix = weightedPicker(PHONE_PREFIXES);

export function personName(rng: Rng, gender: Gender): string {
  const surname = pickSurname(rng);
  const own = gender === 'male' ? MALE_GIVEN : FEMALE_GIVEN;
  if (rng() < 0.15) return surname + pick(rng, own);
  const first = rng() < 0.35 ? pick(rng, NEUTRAL_GIVEN) : pick(rng, own);
  let second = pick(rng, own);
  if (second === first) second = pick(rng, own);
  return surname + first + second;
}

function birthDateFor(rng: Rng, asOf: Date): string {
  const age = pickAge(rng);
  const latest = Date.UTC(asOf.getUTCFullYear() - age, asOf.getUTCMonth(), asOf.getUTCDate()) / DAY_MS;
  return dayString(latest - Math.floor(rng() * 365));
}

/** Digits 15–17 of a 身份证号: 00–99 then a digit that is odd for men, even for women. */
function sequenceDigits(sequence: number, gender: Gender): string {
  const k = ((sequence % 500) + 500) % 500;
  return String(Math.floor(k / 5)).padStart(2, '0') + String(2 * (k % 5) + (gender === 'male' ? 1 : 0));
}

export function buildIdNumber(countyCode: string, birthDate: string, sequence: number, gender: Gender): string {
  const first17 = countyCode + birthDate.replaceAll('-', '') + sequenceDigits(sequence, gender);
  return first17 + idNumberCheckChar(first17);
}

function phoneNumber(rng: Rng, index: number, offset: number): string {
  return pickPhonePrefix(rng) + String(scramble(index + offset, 10_000, 0x5eed)).padStart(8, '0');
}

/** A synthetic talent (个人) living in Jiangxi. */
export function aTalent(rng: Rng, regions: Regions, opts: TalentOptions = {}): TalentSpec {
  const places = placesOf(regions);
  const drawnIndex = Math.floor(rng() * 9_000_000);
  const index = opts.index ?? drawnIndex;
  const gender: Gender = rng() < 0.56 ? 'male' : 'female';
  const home = places.pickCounty(rng);
  let birthRegion = home;
  if (rng() < 0.2) {
    for (let tries = 0; birthRegion === home && tries < 8; tries++) birthRegion = places.pickCounty(rng);
  }
  const birthDate = birthDateFor(rng, opts.asOf ?? BUILDER_EPOCH);
  const drawnSequence = Math.floor(rng() * 500);
  const sequence = opts.sequence ? opts.sequence(birthRegion.code, birthDate, gender) : drawnSequence;
  return {
    username: talentUsername(index),
    displayName: personName(rng, gender),
    gender,
    birthDate,
    regionCode: home.code,
    birthRegionCode: birthRegion.code,
    idNumber: buildIdNumber(birthRegion.code, birthDate, sequence, gender),
    phone: phoneNumber(rng, index, 0),
    consents: CONSENT_ODDS.filter(([, odds]) => rng() < odds).map(([purpose]) => purpose),
    registeredDaysAgo: Math.floor(1095 * (1 - Math.sqrt(rng()))),
  };
}

/**
 * Hands out 身份证号 sequences so that no two people of one run share a number: a counter per
 * county, sex and birth date, started at a scrambled offset so numbers look spread over 001–999.
 */
export function idSequenceAllocator(): IdSequence {
  const FIRST_DAY = Date.UTC(1940, 0, 1);
  const DAYS = 36_525;
  const counters = new Map<string, Uint16Array>();
  return (county, birthDate, gender) => {
    const y = Number(birthDate.slice(0, 4));
    const day = Math.round((Date.UTC(y, Number(birthDate.slice(5, 7)) - 1, Number(birthDate.slice(8, 10))) - FIRST_DAY) / DAY_MS);
    if (!(day >= 0 && day < DAYS)) throw new Error(`birth date out of range: ${birthDate}`);
    const key = county + gender;
    let cells = counters.get(key);
    if (!cells) {
      cells = new Uint16Array(DAYS);
      counters.set(key, cells);
    }
    const used = cells[day] ?? 0;
    if (used >= 500) throw new Error(`身份证号 sequences exhausted for ${county} ${birthDate}`);
    cells[day] = used + 1;
    return (used + day * 7919 + Number(county) * 31) % 500;
  };
}

export interface OrganisationSpec {
  kind: OrgKind;
  name: string;
  uscc: string;
  regionCode: string;
  industryCode: string;
  size: OrgSize;
  status: OrgStatus;
  address: string;
  contactName: string;
  contactPhone: string;
  /** Username of the organisation's one member account. */
  memberUsername: string;
  /** Registered this many days before the seeding date. */
  registeredDaysAgo: number;
}

/** `index` makes the USCC, member username and contact phone unique by construction; random when absent. */
export type OrganisationOptions = { index?: number };

export const pickOrgKind = weightedPicker(ORG_KIND_MIX);
const pickSize = weightedPicker(ORG_SIZE_MIX);
const pickStatus = weightedPicker(ORG_STATUS_MIX);

const industryCache = new WeakMap<Industries, Map<string, string[]>>();

function pickIndustry(rng: Rng, industries: Industries, mix: readonly (readonly [string, number])[]): string {
  const byPrefix = industryCache.get(industries) ?? new Map<string, string[]>();
  industryCache.set(industries, byPrefix);
  const prefix = weightedPicker(mix)(rng);
  let codes = byPrefix.get(prefix);
  if (!codes) {
    codes = industries.filter((i) => i.level === 'class' && i.code.startsWith(prefix)).map((i) => i.code);
    if (!codes.length) throw new Error(`no GB/T 4754 classes under ${prefix}: load the catalogue first`);
    byPrefix.set(prefix, codes);
  }
  return pick(rng, codes);
}

const USCC_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** GB 11714 check character of an 8-character organisation-code body. */
export function orgCodeCheckChar(body: string): string {
  const weights = [3, 7, 9, 10, 5, 8, 4, 2];
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += Number.parseInt(body[i] ?? '0', 36) * (weights[i] ?? 0);
  const c = 11 - (sum % 11);
  return c === 10 ? 'X' : c === 11 ? '0' : String(c);
}

/** A GB 32100 code whose organisation-code part encodes `index`, so distinct indices never collide. */
export function buildUscc(type: UsccType, countyCode: string, index: number): string {
  let n = scramble(index, 31 ** 3, 0x0c0de);
  let tail = '';
  for (let i = 0; i < 6; i++, n = Math.floor(n / 31)) tail = USCC_ALPHABET[n % 31] + tail;
  const body = ORG_CODE_PREFIX[type] + tail;
  const first17 = type + countyCode + body + orgCodeCheckChar(body);
  return first17 + (usccCheckChar(first17) ?? '');
}

const shortPlace = (name: string) => (name.length > 2 ? name.replace(/[市区县]$/, '') : name);

/** 字号: two different characters. */
function tradeName(rng: Rng): string {
  const first = pick(rng, TRADE_FIRST);
  let second = pick(rng, TRADE_SECOND);
  for (let tries = 0; second === first && tries < 4; tries++) second = pick(rng, TRADE_SECOND);
  return first + second;
}

type NameParts = { kind: OrgKind; type: UsccType; industryCode: string; county: RegionLike; city: RegionLike; size: OrgSize };

/** Companies: place + 字号 + industry word + 有限公司; schools, centres and institutes carry full place names. */
function organisationName(rng: Rng, { kind, type, industryCode, county, city, size }: NameParts): string {
  const trade = tradeName(rng);
  const r = rng();
  if (type !== '91') {
    const place = r < 0.6 ? city.name : r < 0.8 ? '江西省' : city.name + county.name;
    if (kind === 'provider') return `${place}${trade}${rng() < 0.5 ? '职业技能培训学校' : '职业培训学校'}`;
    if (kind === 'evaluator') return `${place}${trade}${pick(rng, EVALUATION_FIELDS)}评价中心`;
    return `${place}${trade}${pick(rng, INDUSTRY_WORDS['73'] ?? ['研究院'])}`;
  }
  const place = r < 0.55 ? shortPlace(city.name) : r < 0.8 ? shortPlace(county.name) : '江西';
  if (kind === 'agency') return `${place}${trade}人力资源服务有限公司`;
  const word = pick(rng, INDUSTRY_WORDS[industryCode.slice(0, 2)] ?? ['科技']);
  const limitedBy = (size === 'large' || size === 'medium') && rng() < 0.4 ? '股份有限公司' : '有限公司';
  return `${place}${trade}${word}${limitedBy}`;
}

/** A synthetic organisation of `kind` seated in a Jiangxi county, with a valid 统一社会信用代码. */
export function anOrganisation(rng: Rng, regions: Regions, industries: Industries, kind: OrgKind, opts: OrganisationOptions = {}): OrganisationSpec {
  const places = placesOf(regions);
  const drawnIndex = Math.floor(rng() * 900_000);
  const index = opts.index ?? drawnIndex;
  const county = places.pickCounty(rng);
  const city = places.byCode.get(county.parentCode ?? '') ?? county;
  const type = weightedPicker(USCC_TYPE_MIX[kind])(rng);
  const industryCode = pickIndustry(rng, industries, INDUSTRY_MIX[kind === 'host' && type === '12' ? 'institute' : kind]);
  const size = kind === 'employer' || kind === 'host' ? pickSize(rng) : rng() < 0.7 ? 'small' : 'micro';
  const gender: Gender = rng() < 0.5 ? 'male' : 'female';
  return {
    kind,
    name: organisationName(rng, { kind, type, industryCode, county, city, size }),
    uscc: buildUscc(type, county.code, index),
    regionCode: county.code,
    industryCode,
    size,
    status: pickStatus(rng),
    address: `江西省${city.name}${county.name}${pick(rng, ROADS)}${1 + Math.floor(rng() * 399)}号`,
    contactName: personName(rng, gender),
    contactPhone: phoneNumber(rng, index, 50_000_000),
    memberUsername: memberUsername(index),
    registeredDaysAgo: Math.floor(rng() * 1826),
  };
}
