/**
 * Fills `search_tokens` of profiles saved before the talent pool existed (migration 0006 added the
 * column empty). Run at start-up; a profile whose content gives no token stays empty and costs one
 * cheap look each start.
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { occupations } from '../catalog/catalog.tables.js';
import { profileSearchTokens } from './profiles.search.js';
import { talentProfiles } from './profiles.tables.js';

const BATCH = 500;

export async function reindexProfileTokens(ctx: Ctx): Promise<number> {
  let after = '00000000-0000-0000-0000-000000000000';
  let updated = 0;
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(talentProfiles)
      .where(and(eq(talentProfiles.searchTokens, ''), gt(talentProfiles.userId, after)))
      .orderBy(talentProfiles.userId)
      .limit(BATCH);
    if (rows.length === 0) return updated;
    after = rows[rows.length - 1]?.userId ?? after;
    const codes = [...new Set(rows.flatMap((r) => r.desiredOccupations))];
    const names = new Map(
      codes.length
        ? (await ctx.db.select({ code: occupations.code, name: occupations.name }).from(occupations).where(inArray(occupations.code, codes))).map((o) => [
            o.code,
            o.name,
          ])
        : [],
    );
    for (const r of rows) {
      const tokens = profileSearchTokens(r, names, ctx.now);
      if (!tokens) continue;
      // keep updated_at: this is an index refresh, not an edit by the talent
      await ctx.db
        .update(talentProfiles)
        .set({ searchTokens: tokens })
        .where(and(eq(talentProfiles.userId, r.userId), sql`${talentProfiles.searchTokens} = ''`));
      updated++;
    }
  }
}
