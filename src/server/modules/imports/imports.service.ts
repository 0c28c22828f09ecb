/**
 * 批量导入: upload (streamed to DATA_DIR/imports), the batch list and detail, the rejected-rows file.
 * The rows themselves are processed by the background task in imports.process.ts.
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync } from 'node:fs';
import { mkdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, count, desc, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { IMPORT_MAX_BYTES, type ImportKind } from '../../../shared/imports.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { openStream } from '../../lib/crypto.js';
import { record } from '../audit/audit.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { detectFormat, readHeader } from './imports.parse.js';
import { mapHeader } from './imports.rows.js';
import { type ImportBatchRow, importBatches } from './imports.tables.js';

type ActorCtx = Ctx & { actor: Actor };

export const IMPORT_TASK = 'imports.run';

export function importDir(ctx: Pick<Ctx, 'platform'>): string {
  return path.join(ctx.platform.config.dataDir, 'imports');
}
export const uploadPath = (ctx: Pick<Ctx, 'platform'>, id: string) => path.join(importDir(ctx), `${id}.upload`);
export const rejectedPath = (ctx: Pick<Ctx, 'platform'>, id: string) => path.join(importDir(ctx), `${id}.rejected.csv`);

/**
 * Job-seekers: officials of 人社 (the 5+2 就业之家 outlets are public employment services).
 * Postings: the same officials for employers of their region, or a verified employer for itself.
 */
export async function assertMayImport(ctx: ActorCtx, kind: ImportKind): Promise<void> {
  const { actor } = ctx;
  if (actor.role === 'official') {
    if (actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
    return;
  }
  if (kind === 'jobs' && actor.role === 'employer') {
    const [org] = actor.orgId
      ? await ctx.db.select({ status: organisations.status, kind: organisations.kind }).from(organisations).where(eq(organisations.id, actor.orgId))
      : [];
    if (org?.status !== 'verified' || org.kind !== 'employer') throw new AppError('JOBS_ORG_NOT_VERIFIED', { status: 403, params: { reason: 'organisation' } });
    return;
  }
  throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role' } });
}

export function batchView(b: ImportBatchRow) {
  return {
    id: b.id,
    kind: b.kind as ImportKind,
    status: b.status,
    fileName: b.fileName,
    fileFormat: b.fileFormat,
    fileBytes: b.fileBytes,
    taskId: b.taskId,
    totalRows: b.totalRows,
    inserted: b.inserted,
    updated: b.updated,
    unchanged: b.unchanged,
    rejected: b.rejected,
    reasonCounts: b.reasonCounts,
    rejectedSample: b.rejectedSample,
    error: b.error,
    createdAt: b.createdAt.toISOString(),
    startedAt: b.startedAt?.toISOString() ?? null,
    finishedAt: b.finishedAt?.toISOString() ?? null,
  };
}
export type ImportBatchView = ReturnType<typeof batchView>;

/** Copies the request body to disk with a size limit, hashing it on the way; nothing is buffered. */
async function saveUpload(body: Readable, file: string): Promise<{ bytes: number; sha256: string }> {
  const hash = createHash('sha256');
  let bytes = 0;
  const limiter = new Transform({
    transform(chunk: Buffer, _enc, cb) {
      bytes += chunk.length;
      if (bytes > IMPORT_MAX_BYTES) return cb(new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { max: IMPORT_MAX_BYTES } }));
      hash.update(chunk);
      cb(null, chunk);
    },
  });
  await pipeline(body, limiter, createWriteStream(file));
  return { bytes, sha256: hash.digest('hex') };
}

export interface UploadInput {
  kind: ImportKind;
  fileName: string;
  body: Readable;
}

/** 202: the file is stored, its header checked, and the import queued as a background task. */
export async function uploadImport(ctx: ActorCtx, input: UploadInput) {
  await assertMayImport(ctx, input.kind);
  // only the raw-body content types reach here as a stream; JSON or form bodies are refused
  if (typeof (input.body as Partial<Readable> | null)?.pipe !== 'function') throw new AppError('UNSUPPORTED_MEDIA_TYPE', { status: 415 });
  await mkdir(importDir(ctx), { recursive: true });
  const id = randomUUID();
  const file = uploadPath(ctx, id);
  try {
    const { bytes, sha256 } = await saveUpload(input.body, file);
    if (bytes === 0) throw new AppError('IMPORT_FILE_EMPTY', { status: 400 });
    const format = await detectFormat(file);
    let header: string[] | null;
    try {
      header = await readHeader(file, format);
    } catch {
      throw new AppError('IMPORT_FILE_UNREADABLE', { status: 400, params: { format } });
    }
    if (!header) throw new AppError('IMPORT_FILE_EMPTY', { status: 400 });
    const { missing } = mapHeader(input.kind, header);
    if (missing.length) throw new AppError('IMPORT_HEADER_MISSING', { status: 400, params: { columns: missing.join('、') } });
    const batch = await ctx.db.transaction(async (tx) => {
      const t = { ...ctx, db: tx as unknown as Db };
      const [row] = await t.db
        .insert(importBatches)
        .values({
          id,
          kind: input.kind,
          status: 'queued',
          fileName: input.fileName.slice(0, 200),
          fileFormat: format,
          fileBytes: bytes,
          fileSha256: sha256,
          ownerId: ctx.actor.userId,
          ownerRole: ctx.actor.role,
          orgId: ctx.actor.role === 'employer' ? ctx.actor.orgId : null,
          regionCode: ctx.actor.regionCode,
          createdAt: ctx.now,
        })
        .returning();
      await record(t, {
        action: 'import.upload',
        objectType: 'import',
        objectId: id,
        regionCode: ctx.actor.regionCode,
        detail: { kind: input.kind, format, bytes, sha256 },
      });
      return row as ImportBatchRow;
    });
    const taskId = await ctx.platform.tasks.enqueue(ctx, IMPORT_TASK, { batchId: id }, { ownerId: ctx.actor.userId, regionCode: ctx.actor.regionCode });
    await ctx.db.update(importBatches).set({ taskId }).where(eq(importBatches.id, id));
    return batchView({ ...batch, taskId });
  } catch (err) {
    await unlink(file).catch(() => {});
    throw err;
  }
}

/** The signed-in person's own imports, newest first. */
export async function listImports(ctx: ActorCtx, q: { kind?: ImportKind | undefined; page: number; pageSize: number }) {
  const where = and(eq(importBatches.ownerId, ctx.actor.userId), q.kind ? eq(importBatches.kind, q.kind) : undefined);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(importBatches)
      .where(where)
      .orderBy(desc(importBatches.createdAt), importBatches.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(importBatches).where(where),
  ]);
  return { items: rows.map(batchView), total: total?.n ?? 0 };
}

/**
 * A batch is visible to the person who imported it only: the rejected rows carry the original cells,
 * 身份证号 included, so not even colleagues of the same region download them.
 */
async function ownBatch(ctx: ActorCtx, id: string): Promise<ImportBatchRow> {
  const [b] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
  if (!b || b.ownerId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
  return b;
}

export async function getImport(ctx: ActorCtx, id: string) {
  return batchView(await ownBatch(ctx, id));
}

/** The rejected rows (original columns + 错误原因), as a UTF-8 CSV with BOM; audited. */
export async function openRejectedFile(ctx: ActorCtx, id: string) {
  const b = await ownBatch(ctx, id);
  if (b.status !== 'succeeded' && b.status !== 'failed') throw new AppError('IMPORT_NOT_FINISHED', { status: 409, params: { status: b.status } });
  const file = rejectedPath(ctx, id);
  if (!existsSync(file)) throw new AppError('NOT_FOUND', { status: 404 });
  await ctx.db.transaction(async (tx) => {
    await record(
      { ...ctx, db: tx as unknown as Db },
      { action: 'import.download-rejected', objectType: 'import', objectId: id, regionCode: b.regionCode, detail: { rows: b.rejected } },
    );
  });
  const base = b.fileName.replace(/\.[^.]+$/, '') || 'import';
  // the file is sealed at rest (SM4); it is opened as it streams out
  return { stream: createReadStream(file).pipe(openStream(ctx.platform.keys)), fileName: `${base}-错误行.csv` };
}
