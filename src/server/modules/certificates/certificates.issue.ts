/**
 * Issuing a certificate (contract H3): inside the caller's transaction, checks the issuer (its evaluation
 * accreditation for the occupation and level on the issue date, unless an official issues a contest
 * certificate), draws a number with a check character, signs the canonical content (HMAC-SM3,
 * certificates.signature.ts), stores the row and audits `certificate.issue`. Idempotent on
 * (source, sourceRef): issuing the same thing twice returns the first certificate.
 */
import { randomInt } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { CERT_ALPHABET, certificateNumber } from '../../../shared/certificates.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { occupations, regions, skillLevels } from '../catalog/catalog.tables.js';
import { recordMetric } from '../dashboard/dashboard.metrics.js';
import { organisations } from '../organisations/organisations.tables.js';
import { assertAccredited } from '../providers/providers.accreditation.js';
import { certificates } from './certificates.tables.js';
import { signCertificate } from './certificates.signature.js';

export type CertificateSource = 'evaluation' | 'contest' | 'import';

export interface IssueInput {
  holderUserId: string;
  occupationCode: string;
  levelCode: string;
  issuerOrgId: string | null;
  source: CertificateSource;
  sourceRef: string;
  issuedOn: string;
}

function serial(): string {
  let s = '';
  for (let i = 0; i < 8; i++) s += CERT_ALPHABET[randomInt(CERT_ALPHABET.length)];
  return s;
}

async function issuerName(ctx: Ctx & { actor: Actor }, input: IssueInput): Promise<string> {
  if (input.issuerOrgId) {
    const [org] = await ctx.db
      .select({ name: organisations.name, kind: organisations.kind, status: organisations.status })
      .from(organisations)
      .where(eq(organisations.id, input.issuerOrgId));
    if (!org) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'issuerOrgId' } });
    if (ctx.actor.role !== 'official' && ctx.actor.orgId !== input.issuerOrgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'issuer' } });
    if (org.status !== 'verified') throw new AppError('CERTIFICATES_ISSUER_NOT_VERIFIED', { status: 409 });
    return org.name;
  }
  if (input.source !== 'contest' || ctx.actor.role !== 'official') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'issuer' } });
  const [region] = await ctx.db.select({ name: regions.name, level: regions.level }).from(regions).where(eq(regions.code, ctx.actor.regionCode));
  return region?.level === 'province' ? `${region.name}人力资源和社会保障厅` : `${region?.name ?? ''}人力资源和社会保障局`;
}

export async function issueCertificate(ctx: Ctx & { actor: Actor }, input: IssueInput): Promise<{ id: string; number: string }> {
  const db = ctx.db;
  const [existing] = await db
    .select({ id: certificates.id, number: certificates.number })
    .from(certificates)
    .where(and(eq(certificates.source, input.source), eq(certificates.sourceRef, input.sourceRef)));
  if (existing) return existing;

  const [holder] = await db
    .select({ name: users.displayName, regionCode: users.regionCode, role: users.role, status: users.status })
    .from(users)
    .where(eq(users.id, input.holderUserId));
  if (holder?.role !== 'talent' || holder.status !== 'active') throw new AppError('NOT_FOUND', { status: 404, params: { field: 'holderUserId' } });
  const [occ] = await db
    .select({ code: occupations.code, digital: occupations.isDigital })
    .from(occupations)
    .where(and(eq(occupations.code, input.occupationCode), eq(occupations.level, 4)));
  const [lvl] = await db
    .select({ code: skillLevels.levelCode })
    .from(skillLevels)
    .where(and(eq(skillLevels.scheme, 'five_level'), eq(skillLevels.levelCode, input.levelCode)));
  if (!occ || !lvl) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: occ ? 'levelCode' : 'occupationCode' } });

  const issuer = await issuerName(ctx, input);
  if (!(input.source === 'contest' && ctx.actor.role === 'official')) {
    if (!input.issuerOrgId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'issuer' } });
    await assertAccredited(db as Db, {
      organisationId: input.issuerOrgId,
      purpose: 'evaluation',
      occupationCode: input.occupationCode,
      levelCode: input.levelCode,
      on: input.issuedOn,
    });
  }

  const content = {
    holderUserId: input.holderUserId,
    holderName: holder.name,
    occupationCode: input.occupationCode,
    levelCode: input.levelCode,
    issuerOrgId: input.issuerOrgId,
    issuerName: issuer,
    issuedOn: input.issuedOn,
    source: input.source,
    sourceRef: input.sourceRef,
  };
  const year = Number(input.issuedOn.slice(0, 4));
  for (let attempt = 0; attempt < 5; attempt++) {
    const number = certificateNumber(year, serial());
    const [row] = await db
      .insert(certificates)
      .values({
        ...content,
        number,
        regionCode: holder.regionCode,
        status: 'valid',
        signature: signCertificate(ctx.platform.keys, { ...content, number }),
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning({ id: certificates.id, number: certificates.number });
    if (!row) {
      // the same (source, sourceRef) issued concurrently, or a number drawn twice (40 bits): look, then redraw
      const [again] = await db
        .select({ id: certificates.id, number: certificates.number })
        .from(certificates)
        .where(and(eq(certificates.source, input.source), eq(certificates.sourceRef, input.sourceRef)));
      if (again) return again;
      continue;
    }
    await record(ctx, {
      action: 'certificate.issue',
      objectType: 'certificate',
      objectId: row.id,
      regionCode: holder.regionCode,
      detail: { number, occupationCode: input.occupationCode, levelCode: input.levelCode, source: input.source, sourceRef: input.sourceRef },
    });
    await recordMetric(db as Db, {
      metric: 'certificate.issued',
      subjectId: row.id,
      regionCode: holder.regionCode,
      occurredAt: ctx.now,
      occupationCode: input.occupationCode,
      dimension: input.levelCode,
      digital: occ.digital,
    });
    return row;
  }
  throw new AppError('INTERNAL', { status: 500 });
}

export interface ValidCertificate {
  id: string;
  number: string;
  occupationCode: string;
  levelCode: string;
  issuedOn: string;
  issuerOrgId: string | null;
  source: CertificateSource;
  sourceRef: string;
}

/** The person's certificates in status valid, oldest first. */
export async function validCertificatesOf(db: Db, userId: string): Promise<ValidCertificate[]> {
  const rows = await db
    .select({
      id: certificates.id,
      number: certificates.number,
      occupationCode: certificates.occupationCode,
      levelCode: certificates.levelCode,
      issuedOn: certificates.issuedOn,
      issuerOrgId: certificates.issuerOrgId,
      source: certificates.source,
      sourceRef: certificates.sourceRef,
    })
    .from(certificates)
    .where(and(eq(certificates.holderUserId, userId), eq(certificates.status, 'valid')))
    .orderBy(certificates.issuedOn, certificates.createdAt);
  return rows.map((r) => ({ ...r, source: r.source as CertificateSource }));
}
