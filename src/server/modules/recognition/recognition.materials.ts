/**
 * Application materials: PDF, PNG or JPEG, at most MATERIAL_MAX_BYTES, the type taken from the first
 * bytes (a declared type that disagrees is refused). Files are SM4-sealed under DATA_DIR/recognition
 * (outside the web root) with random names; the name the applicant gave is kept only as metadata.
 * Readable by the applicant, the reviewers assigned to the application and officials of its region
 * (reads by others than the owner audited). Virus scanning is assumed upstream (docs/security.md).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { MATERIAL_MAX_BYTES } from '../../../shared/recognition.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { openStream, sealStream } from '../../lib/crypto.js';
import { inRegion } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { sniffType } from '../certificates/certificates.qualifications.js';
import { programmeApplications, recognitionApplications, recognitionMaterials, recognitionReviews } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };
export type SubjectKind = 'recognition' | 'programme';

function materialDir(ctx: Ctx) {
  return path.join(ctx.platform.config.dataDir, 'recognition');
}

export async function uploadMaterial(ctx: ActorCtx, input: { fileName: string; contentType: string; body: unknown }) {
  const body = input.body;
  if (!Buffer.isBuffer(body)) throw new AppError('RECOGNITION_MATERIAL_TYPE', { status: 415 });
  if (body.length === 0) throw new AppError('RECOGNITION_MATERIAL_EMPTY', { status: 400 });
  if (body.length > MATERIAL_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { maxBytes: MATERIAL_MAX_BYTES } });
  const sniffed = sniffType(body);
  const declared = input.contentType.split(';')[0]?.trim().toLowerCase();
  if (!sniffed || (declared !== 'application/octet-stream' && declared !== sniffed)) throw new AppError('RECOGNITION_MATERIAL_TYPE', { status: 415 });
  const storedName = `${randomUUID()}.sealed`;
  mkdirSync(materialDir(ctx), { recursive: true, mode: 0o700 });
  await pipeline(Readable.from([body]), sealStream(ctx.platform.keys), createWriteStream(path.join(materialDir(ctx), storedName), { mode: 0o600 }));
  const sha256 = createHash('sha256').update(body).digest('hex');
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .insert(recognitionMaterials)
      .values({ ownerUserId: ctx.actor.userId, fileName: input.fileName, mime: sniffed, sizeBytes: body.length, sha256, storedName, createdAt: ctx.now })
      .returning();
    if (!row) throw new Error('insert failed');
    await record(
      { ...ctx, db: tx },
      { action: 'recognition.material_upload', objectType: 'recognition_material', objectId: row.id, detail: { mime: sniffed, sizeBytes: row.sizeBytes } },
    );
    return { id: row.id, fileName: row.fileName, mime: row.mime, sizeBytes: row.sizeBytes };
  });
}

/** Attaches the caller's unattached materials to an application (inside the caller's transaction). */
export async function attachMaterials(ctx: ActorCtx, kind: SubjectKind, subjectId: string, ids: string[]) {
  if (ids.length === 0) return;
  const unique = [...new Set(ids)];
  const rows = await ctx.db
    .update(recognitionMaterials)
    .set({ subjectKind: kind, subjectId })
    .where(and(inArray(recognitionMaterials.id, unique), eq(recognitionMaterials.ownerUserId, ctx.actor.userId), isNull(recognitionMaterials.subjectId)))
    .returning({ id: recognitionMaterials.id });
  if (rows.length !== unique.length) throw new AppError('RECOGNITION_MATERIAL_UNAVAILABLE', { status: 409 });
}

export async function materialsOf(db: Db, subjectId: string) {
  const rows = await db.select().from(recognitionMaterials).where(eq(recognitionMaterials.subjectId, subjectId)).orderBy(recognitionMaterials.createdAt);
  return rows.map((m) => ({ id: m.id, fileName: m.fileName, mime: m.mime, sizeBytes: m.sizeBytes, uploadedAt: m.createdAt.toISOString() }));
}

/** Who may read a material: the owner; a reviewer assigned to its application; an official of the application's region. */
async function mayRead(ctx: ActorCtx, m: typeof recognitionMaterials.$inferSelect): Promise<{ ok: boolean; regionCode: string | null }> {
  if (m.ownerUserId === ctx.actor.userId) return { ok: true, regionCode: null };
  if (!m.subjectId || !m.subjectKind) return { ok: false, regionCode: null };
  const table = m.subjectKind === 'programme' ? programmeApplications : recognitionApplications;
  const [app] = await ctx.db.select({ regionCode: table.regionCode }).from(table).where(eq(table.id, m.subjectId));
  if (!app) return { ok: false, regionCode: null };
  if (ctx.actor.role === 'official') return { ok: inRegion(ctx.actor, app.regionCode), regionCode: app.regionCode };
  if (ctx.actor.role === 'reviewer') {
    const [assigned] = await ctx.db
      .select({ id: recognitionReviews.id })
      .from(recognitionReviews)
      .where(and(eq(recognitionReviews.subjectId, m.subjectId), eq(recognitionReviews.reviewerUserId, ctx.actor.userId)));
    return { ok: !!assigned, regionCode: app.regionCode };
  }
  return { ok: false, regionCode: null };
}

export async function openMaterial(ctx: ActorCtx, id: string) {
  const [m] = await ctx.db.select().from(recognitionMaterials).where(eq(recognitionMaterials.id, id));
  if (!m) throw new AppError('NOT_FOUND', { status: 404 });
  const access = await mayRead(ctx, m);
  if (!access.ok) throw new AppError('NOT_FOUND', { status: 404 });
  if (m.ownerUserId !== ctx.actor.userId)
    await recordAlone(ctx, {
      action: 'recognition.material_read',
      objectType: 'recognition_material',
      objectId: m.id,
      regionCode: access.regionCode,
      detail: { subject: m.subjectKind, subjectId: m.subjectId },
    });
  const stream = createReadStream(path.join(materialDir(ctx), m.storedName)).pipe(openStream(ctx.platform.keys));
  return { stream, mime: m.mime, fileName: m.fileName };
}
