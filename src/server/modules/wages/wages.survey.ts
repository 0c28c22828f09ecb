/**
 * 企业薪酬调查 uploads by officials of 人社 (region-scoped): the whole file is checked first and refused with
 * its row errors if any row is wrong (nothing is stored); a file whose rows were already uploaded comes back
 * as the existing batch (`duplicate: true`); otherwise the batch, its rows and the audit entry are written in
 * one transaction and the survey cells of that year are recomputed in it, so the page shows them at once.
 */
import { createHash } from 'node:crypto';
import { and, desc, eq, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { WageSurveyBatch } from '../../../shared/wages.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { cityOf, regionContains, regionFilter, assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { occupations, regions } from '../catalog/catalog.tables.js';
import { parseSurveyRows, readSurveyWorkbook, type SurveyLookups, type SurveyRow } from './wages.survey-parse.js';
import { refreshSurveyWages } from './wages.refresh.js';
import { type WageSurveyBatchRow, wageSurveyBatches, wageSurveyRows } from './wages.tables.js';

type OfficialCtx = Ctx & { actor: Actor };

/** Only 人社 officials run the wage survey. */
function assertHrss(ctx: OfficialCtx) {
  if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
}

function view(b: WageSurveyBatchRow, duplicate?: boolean): WageSurveyBatch {
  return {
    id: b.id,
    regionCode: b.regionCode,
    year: b.year,
    fileName: b.fileName,
    rowCount: b.rowCount,
    skippedNotDigital: b.skippedNotDigital,
    uploadedAt: b.uploadedAt.toISOString(),
    withdrawnAt: b.withdrawnAt?.toISOString() ?? null,
    ...(duplicate === undefined ? {} : { duplicate }),
  };
}

async function lookups(db: Db, actor: Actor): Promise<SurveyLookups> {
  const occ = new Map(
    (await db.select({ code: occupations.code, digital: occupations.isDigital }).from(occupations).where(eq(occupations.level, 4))).map((o) => [
      o.code,
      o.digital,
    ]),
  );
  const reg = new Map((await db.select({ code: regions.code, level: regions.level }).from(regions)).map((r) => [r.code, r.level]));
  return {
    occupation: (code) => {
      const d = occ.get(code);
      if (d === undefined) return null;
      return d ? 'digital' : 'other';
    },
    regionProblem: (code) => {
      const level = reg.get(code);
      if (!level) return 'region_unknown';
      if (level === 'province') return 'region_not_city';
      return regionContains(actor.regionCode, code) ? null : 'region_outside_scope';
    },
  };
}

/** Same rows (in any order) and year → same digest. */
function digestOf(year: number, rows: readonly SurveyRow[]): string {
  const lines = rows.map((r) => `${r.occupationCode}|${r.regionCode}|${r.monthlyFen}`).sort();
  return createHash('sha256')
    .update(`${year}\n${lines.join('\n')}`)
    .digest('hex');
}

export async function uploadSurvey(ctx: OfficialCtx, input: { year: number; fileName: string; body: Buffer }): Promise<WageSurveyBatch> {
  assertHrss(ctx);
  const table = await readSurveyWorkbook(input.body);
  const parsed = parseSurveyRows(table, await lookups(ctx.db, ctx.actor));
  if (parsed.errorCount > 0) {
    throw new AppError('WAGES_SURVEY_ROWS_INVALID', { status: 422, params: { errorCount: parsed.errorCount, errors: parsed.errors } });
  }
  if (parsed.rows.length === 0) throw new AppError('WAGES_SURVEY_EMPTY', { status: 400, params: { skippedNotDigital: parsed.skippedNotDigital } });
  return storeSurvey(ctx, {
    year: input.year,
    fileName: input.fileName,
    regionCode: ctx.actor.regionCode,
    rows: parsed.rows,
    skippedNotDigital: parsed.skippedNotDigital,
  });
}

/**
 * Stores checked rows as a batch (or returns the batch that already holds the same rows), audits it and
 * recomputes the survey cells of the year, in one transaction. Used by the upload and the demo seed.
 */
export async function storeSurvey(
  ctx: Ctx,
  input: { year: number; fileName: string; regionCode: string; rows: readonly SurveyRow[]; skippedNotDigital: number },
): Promise<WageSurveyBatch> {
  const digest = digestOf(input.year, input.rows);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    // one upload of a file at a time: the second of two concurrent uploads sees the first's batch
    await t.db.execute(sql`select pg_advisory_xact_lock(hashtext(${`wages.survey:${digest}`}))`);
    const [existing] = await t.db.select().from(wageSurveyBatches).where(eq(wageSurveyBatches.digest, digest));
    if (existing && !existing.withdrawnAt) return view(existing, true);
    if (existing) await t.db.delete(wageSurveyRows).where(eq(wageSurveyRows.batchId, existing.id));
    const values = {
      regionCode: input.regionCode,
      year: input.year,
      fileName: input.fileName,
      digest,
      rowCount: input.rows.length,
      skippedNotDigital: input.skippedNotDigital,
      uploadedBy: ctx.actor?.userId ?? null,
      uploadedAt: ctx.now,
      withdrawnAt: null,
      withdrawnBy: null,
    };
    const [batch] = existing
      ? await t.db.update(wageSurveyBatches).set(values).where(eq(wageSurveyBatches.id, existing.id)).returning()
      : await t.db.insert(wageSurveyBatches).values(values).returning();
    const b = batch as WageSurveyBatchRow;
    // one INSERT … SELECT FROM unnest(arrays) per 10,000 rows: seven parameters, whatever the batch size
    for (let i = 0; i < input.rows.length; i += 10_000) {
      const part = input.rows.slice(i, i + 10_000);
      const col = <T>(f: (r: SurveyRow) => T) => sql.param(part.map(f));
      await t.db.execute(sql`
        insert into wage_survey_rows (batch_id, row_no, occupation_code, region_code, city_code, year, monthly_fen)
        select ${b.id}, row_no, occupation_code, region_code, city_code, ${input.year}, monthly_fen
          from unnest(${col((r) => r.rowNo)}::int[], ${col((r) => r.occupationCode)}::text[], ${col((r) => r.regionCode)}::text[],
                      ${col((r) => cityOf(r.regionCode) as string)}::text[], ${col((r) => r.monthlyFen)}::int[])
            as r(row_no, occupation_code, region_code, city_code, monthly_fen)`);
    }
    await record(t, {
      action: 'wages.survey_upload',
      objectType: 'wage_survey_batch',
      objectId: b.id,
      regionCode: b.regionCode,
      detail: { year: input.year, rows: b.rowCount, skippedNotDigital: b.skippedNotDigital, fileName: input.fileName },
    });
    await refreshSurveyWages(t.db, [input.year], ctx.now);
    return view(b, false);
  });
}

export async function listSurveys(ctx: OfficialCtx): Promise<{ items: WageSurveyBatch[] }> {
  const rows = await ctx.db
    .select()
    .from(wageSurveyBatches)
    .where(and(regionFilter(ctx.actor, wageSurveyBatches.regionCode)))
    .orderBy(desc(wageSurveyBatches.uploadedAt))
    .limit(200);
  return { items: rows.map((r) => view(r)) };
}

/** Withdraws a batch (a wrong or superseded file): its rows stop counting; audited. 404 outside the region. */
export async function withdrawSurvey(ctx: OfficialCtx, id: string): Promise<WageSurveyBatch> {
  assertHrss(ctx);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const [b] = await t.db.select().from(wageSurveyBatches).where(eq(wageSurveyBatches.id, id)).for('update');
    if (!b) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, b.regionCode);
    if (b.withdrawnAt) throw new AppError('WAGES_SURVEY_WITHDRAWN', { status: 409 });
    const [updated] = await t.db
      .update(wageSurveyBatches)
      .set({ withdrawnAt: ctx.now, withdrawnBy: ctx.actor.userId })
      .where(eq(wageSurveyBatches.id, id))
      .returning();
    await record(t, { action: 'wages.survey_withdraw', objectType: 'wage_survey_batch', objectId: id, regionCode: b.regionCode, detail: { year: b.year } });
    await refreshSurveyWages(t.db, [b.year], ctx.now);
    return view(updated as WageSurveyBatchRow);
  });
}
