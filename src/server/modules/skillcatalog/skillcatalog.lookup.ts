/**
 * What a catalogue says on a given day. Other modules (training classes, subsidies, matching) call these;
 * they never read the catalogue tables themselves.
 *
 * The version in force for a kind and region on day D is the published one with effective_from ≤ D and
 * (effective_to is null or effective_to ≥ D). A city's version in force replaces the province's for places
 * in that city; elsewhere the province's applies. Publishing never changes a past or current day's answer
 * (effective_from cannot lie before the publication day), so a standard changed next month leaves this
 * month's lookups as they were.
 */
import { and, asc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { CatalogueKind as Kind } from '../../../shared/skillcatalog.js';
import type { Db } from '../../db/client.js';
import { cityOf, PROVINCE_CODE } from '../access/region-scope.js';
import { type CatalogueVersionRow, catalogueEntries, catalogueVersions } from './skillcatalog.tables.js';

export type CatalogueKind = Kind;

export interface CatalogueEntryInForce {
  kind: CatalogueKind;
  versionId: string;
  versionLabel: string;
  publisherRegionCode: string;
  occupationCode: string;
  workType: string | null;
  levelCode: string | null;
  subsidyFen: number | null;
  digital: boolean;
  effectiveFrom: string;
  effectiveTo: string | null;
}

/** The Asia/Shanghai calendar day of an instant, 'YYYY-MM-DD'. */
export function chinaDate(now: Date): string {
  return new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

/** The regions whose versions may apply in `regionCode`, most specific first. */
export function applicableRegions(regionCode: string): string[] {
  const city = cityOf(regionCode);
  return city && city !== PROVINCE_CODE ? [city, PROVINCE_CODE] : [PROVINCE_CODE];
}

/** The version of `kind` in force on `on` for `regionCode` (the city's if it has one, else the province's). */
export async function versionInForce(db: Db, q: { kind: CatalogueKind; on: string; regionCode: string }): Promise<CatalogueVersionRow | null> {
  const regions = applicableRegions(q.regionCode);
  const rows = await db
    .select()
    .from(catalogueVersions)
    .where(
      and(
        eq(catalogueVersions.kind, q.kind),
        eq(catalogueVersions.status, 'published'),
        inArray(catalogueVersions.regionCode, regions),
        lte(catalogueVersions.effectiveFrom, q.on),
        or(isNull(catalogueVersions.effectiveTo), gte(catalogueVersions.effectiveTo, q.on)),
      ),
    );
  for (const region of regions) {
    // one per kind and region by construction; the latest start wins should two ever overlap
    const match = rows.filter((r) => r.regionCode === region).sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0];
    if (match) return match;
  }
  return null;
}

function toInForce(v: CatalogueVersionRow, e: typeof catalogueEntries.$inferSelect): CatalogueEntryInForce {
  return {
    kind: v.kind as CatalogueKind,
    versionId: v.id,
    versionLabel: v.label,
    publisherRegionCode: v.regionCode,
    occupationCode: e.occupationCode,
    workType: e.workType === '' ? null : e.workType,
    levelCode: e.levelCode === '' ? null : e.levelCode,
    subsidyFen: e.subsidyFen,
    digital: e.digital,
    effectiveFrom: v.effectiveFrom,
    effectiveTo: v.effectiveTo,
  };
}

/**
 * The training-subsidy entry in force on `on` for a class/person in `regionCode` (city version if that
 * city published one in force, else the province's). null = not in the catalogue. When the occupation is
 * listed per 工种, the entry for the occupation as a whole wins, else the lowest standard of its 工种.
 */
export async function subsidyStandardFor(
  db: Db,
  q: { occupationCode: string; levelCode: string; on: string; regionCode: string },
): Promise<CatalogueEntryInForce | null> {
  const version = await versionInForce(db, { kind: 'training_subsidy', on: q.on, regionCode: q.regionCode });
  if (!version) return null;
  const rows = await db
    .select()
    .from(catalogueEntries)
    .where(and(eq(catalogueEntries.versionId, version.id), eq(catalogueEntries.occupationCode, q.occupationCode), eq(catalogueEntries.levelCode, q.levelCode)));
  if (rows.length === 0) return null;
  const whole = rows.find((r) => r.workType === '');
  const chosen = whole ?? [...rows].sort((a, b) => (a.subsidyFen ?? 0) - (b.subsidyFen ?? 0))[0];
  return chosen ? toInForce(version, chosen) : null;
}

/** Every entry of the version of `kind` in force on `on` for `regionCode`, by occupation, 工种 and level (五级 first). */
export async function catalogueEntriesInForce(db: Db, q: { kind: CatalogueKind; on: string; regionCode: string }): Promise<CatalogueEntryInForce[]> {
  const version = await versionInForce(db, q);
  if (!version) return [];
  const rows = await db
    .select()
    .from(catalogueEntries)
    .where(eq(catalogueEntries.versionId, version.id))
    .orderBy(asc(catalogueEntries.occupationCode), asc(catalogueEntries.workType), asc(catalogueEntries.levelCode));
  return rows.sort(entryOrder).map((e) => toInForce(version, e));
}

/** Occupation code, then 工种, then level from 五级 ('5') up to 一级 ('1'). */
export function entryOrder(
  a: { occupationCode: string; workType: string; levelCode: string },
  b: { occupationCode: string; workType: string; levelCode: string },
): number {
  return a.occupationCode.localeCompare(b.occupationCode) || a.workType.localeCompare(b.workType) || b.levelCode.localeCompare(a.levelCode);
}
