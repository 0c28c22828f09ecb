/**
 * 专业技术资格 (e.g. 计算机技术与软件专业技术资格 软考 初级/中级/高级): the talent uploads evidence (PDF, PNG
 * or JPEG, ≤ 5 MB, type checked by its first bytes, SM4-sealed under DATA_DIR/evidence) and declares the
 * qualification; an official (人社) of the talent's region verifies or rejects it through the workflow
 * engine. The evidence is readable by its owner and, once declared, by officials of the region (audited).
 */
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream, createWriteStream, mkdirSync } from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { and, desc, eq, type SQL } from 'drizzle-orm';
import {
  type DeclareQualification,
  EVIDENCE_MAX_BYTES,
  type EVIDENCE_TYPES,
  type QualificationStatus,
  qualificationWorkflow,
} from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { openStream, sealStream } from '../../lib/crypto.js';
import { inRegion, regionFilter } from '../access/region-scope.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { isDetailOccupation, occupationNames } from './certificates.names.js';
import { qualificationEvidence, type QualificationRow, qualifications } from './certificates.tables.js';
import { qualificationBinding } from './certificates.workflow.js';

type ActorCtx = Ctx & { actor: Actor };
export type EvidenceType = (typeof EVIDENCE_TYPES)[number];

/** The type the first bytes say, or null. */
export function sniffType(buf: Buffer): EvidenceType | null {
  if (buf.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'image/jpeg';
  return null;
}

function evidenceDir(ctx: Ctx) {
  return path.join(ctx.platform.config.dataDir, 'evidence');
}

export async function uploadEvidence(ctx: ActorCtx, input: { fileName: string; contentType: string; body: Buffer }) {
  if (!Buffer.isBuffer(input.body)) throw new AppError('CERTIFICATES_EVIDENCE_INVALID', { status: 415, params: { reason: 'type' } });
  if (input.body.length === 0) throw new AppError('CERTIFICATES_EVIDENCE_INVALID', { status: 400, params: { reason: 'empty' } });
  if (input.body.length > EVIDENCE_MAX_BYTES) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413, params: { maxBytes: EVIDENCE_MAX_BYTES } });
  const sniffed = sniffType(input.body);
  const declared = input.contentType.split(';')[0]?.trim().toLowerCase();
  if (!sniffed || sniffed !== declared) throw new AppError('CERTIFICATES_EVIDENCE_INVALID', { status: 415, params: { reason: 'type' } });
  const storedName = `${randomUUID()}.sealed`;
  mkdirSync(evidenceDir(ctx), { recursive: true });
  await pipeline(Readable.from([input.body]), sealStream(ctx.platform.keys), createWriteStream(path.join(evidenceDir(ctx), storedName), { mode: 0o600 }));
  const sha256 = createHash('sha256').update(input.body).digest('hex');
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .insert(qualificationEvidence)
      .values({ ownerUserId: ctx.actor.userId, fileName: input.fileName, mime: sniffed, sizeBytes: input.body.length, sha256, storedName, createdAt: ctx.now })
      .returning();
    if (!row) throw new Error('insert failed');
    await record(
      { ...ctx, db: tx },
      { action: 'qualification.evidence_upload', objectType: 'qualification_evidence', objectId: row.id, detail: { mime: sniffed, sizeBytes: row.sizeBytes } },
    );
    return { id: row.id, fileName: row.fileName, mime: row.mime, sizeBytes: row.sizeBytes };
  });
}

export async function declareQualification(ctx: ActorCtx, body: DeclareQualification) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const c = { ...ctx, db: tx };
    const [ev] = await tx.select().from(qualificationEvidence).where(eq(qualificationEvidence.id, body.evidenceId));
    if (!ev || ev.ownerUserId !== ctx.actor.userId) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'evidenceId' } });
    const [used] = await tx.select({ id: qualifications.id }).from(qualifications).where(eq(qualifications.evidenceId, ev.id));
    if (used) throw new AppError('CERTIFICATES_EVIDENCE_USED', { status: 409 });
    if (body.occupationCode && !(await isDetailOccupation(tx, body.occupationCode)))
      throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'occupationCode' } });
    if (body.issuedOn > new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10))
      throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['issuedOn'] } });
    const [row] = await tx
      .insert(qualifications)
      .values({
        userId: ctx.actor.userId,
        regionCode: ctx.actor.regionCode,
        kind: body.kind,
        title: body.title,
        level: body.level,
        certificateNo: body.certificateNo,
        issuedOn: body.issuedOn,
        authority: body.authority,
        occupationCode: body.occupationCode ?? null,
        evidenceId: ev.id,
        status: qualificationWorkflow.initial,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new Error('insert failed');
    await record(c, {
      action: 'qualification.declare',
      objectType: 'qualification',
      objectId: row.id,
      regionCode: row.regionCode,
      detail: { kind: row.kind, level: row.level },
    });
    return view(ctx.actor, row, null, ev);
  });
}

type EvidenceMeta = { fileName: string; mime: string; sizeBytes: number };

function view(actor: Actor, q: QualificationRow, holderName: string | null, ev: EvidenceMeta | null, occupationName: string | null = null) {
  return {
    id: q.id,
    kind: q.kind,
    title: q.title,
    level: q.level,
    certificateNo: q.certificateNo,
    issuedOn: q.issuedOn,
    authority: q.authority,
    occupationCode: q.occupationCode,
    occupationName,
    status: q.status as QualificationStatus,
    regionCode: q.regionCode,
    holderName: holderName === null ? null : actor.role === 'talent' ? holderName : maskName(holderName),
    evidence: ev ? { fileName: ev.fileName, mime: ev.mime, sizeBytes: ev.sizeBytes } : null,
    decidedAt: q.decidedAt?.toISOString() ?? null,
    createdAt: q.createdAt.toISOString(),
    allowedActions: allowedActions(qualificationWorkflow, q.status as QualificationStatus, [actor.role]),
  };
}

async function listWhere(ctx: ActorCtx, where: SQL | undefined) {
  const rows = await ctx.db
    .select({
      q: qualifications,
      name: users.displayName,
      ev: { fileName: qualificationEvidence.fileName, mime: qualificationEvidence.mime, sizeBytes: qualificationEvidence.sizeBytes },
    })
    .from(qualifications)
    .innerJoin(users, eq(users.id, qualifications.userId))
    .innerJoin(qualificationEvidence, eq(qualificationEvidence.id, qualifications.evidenceId))
    .where(where)
    .orderBy(desc(qualifications.createdAt))
    .limit(200);
  const occ = await occupationNames(
    ctx.db,
    rows.flatMap((r) => (r.q.occupationCode ? [r.q.occupationCode] : [])),
  );
  return rows.map((r) => view(ctx.actor, r.q, r.name, r.ev, r.q.occupationCode ? (occ.get(r.q.occupationCode) ?? null) : null));
}

export function myQualifications(ctx: ActorCtx) {
  return listWhere(ctx, eq(qualifications.userId, ctx.actor.userId));
}

/** Official: declarations of talents in the region (default: waiting for a decision). */
export function qualificationQueue(ctx: ActorCtx, status: QualificationStatus | undefined) {
  return listWhere(ctx, and(regionFilter(ctx.actor, qualifications.regionCode), eq(qualifications.status, status ?? 'submitted')));
}

export async function transitionQualification(ctx: ActorCtx, id: string, action: string, input: { reason?: string | undefined }) {
  await applyTransition(ctx, qualificationBinding, id, action, input);
  const [one] = await listWhere(ctx, eq(qualifications.id, id));
  return one;
}

/** The evidence of a declaration, decrypted: its owner, or an official of the talent's region (audited). */
export async function openEvidence(ctx: ActorCtx, qualificationId: string) {
  const [row] = await ctx.db
    .select({ q: qualifications, ev: qualificationEvidence })
    .from(qualifications)
    .innerJoin(qualificationEvidence, eq(qualificationEvidence.id, qualifications.evidenceId))
    .where(eq(qualifications.id, qualificationId));
  const owner = row && ctx.actor.role === 'talent' && row.q.userId === ctx.actor.userId;
  const official = row && ctx.actor.role === 'official' && inRegion(ctx.actor, row.q.regionCode);
  if (!row || !(owner || official)) throw new AppError('NOT_FOUND', { status: 404 });
  if (official)
    await recordAlone(ctx, {
      action: 'qualification.evidence_read',
      objectType: 'qualification',
      objectId: row.q.id,
      regionCode: row.q.regionCode,
      detail: { sizeBytes: row.ev.sizeBytes },
    });
  // a missing or unreadable file fails the response, not the process
  const file = createReadStream(path.join(evidenceDir(ctx), row.ev.storedName));
  const stream = openStream(ctx.platform.keys);
  file.on('error', (err) => stream.destroy(err));
  file.pipe(stream);
  return { stream, mime: row.ev.mime, fileName: row.ev.fileName };
}
