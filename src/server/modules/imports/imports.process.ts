/**
 * The import task: streams the rows of an uploaded file, validates them, and writes them in chunks of
 * CHUNK rows, each chunk in one transaction with its audit entry and the batch counters (a crash
 * leaves whole chunks only; re-importing the file then completes it, since every row is keyed).
 * Rejected rows go to a CSV beside the upload, with the original cells and 错误原因 (imports.rejected.ts).
 * The rows themselves are checked and written by imports.talents.ts and imports.jobs.ts.
 */
import { unlink } from 'node:fs/promises';
import { eq, sql } from 'drizzle-orm';
import type { ImportKind } from '../../../shared/imports.js';
import type { Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { skillIndex } from '../jobs/jobs.derive.js';
import type { ReportProgress, TaskHandler } from '../tasks/tasks.runner.js';
import { type ReadCounter, readRows } from './imports.parse.js';
import { cellReader, type HeaderMap, mapHeader, loadReference } from './imports.rows.js';
import { rejectedPath, uploadPath } from './imports.service.js';
import { type ImportBatchRow, importBatches } from './imports.tables.js';

import type { Processor, Rejection, Rows, ImportCtx } from './imports.processor.js';
import { RejectedWriter } from './imports.rejected.js';
import { talentProcessor } from './imports.talents.js';
import { jobProcessor } from './imports.jobs.js';

/** Rows per transaction (and per multi-row INSERT). */
export const CHUNK = 1000;
const SAMPLE = 50;
const IMPORT_LOCK = 7302;

interface Counts {
  totalRows: number;
  inserted: number;
  updated: number;
  unchanged: number;
  rejected: number;
  reasonCounts: Record<string, number>;
  rejectedSample: { row: number; reasons: string[] }[];
}

async function importerCtx(ctx: Ctx, batch: ImportBatchRow): Promise<ImportCtx> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, batch.ownerId));
  if (!u) throw new Error('importer not found');
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    regionCode: u.regionCode,
    department: u.department as Actor['department'],
    orgId: u.orgId,
    sessionId: '',
  };
  return { ...ctx, actor };
}

function tally(c: Counts, rejections: Rejection[]) {
  for (const r of rejections) {
    c.rejected++;
    for (const reason of r.reasons) c.reasonCounts[reason] = (c.reasonCounts[reason] ?? 0) + 1;
    if (c.rejectedSample.length < SAMPLE) c.rejectedSample.push({ row: r.row.row, reasons: r.reasons });
  }
}

/**
 * Processes one batch; throws (and marks the batch failed) when the file cannot be read to the end.
 * A queued batch only; `resume` (the task was started again after its process died) also accepts the
 * batch that process left `running`: rows are idempotent, so the file is read again from the start and
 * the rows it had committed count as unchanged.
 */
export async function runImport(base: Ctx, batchId: string, report: ReportProgress, resume = false): Promise<Counts> {
  const [batch] = await base.db.select().from(importBatches).where(eq(importBatches.id, batchId));
  if (batch?.status !== 'queued' && !(resume && batch?.status === 'running')) throw new Error('import batch not queued');
  const ctx = await importerCtx(base, batch);
  await ctx.db.update(importBatches).set({ status: 'running', startedAt: ctx.now }).where(eq(importBatches.id, batchId));
  const counts: Counts = { totalRows: 0, inserted: 0, updated: 0, unchanged: 0, rejected: 0, reasonCounts: {}, rejectedSample: [] };
  const file = uploadPath(ctx, batchId);
  const counter: ReadCounter = { bytes: 0 };
  let writer: RejectedWriter | undefined;
  try {
    const ref = await loadReference(ctx);
    // the skills index is built once on the base handle, before any chunk transaction opens
    await skillIndex(ctx);
    const processor: Processor =
      batch.kind === ('talents' satisfies ImportKind) ? (talentProcessor(ctx, batch, ref) as Processor) : ((await jobProcessor(ctx, batch, ref)) as Processor);
    let header: HeaderMap | undefined;
    let pending: Rows = [];
    // at most one chunk transaction in flight: the next chunk is read and prepared meanwhile
    let inFlight: Promise<void> = Promise.resolve();
    let failure: unknown;
    const commit = async (rows: Rows, prepared: unknown) => {
      const rejections = await ctx.db.transaction(async (tx) => {
        const t = { ...ctx, db: tx as unknown as Db };
        // one import of a kind writes at a time, so two files with the same person cannot both insert them
        await t.db.execute(sql`select pg_advisory_xact_lock(${IMPORT_LOCK}, ${batch.kind === 'talents' ? 1 : 2})`);
        const { rejections, write } = await processor.chunk(t, rows, prepared);
        const outcome = await write(t);
        const next = {
          totalRows: counts.totalRows + rows.length,
          inserted: counts.inserted + outcome.inserted,
          updated: counts.updated + outcome.updated,
          unchanged: counts.unchanged + outcome.unchanged,
          rejected: counts.rejected,
          reasonCounts: { ...counts.reasonCounts },
          rejectedSample: [...counts.rejectedSample],
        };
        tally(next, rejections);
        await t.db
          .update(importBatches)
          .set({
            totalRows: next.totalRows,
            inserted: next.inserted,
            updated: next.updated,
            unchanged: next.unchanged,
            rejected: next.rejected,
            reasonCounts: next.reasonCounts,
            rejectedSample: next.rejectedSample,
          })
          .where(eq(importBatches.id, batchId));
        if (outcome.inserted || outcome.updated) {
          await record(t, {
            action: `import.${batch.kind}.rows`,
            objectType: 'import',
            objectId: batchId,
            regionCode: batch.regionCode,
            detail: { fromRow: rows[0]?.row.row, toRow: rows.at(-1)?.row.row, ...outcome, rejected: rejections.length },
          });
        }
        Object.assign(counts, next);
        return rejections;
      });
      for (const r of rejections.sort((a, b) => a.row.row - b.row.row)) await writer?.row(r.row, r.reasons);
      const estimate = counter.bytes > 0 ? Math.max(counts.totalRows, Math.round((counts.totalRows * batch.fileBytes) / counter.bytes)) : undefined;
      await report(counts.totalRows, estimate);
    };
    const flush = async () => {
      if (!pending.length) return;
      const rows = pending;
      pending = [];
      const prepared = await processor.prepare(rows);
      await inFlight;
      if (failure) throw failure;
      inFlight = commit(rows, prepared).catch((err: unknown) => {
        failure = err;
      });
    };
    for await (const row of readRows(file, batch.fileFormat === 'xlsx' ? 'xlsx' : 'csv', counter)) {
      if (!header) {
        header = mapHeader(batch.kind as ImportKind, row.cells);
        writer = new RejectedWriter(rejectedPath(ctx, batchId), ctx.platform.keys, row.cells.length);
        await writer.header(row.cells);
        continue;
      }
      pending.push({ row, get: cellReader(header, row.cells) });
      if (pending.length >= CHUNK) await flush();
    }
    await flush();
    await inFlight;
    if (failure) throw failure;
    await writer?.close();
    writer = undefined;
    await report(counts.totalRows, counts.totalRows);
    await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      await t.db.update(importBatches).set({ status: 'succeeded', finishedAt: base.platform.clock.now() }).where(eq(importBatches.id, batchId));
      await record(t, {
        action: `import.${batch.kind}.finish`,
        objectType: 'import',
        objectId: batchId,
        regionCode: batch.regionCode,
        detail: { totalRows: counts.totalRows, inserted: counts.inserted, updated: counts.updated, unchanged: counts.unchanged, rejected: counts.rejected },
      });
    });
    return counts;
  } catch (err) {
    await writer?.close().catch(() => {});
    const message = err instanceof Error ? err.message : String(err);
    await ctx.db
      .update(importBatches)
      .set({ status: 'failed', error: message.slice(0, 500), finishedAt: base.platform.clock.now() })
      .where(eq(importBatches.id, batchId));
    throw err;
  } finally {
    // the upload holds personal data in clear: it does not outlive its processing
    await unlink(file).catch(() => {});
  }
}

export const importTask: TaskHandler = async (ctx, params, report) => {
  const counts = await runImport(ctx, String(params.batchId), report, Number(params.attempt ?? 1) > 1);
  const { reasonCounts: _r, rejectedSample: _s, ...summary } = counts;
  return summary;
};
