/**
 * Region scope, enforced in one place. Every query of region-owned data goes through
 * `regionFilter` (lists) or `assertInRegion` (single records).
 *
 * Region codes are GB/T 2260 six-digit codes: 360000 province, 3607xx 赣州市 and its counties.
 * 赣江新区 has no official code; it uses the project-internal 369900 (docs/glossary.md).
 */
import { type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors.js';
import type { Actor } from '../../context.js';

export const PROVINCE_CODE = '360000';
export const GANJIANG_NEW_AREA_CODE = '369900';

export type RegionLevel = 'province' | 'city' | 'county' | 'special';

export function regionLevel(code: string): RegionLevel {
  if (code === PROVINCE_CODE) return 'province';
  if (code === GANJIANG_NEW_AREA_CODE) return 'special';
  return code.endsWith('00') ? 'city' : 'county';
}

/** The code prefix that every region inside `code` starts with. */
export function regionPrefix(code: string): string {
  switch (regionLevel(code)) {
    case 'province':
      return code.slice(0, 2);
    case 'city':
      return code.slice(0, 4);
    case 'county':
    case 'special':
      return code;
  }
}

export function regionContains(outer: string, inner: string): boolean {
  return inner.startsWith(regionPrefix(outer));
}

/** The city a region belongs to (itself for a city or 赣江新区; the province has none). */
export function cityOf(code: string): string | null {
  const level = regionLevel(code);
  if (level === 'province') return null;
  if (level === 'special') return code;
  return `${code.slice(0, 4)}00`;
}

/** Roles whose view of region-owned data is limited to their own region. */
function isRegionScoped(actor: Actor): boolean {
  return actor.role === 'official';
}

/**
 * SQL condition limiting a list to the actor's region, or undefined when the actor sees all
 * (province officials, administrators). Non-official roles must filter by ownership themselves.
 */
export function regionFilter(actor: Actor, column: AnyPgColumn): SQL | undefined {
  if (!isRegionScoped(actor) || actor.regionCode === PROVINCE_CODE) return undefined;
  const prefix = regionPrefix(actor.regionCode);
  return sql`${column} like ${`${prefix}%`}`;
}

export function inRegion(actor: Actor, regionCode: string): boolean {
  return !isRegionScoped(actor) || regionContains(actor.regionCode, regionCode);
}

/**
 * Throws NOT_FOUND (404, the same answer as a missing record, so existence does not leak)
 * when a record lies outside the actor's region.
 */
export function assertInRegion(actor: Actor, regionCode: string): void {
  if (!inRegion(actor, regionCode)) throw new AppError('NOT_FOUND', { status: 404, params: { reason: 'region' } });
}
