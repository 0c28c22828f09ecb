/**
 * Retention of import files (PIPL: keep personal data no longer than needed). Uploaded files are deleted
 * when their batch finishes; one left behind by a crash goes here once its batch has finished or failed.
 * Rejected-rows files (sealed with SM4, still personal data) are kept for IMPORT_REJECTED_RETENTION_DAYS
 * after the batch finished, then deleted; the batch keeps its counts and reason summary.
 */
import { readdir, unlink } from 'node:fs/promises';
import { inArray } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { recordAlone } from '../audit/audit.service.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { importDir } from './imports.service.js';
import { importBatches } from './imports.tables.js';

export const IMPORT_REJECTED_RETENTION_DAYS = 30;
export const IMPORTS_PURGE_TASK = 'imports.purge-files';

const FILE = /^([0-9a-f-]{36})\.(upload|rejected\.csv)$/;

export async function purgeImportFiles(ctx: Ctx): Promise<{ uploads: number; rejected: number }> {
  const dir = importDir(ctx);
  const names = await readdir(dir).catch(() => [] as string[]);
  const files = names.map((name) => ({ name, m: FILE.exec(name) })).filter((f) => f.m);
  if (!files.length) return { uploads: 0, rejected: 0 };
  const ids = [...new Set(files.map((f) => f.m?.[1] as string))];
  const batches = await ctx.db
    .select({ id: importBatches.id, status: importBatches.status, finishedAt: importBatches.finishedAt })
    .from(importBatches)
    .where(inArray(importBatches.id, ids));
  const byId = new Map(batches.map((b) => [b.id, b]));
  const cutoff = ctx.now.getTime() - IMPORT_REJECTED_RETENTION_DAYS * 86_400_000;
  let uploads = 0;
  let rejected = 0;
  for (const f of files) {
    const [, id, kind] = f.m as RegExpExecArray;
    const batch = byId.get(id as string);
    const finished = !batch || batch.status === 'succeeded' || batch.status === 'failed';
    const remove = kind === 'upload' ? finished : finished && (!batch?.finishedAt || batch.finishedAt.getTime() < cutoff);
    if (!remove) continue;
    await unlink(`${dir}/${f.name}`).catch(() => {});
    if (kind === 'upload') uploads++;
    else rejected++;
  }
  if (uploads || rejected) {
    await recordAlone(ctx, { action: 'import.purge-files', objectType: 'import', objectId: 'files', regionCode: '360000', detail: { uploads, rejected } });
  }
  return { uploads, rejected };
}

export const purgeImportFilesTask: TaskHandler = async (ctx, _params, report) => {
  const result = await purgeImportFiles(ctx);
  await report(1, 1, `deleted ${result.uploads} uploads, ${result.rejected} rejected-row files`);
  return result;
};
