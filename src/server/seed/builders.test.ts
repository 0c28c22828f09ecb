import { beforeAll, describe, expect, it } from 'vitest';
import { openTestDatabase } from '../../../test/helpers.js';
import { parseIdNumber, parsePhone, parseUscc } from '../../shared/identifiers.js';
import type { OrgKind } from '../../shared/roles.js';
import {
  aTalent,
  anOrganisation,
  BUILDER_EPOCH,
  idSequenceAllocator,
  type IndustryLike,
  orgCodeCheckChar,
  pickOrgKind,
  type RegionLike,
  rngFor,
} from './builders.js';
import { DEMO_ACCOUNTS } from './demo-accounts.js';
import { industries, regions } from '../modules/catalog/catalog.tables.js';

let regionRows: RegionLike[];
let industryRows: IndustryLike[];
let counties: Set<string>;
let classes: Set<string>;

beforeAll(async () => {
  const { database, drop } = await openTestDatabase();
  try {
    regionRows = await database.db.select().from(regions);
    industryRows = await database.db.select({ code: industries.code, level: industries.level }).from(industries);
  } finally {
    await drop();
  }
  counties = new Set(regionRows.filter((r) => r.level === 'county').map((r) => r.code));
  classes = new Set(industryRows.filter((r) => r.level === 'class').map((r) => r.code));
});

/** kind, USCC type prefixes, name ending, GB/T 4754 prefixes */
const KINDS: [OrgKind, string[], RegExp, string[]][] = [
  ['employer', ['91'], /有限公司$/, ['63', '64', '65', '39']],
  ['provider', ['52'], /职业(技能)?培训学校$/, ['8391']],
  ['evaluator', ['12', '52'], /评价中心$/, ['8394']],
  ['agency', ['91'], /人力资源服务有限公司$/, ['726']],
  ['host', ['91', '12'], /(有限公司|研究院)$/, ['65', '39', '73']],
];

describe('aTalent', () => {
  it('is deterministic for a fixed seed, and differs between seeds', () => {
    const a = Array.from({ length: 50 }, (_, i) => aTalent(rngFor(42, i), regionRows, { index: i }));
    const b = Array.from({ length: 50 }, (_, i) => aTalent(rngFor(42, i), regionRows, { index: i }));
    const c = Array.from({ length: 50 }, (_, i) => aTalent(rngFor(43, i), regionRows, { index: i }));
    expect(b).toEqual(a);
    expect(c.map((t) => t.idNumber)).not.toEqual(a.map((t) => t.idNumber));
  });

  it('makes valid, self-consistent 身份证号, phones, names and real county codes', () => {
    let bornElsewhere = 0;
    for (let i = 0; i < 2000; i++) {
      const t = aTalent(rngFor(7, i), regionRows, { index: i });
      const parsed = parseIdNumber(t.idNumber);
      expect(parsed, t.idNumber).toEqual({ ok: true, value: t.idNumber, converted: false });
      expect(t.idNumber.slice(0, 6)).toBe(t.birthRegionCode);
      expect(t.idNumber.slice(6, 14)).toBe(t.birthDate.replaceAll('-', ''));
      expect(Number(t.idNumber[16]) % 2).toBe(t.gender === 'male' ? 1 : 0);
      const age = (BUILDER_EPOCH.getTime() - Date.parse(t.birthDate)) / (365.25 * 86_400_000);
      expect(age).toBeGreaterThanOrEqual(18);
      expect(age).toBeLessThan(61);
      expect(parsePhone(t.phone)).toEqual({ ok: true, value: t.phone });
      expect(counties.has(t.regionCode) && counties.has(t.birthRegionCode)).toBe(true);
      expect(t.displayName).toMatch(/^[\u4e00-\u9fff]{2,4}$/);
      expect(t.consents).toEqual(expect.arrayContaining(['privacy_policy', 'sensitive_pi']));
      if (t.birthRegionCode !== t.regionCode) bornElsewhere++;
    }
    expect(bornElsewhere / 2000).toBeGreaterThan(0.12);
    expect(bornElsewhere / 2000).toBeLessThan(0.28);
  });

  it('spreads people by city population (赣州 about a fifth of Jiangxi)', () => {
    const n = 20_000;
    let ganzhou = 0;
    for (let i = 0; i < n; i++) if (aTalent(rngFor(9, i), regionRows).regionCode.startsWith('3607')) ganzhou++;
    expect(ganzhou / n).toBeGreaterThan(0.17);
    expect(ganzhou / n).toBeLessThan(0.23);
  });

  it('gives unique 身份证号, usernames and phones within a run when given an allocator and indices', () => {
    const sequence = idSequenceAllocator();
    const talents = Array.from({ length: 30_000 }, (_, i) => aTalent(rngFor(1, i), regionRows, { index: i, sequence }));
    for (const key of ['idNumber', 'username', 'phone'] as const) expect(new Set(talents.map((t) => t[key])).size).toBe(talents.length);
    expect(talents.every((t) => parseIdNumber(t.idNumber).ok)).toBe(true);
  });
});

describe('anOrganisation', () => {
  it('is deterministic for a fixed seed', () => {
    const make = () => Array.from({ length: 50 }, (_, i) => anOrganisation(rngFor(5, i), regionRows, industryRows, 'employer', { index: i }));
    expect(make()).toEqual(make());
  });

  it.each(KINDS)('makes a valid USCC, real codes and a fitting name (kind %s)', (kind, types, suffix, industryPrefixes) => {
    for (let i = 0; i < 300; i++) {
      const o = anOrganisation(rngFor(11, i), regionRows, industryRows, kind, { index: i });
      expect(parseUscc(o.uscc), o.uscc).toEqual({ ok: true, value: o.uscc });
      expect(types).toContain(o.uscc.slice(0, 2));
      expect(o.uscc.slice(2, 8)).toBe(o.regionCode);
      expect(orgCodeCheckChar(o.uscc.slice(8, 16))).toBe(o.uscc[16]);
      expect(counties.has(o.regionCode)).toBe(true);
      expect(classes.has(o.industryCode), o.industryCode).toBe(true);
      expect(
        industryPrefixes.some((p) => o.industryCode.startsWith(p)),
        o.industryCode,
      ).toBe(true);
      expect(o.name).toMatch(suffix);
      expect(parsePhone(o.contactPhone).ok).toBe(true);
    }
  });

  it('gives unique USCCs for a province-sized register, none equal to a demo account’s', () => {
    const demo = new Set(DEMO_ACCOUNTS.flatMap((a) => (a.org ? [a.org.uscc] : [])));
    const seen = new Set<string>();
    const statuses: Record<string, number> = {};
    for (let i = 0; i < 40_000; i++) {
      const rng = rngFor(3, i);
      const o = anOrganisation(rng, regionRows, industryRows, pickOrgKind(rng), { index: i });
      expect(demo.has(o.uscc)).toBe(false);
      seen.add(o.uscc);
      statuses[o.status] = (statuses[o.status] ?? 0) + 1;
    }
    expect(seen.size).toBe(40_000);
    expect((statuses.verified ?? 0) / 40_000).toBeGreaterThan(0.8);
    expect((statuses.pending ?? 0) / 40_000).toBeGreaterThan(0.05);
    expect(statuses.returned ?? 0).toBeGreaterThan(0);
  });

  it('refuses to invent codes when the catalogue is not loaded', () => {
    expect(() => aTalent(rngFor(1, 1), [])).toThrow(/catalogue/);
    expect(() => anOrganisation(rngFor(1, 1), regionRows, [], 'employer')).toThrow(/catalogue/);
  });
});
