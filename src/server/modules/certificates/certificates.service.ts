/**
 * Certificates after issuance: public verification (no account), the holder's list with QR codes, the
 * issuer's and the region's lookup, revocation (issuer or official, reason required, audited through the
 * workflow engine), and what the profile shows as verified (已核验证书).
 */
import { and, desc, eq, type SQL } from 'drizzle-orm';
import QRCode from 'qrcode';
import {
  type CertificateStatus,
  certificateWorkflow,
  checkCertificateNumber,
  formatCertificateNumber,
  type PublicCertificate,
  type VerifyAnswer,
} from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, regionFilter } from '../access/region-scope.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { levelNames, occupationNames } from './certificates.names.js';
import { signatureValid } from './certificates.signature.js';
import { type CertificateRow, certificates, qualifications } from './certificates.tables.js';
import { certificateBinding } from './certificates.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

/** 刘晓琳 → 刘*琳, 王五 → 王*, longer names keep the first and last character. */
export function maskHolderName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return name;
  if (chars.length === 2) return `${chars[0]}*`;
  return `${chars[0]}${'*'.repeat(chars.length - 2)}${chars[chars.length - 1]}`;
}

export function verifyPath(number: string): string {
  return `/verify/${formatCertificateNumber(number)}`;
}

export function qrDataUrl(url: string): Promise<string> {
  return QRCode.toDataURL(url, { errorCorrectionLevel: 'M', margin: 2, scale: 6 });
}

function content(row: CertificateRow) {
  return {
    number: row.number,
    holderUserId: row.holderUserId,
    holderName: row.holderName,
    occupationCode: row.occupationCode,
    levelCode: row.levelCode,
    issuerOrgId: row.issuerOrgId,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    source: row.source,
    sourceRef: row.sourceRef,
  };
}

const chinaDate = (d: Date) => new Date(d.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

async function publicView(db: Db, row: CertificateRow, revocation: { at: Date; reason: string | null } | null): Promise<PublicCertificate> {
  const [occ, lvl] = await Promise.all([occupationNames(db, [row.occupationCode]), levelNames(db)]);
  return {
    number: row.number,
    numberDisplay: formatCertificateNumber(row.number),
    holderMasked: maskHolderName(row.holderName),
    occupationCode: row.occupationCode,
    occupationName: occ.get(row.occupationCode) ?? null,
    levelCode: row.levelCode,
    levelName: lvl.get(row.levelCode) ?? null,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    revokedOn: revocation ? chinaDate(revocation.at) : null,
    revokedReason: revocation?.reason ?? null,
  };
}

/**
 * Public verification. Order of checks: number format and check character (no lookup for a mistyped
 * number) → lookup → signature over the stored content → revocation (the row, cross-checked with the
 * append-only workflow_events: a revoked certificate whose row was set back to valid is `tampered`).
 */
export async function verifyCertificate(ctx: Ctx, raw: string): Promise<VerifyAnswer> {
  const checked = checkCertificateNumber(raw);
  if (!checked.ok) return { result: 'check_failed', number: raw.slice(0, 40), certificate: null };
  const [row] = await ctx.db.select().from(certificates).where(eq(certificates.number, checked.canonical));
  if (!row) return { result: 'not_found', number: checked.canonical, certificate: null };
  const [revokeEvent] = await ctx.db
    .select({ at: workflowEvents.at, reason: workflowEvents.reason })
    .from(workflowEvents)
    .where(and(eq(workflowEvents.workflow, certificateWorkflow.name), eq(workflowEvents.entityId, row.id), eq(workflowEvents.action, 'revoke')))
    .limit(1);
  const intact = signatureValid(ctx.platform.keys, content(row), row.signature) && (row.status === 'revoked') === Boolean(revokeEvent);
  if (!intact) return { result: 'tampered', number: checked.canonical, certificate: null };
  if (row.status === 'revoked') {
    const revocation = { at: revokeEvent?.at ?? row.revokedAt ?? row.updatedAt, reason: revokeEvent?.reason ?? row.revokedReason };
    return { result: 'revoked', number: checked.canonical, certificate: await publicView(ctx.db, row, revocation) };
  }
  return { result: 'valid', number: checked.canonical, certificate: await publicView(ctx.db, row, null) };
}

async function detailView(ctx: ActorCtx, row: CertificateRow, origin: string, names: { occ: Map<string, string>; lvl: Map<string, string> }) {
  const path = verifyPath(row.number);
  return {
    id: row.id,
    number: row.number,
    numberDisplay: formatCertificateNumber(row.number),
    holderName: ctx.actor.role === 'talent' || ctx.actor.role === 'evaluator' ? row.holderName : maskHolderName(row.holderName),
    occupationCode: row.occupationCode,
    occupationName: names.occ.get(row.occupationCode) ?? null,
    levelCode: row.levelCode,
    levelName: names.lvl.get(row.levelCode) ?? null,
    issuerName: row.issuerName,
    issuedOn: row.issuedOn,
    source: row.source,
    status: row.status as CertificateStatus,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedReason: row.revokedReason,
    verifyPath: path,
    verifyUrl: `${origin}${path}`,
    allowedActions: allowedActions(certificateWorkflow, row.status as CertificateStatus, [ctx.actor.role]).filter(
      () => ctx.actor.role !== 'evaluator' || ctx.actor.orgId === row.issuerOrgId,
    ),
  };
}

async function views(ctx: ActorCtx, rows: CertificateRow[], origin: string, withQr: boolean) {
  const names = {
    occ: await occupationNames(
      ctx.db,
      rows.map((r) => r.occupationCode),
    ),
    lvl: await levelNames(ctx.db),
  };
  return Promise.all(
    rows.map(async (r) => {
      const v = await detailView(ctx, r, origin, names);
      return { ...v, qrDataUrl: withQr ? await qrDataUrl(v.verifyUrl) : null };
    }),
  );
}

/** Talent: own certificates (valid and revoked), each with the QR code of its public page. */
export async function myCertificates(ctx: ActorCtx, origin: string) {
  const rows = await ctx.db.select().from(certificates).where(eq(certificates.holderUserId, ctx.actor.userId)).orderBy(desc(certificates.issuedOn));
  return views(ctx, rows, origin, true);
}

/**
 * Body: certificates it issued; official: certificates of holders in the region (optionally one number).
 * Names are masked for officials (they see the person through the people lookup, audited).
 */
export async function listCertificates(ctx: ActorCtx, q: { number?: string | undefined; status?: CertificateStatus | undefined }, origin: string) {
  const conds: (SQL | undefined)[] = [];
  if (ctx.actor.role === 'evaluator') conds.push(eq(certificates.issuerOrgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000'));
  else conds.push(regionFilter(ctx.actor, certificates.regionCode));
  if (q.number) {
    const checked = checkCertificateNumber(q.number);
    if (!checked.ok) return { items: [], numberCheck: checked.reason };
    conds.push(eq(certificates.number, checked.canonical));
  }
  if (q.status) conds.push(eq(certificates.status, q.status));
  const rows = await ctx.db
    .select()
    .from(certificates)
    .where(and(...conds))
    .orderBy(desc(certificates.createdAt))
    .limit(200);
  return { items: await views(ctx, rows, origin, false), numberCheck: null };
}

/** One certificate for its holder, its issuer, or an official of the holder's region; 404 otherwise. */
export async function loadCertificateFor(ctx: ActorCtx, id: string): Promise<CertificateRow> {
  const [row] = await ctx.db.select().from(certificates).where(eq(certificates.id, id));
  const mayRead =
    row &&
    ((ctx.actor.role === 'talent' && row.holderUserId === ctx.actor.userId) ||
      (ctx.actor.role === 'evaluator' && row.issuerOrgId !== null && row.issuerOrgId === ctx.actor.orgId) ||
      (ctx.actor.role === 'official' && inRegion(ctx.actor, row.regionCode)));
  if (!row || !mayRead) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

export async function getCertificate(ctx: ActorCtx, id: string, origin: string) {
  const row = await loadCertificateFor(ctx, id);
  const [v] = await views(ctx, [row], origin, true);
  return v;
}

export async function revokeCertificate(ctx: ActorCtx, id: string, reason: string | undefined, origin: string) {
  await applyTransition(ctx, certificateBinding(ctx.actor, reason), id, 'revoke', { reason });
  return getCertificate(ctx, id, origin);
}

/** What the profile shows under 已核验证书: valid certificates and verified qualifications. */
export async function verifiedCredentialsOf(db: Db, userId: string) {
  const certs = await db
    .select()
    .from(certificates)
    .where(and(eq(certificates.holderUserId, userId), eq(certificates.status, 'valid')))
    .orderBy(desc(certificates.issuedOn));
  const quals = await db
    .select()
    .from(qualifications)
    .where(and(eq(qualifications.userId, userId), eq(qualifications.status, 'verified')))
    .orderBy(desc(qualifications.issuedOn));
  const [occ, lvl] = await Promise.all([
    occupationNames(db, [...certs.map((c) => c.occupationCode), ...quals.flatMap((q) => (q.occupationCode ? [q.occupationCode] : []))]),
    levelNames(db),
  ]);
  return {
    certificates: certs.map((c) => ({
      id: c.id,
      number: c.number,
      numberDisplay: formatCertificateNumber(c.number),
      occupationCode: c.occupationCode,
      occupationName: occ.get(c.occupationCode) ?? null,
      levelCode: c.levelCode,
      levelName: lvl.get(c.levelCode) ?? null,
      issuerName: c.issuerName,
      issuedOn: c.issuedOn,
      verifyPath: verifyPath(c.number),
    })),
    qualifications: quals.map((q) => ({
      id: q.id,
      kind: q.kind,
      title: q.title,
      level: q.level,
      certificateNo: q.certificateNo,
      authority: q.authority,
      issuedOn: q.issuedOn,
      occupationCode: q.occupationCode,
      occupationName: q.occupationCode ? (occ.get(q.occupationCode) ?? null) : null,
    })),
  };
}
