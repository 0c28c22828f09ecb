/** Names for codes (occupations, five_level levels, organisations) and the China date, shared by the certificate services. */
import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { occupations, skillLevels } from '../catalog/catalog.tables.js';

/** Today's date in China (UTC+8, no daylight saving). */
export function chinaDay(at: Date): string {
  return new Date(at.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
}

export async function occupationNames(db: Db, codes: readonly string[]): Promise<Map<string, string>> {
  const unique = [...new Set(codes)];
  if (unique.length === 0) return new Map();
  const rows = await db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, unique));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** '3' → '三级/高级工'. */
export async function levelNames(db: Db): Promise<Map<string, string>> {
  const rows = await db
    .select({ code: skillLevels.levelCode, numeric: skillLevels.nameNumeric, traditional: skillLevels.nameTraditional })
    .from(skillLevels)
    .where(eq(skillLevels.scheme, 'five_level'));
  return new Map(rows.map((r) => [r.code, `${r.numeric}/${r.traditional}`]));
}

export async function isDetailOccupation(db: Db, code: string): Promise<boolean> {
  const [row] = await db
    .select({ code: occupations.code })
    .from(occupations)
    .where(and(eq(occupations.code, code), eq(occupations.level, 4)));
  return Boolean(row);
}
