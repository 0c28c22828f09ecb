import { eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import { type RegionRow, regions } from './catalog.tables.js';

export async function findRegion(ctx: Pick<Ctx, 'db'>, code: string): Promise<RegionRow | undefined> {
  const [row] = await ctx.db.select().from(regions).where(eq(regions.code, code));
  return row;
}

/** Throws CATALOG_UNKNOWN_CODE (400) naming the field when the code is not a Jiangxi region. */
export async function getRegion(ctx: Pick<Ctx, 'db'>, code: string, field = 'regionCode'): Promise<RegionRow> {
  const row = await findRegion(ctx, code);
  if (!row) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field, code } });
  return row;
}
