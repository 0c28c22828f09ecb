/**
 * Verified evidence for matching: a person's valid certificates and verified qualifications, named so the
 * scorer's name matching still works, with the occupation they attest (the scorer counts a verified
 * certificate for the job's occupation as relevant even when its name does not mention a skill).
 */
import { and, eq, gt, inArray, max, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { prepared } from '../../db/prepared.js';
import { occupations, skillLevels } from '../catalog/catalog.tables.js';
import { certificates, qualifications } from './certificates.tables.js';

export interface VerifiedEvidence {
  name: string;
  occupationCode: string | null;
}

const QUAL_LEVEL: Record<string, string> = { junior: '初级', intermediate: '中级', senior: '高级' };

const certColumns = {
  userId: certificates.holderUserId,
  occupationCode: certificates.occupationCode,
  occupationName: occupations.name,
  level: skillLevels.nameNumeric,
};
const qualColumns = { userId: qualifications.userId, title: qualifications.title, level: qualifications.level, occupationCode: qualifications.occupationCode };

function certsOf(db: Db, where: SQL | undefined) {
  return db
    .select(certColumns)
    .from(certificates)
    .leftJoin(occupations, eq(occupations.code, certificates.occupationCode))
    .leftJoin(skillLevels, and(eq(skillLevels.scheme, 'five_level'), eq(skillLevels.levelCode, certificates.levelCode)))
    .where(and(eq(certificates.status, 'valid'), where));
}
const qualsOf = (db: Db, where: SQL | undefined) =>
  db
    .select(qualColumns)
    .from(qualifications)
    .where(and(eq(qualifications.status, 'verified'), where));

/** Valid certificates and verified qualifications, by holder (all holders when `userIds` is omitted; one holder's by prepared statements). */
export async function verifiedEvidence(db: Db, userIds?: readonly string[]): Promise<Map<string, VerifiedEvidence[]>> {
  const out = new Map<string, VerifiedEvidence[]>();
  if (userIds && userIds.length === 0) return out;
  let certs: Awaited<ReturnType<typeof certsOf>>;
  let quals: Awaited<ReturnType<typeof qualsOf>>;
  if (userIds?.length === 1) {
    const one = { userId: userIds[0] as string };
    certs = await prepared(db, 'evidence_certs_of', (d, name) => certsOf(d, eq(certificates.holderUserId, sql.placeholder('userId'))).prepare(name)).execute(
      one,
    );
    quals = await prepared(db, 'evidence_quals_of', (d, name) => qualsOf(d, eq(qualifications.userId, sql.placeholder('userId'))).prepare(name)).execute(one);
  } else {
    certs = await certsOf(db, userIds ? inArray(certificates.holderUserId, [...userIds]) : undefined);
    quals = await qualsOf(db, userIds ? inArray(qualifications.userId, [...userIds]) : undefined);
  }
  const push = (userId: string, e: VerifiedEvidence) => {
    const list = out.get(userId);
    if (list) list.push(e);
    else out.set(userId, [e]);
  };
  for (const c of certs)
    push(c.userId, { name: `职业技能等级证书 ${c.occupationName ?? c.occupationCode} ${c.level ?? ''}`.trim(), occupationCode: c.occupationCode });
  for (const q of quals) push(q.userId, { name: `专业技术资格 ${q.title}（${QUAL_LEVEL[q.level] ?? q.level}）`, occupationCode: q.occupationCode });
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
