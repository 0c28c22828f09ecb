/**
 * Verified evidence for matching: a person's valid certificates and verified qualifications, named so the
 * scorer's name matching still works, with the occupation they attest (the scorer counts a verified
 * certificate for the job's occupation as relevant even when its name does not mention a skill).
 */
import { and, eq, gt, inArray, max, type SQL, sql } from 'drizzle-orm';
import { unionAll } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { occupations, skillLevels } from '../catalog/catalog.tables.js';
import { certificates, qualifications } from './certificates.tables.js';

export interface VerifiedEvidence {
  name: string;
  occupationCode: string | null;
}

const QUAL_LEVEL: Record<string, string> = { junior: '初级', intermediate: '中级', senior: '高级' };

/** One row per piece of evidence: a certificate (label = the occupation's name, level = 五级…一级) or a qualification (label = its title). */
function evidenceOf(db: Db, certHolder: SQL | undefined, qualHolder: SQL | undefined) {
  const certs = db
    .select({
      userId: certificates.holderUserId,
      kind: sql<'cert' | 'qual'>`'cert'`.as('kind'),
      occupationCode: sql<string | null>`${certificates.occupationCode}`.as('occupation_code'),
      label: sql<string | null>`${occupations.name}`.as('label'),
      level: sql<string | null>`${skillLevels.nameNumeric}`.as('level'),
    })
    .from(certificates)
    .leftJoin(occupations, eq(occupations.code, certificates.occupationCode))
    .leftJoin(skillLevels, and(eq(skillLevels.scheme, 'five_level'), eq(skillLevels.levelCode, certificates.levelCode)))
    .where(and(eq(certificates.status, 'valid'), certHolder));
  const quals = db
    .select({
      userId: qualifications.userId,
      kind: sql<'cert' | 'qual'>`'qual'`.as('kind'),
      occupationCode: sql<string | null>`${qualifications.occupationCode}`.as('occupation_code'),
      label: sql<string | null>`${qualifications.title}`.as('label'),
      level: sql<string | null>`${qualifications.level}`.as('level'),
    })
    .from(qualifications)
    .where(and(eq(qualifications.status, 'verified'), qualHolder));
  return unionAll(certs, quals);
}

/**
 * Valid certificates and verified qualifications, by holder (all holders when `userIds` is omitted), in
 * one statement (prepared for one holder: a talent's own recommendations read it on every request).
 */
export async function verifiedEvidence(db: Db, userIds?: readonly string[]): Promise<Map<string, VerifiedEvidence[]>> {
  const out = new Map<string, VerifiedEvidence[]>();
  if (userIds && userIds.length === 0) return out;
  const rows =
    userIds?.length === 1
      ? await prepared(db, 'evidence_of_holder', (d, name) =>
          evidenceOf(d, eq(certificates.holderUserId, sql.placeholder('userId')), eq(qualifications.userId, sql.placeholder('userId'))).prepare(name),
        ).execute({ userId: userIds[0] as string })
      : await evidenceOf(
          db,
          userIds ? inArray(certificates.holderUserId, [...userIds]) : undefined,
          userIds ? inArray(qualifications.userId, [...userIds]) : undefined,
        );
  const push = (userId: string, e: VerifiedEvidence) => {
    const list = out.get(userId);
    if (list) list.push(e);
    else out.set(userId, [e]);
  };
  // certificates first, then qualifications (the order the profile shows them)
  for (const c of rows)
    if (c.kind === 'cert')
      push(c.userId, { name: `职业技能等级证书 ${c.label ?? c.occupationCode} ${c.level ?? ''}`.trim(), occupationCode: c.occupationCode });
  for (const q of rows)
    if (q.kind === 'qual') push(q.userId, { name: `专业技术资格 ${q.label}（${QUAL_LEVEL[q.level ?? ''] ?? q.level}）`, occupationCode: q.occupationCode });
  return out;
}

/** Holders whose certificates or qualifications changed after `since` (issued, revoked, verified), and the newest change. */
export async function evidenceChangedSince(db: Db, since: Date): Promise<{ userIds: string[]; markMs: number }> {
  const c = await db.selectDistinct({ id: certificates.holderUserId }).from(certificates).where(gt(certificates.updatedAt, since));
  const q = await db.selectDistinct({ id: qualifications.userId }).from(qualifications).where(gt(qualifications.updatedAt, since));
  return { userIds: [...new Set([...c, ...q].map((r) => r.id))], markMs: Math.max(since.getTime(), await evidenceMarkMs(db)) };
}

/** The newest certificate or qualification change (ms), 0 when there is none. */
export async function evidenceMarkMs(db: Db): Promise<number> {
  const [cm] = await db.select({ m: max(certificates.updatedAt) }).from(certificates);
  const [qm] = await db.select({ m: max(qualifications.updatedAt) }).from(qualifications);
  return Math.max(cm?.m ? new Date(cm.m).getTime() : 0, qm?.m ? new Date(qm.m).getTime() : 0);
}
