/**
 * Anomaly checks, run when a claim is submitted (or confirmed, or resubmitted). Any flag puts the claim
 * `on_hold` for a person to look at; each flag carries the numbers that explain it. Thresholds are
 * constants here (documented in docs/policies.md terms: they are screening rules, not decisions).
 */
import { and, eq, gte, inArray, ne, sql } from 'drizzle-orm';
import type { AnomalyFlag } from '../../../shared/policies.js';
import type { Ctx } from '../../context.js';
import { cityOf } from '../access/region-scope.js';
import { validCertificatesOf } from '../certificates/certificates.issue.js';
import { completedEnrolmentsOf } from '../training/training.records.js';
import { trainingClasses, trainingEnrolments } from '../training/training.tables.js';
import { type PolicyClaimRow, policyClaims } from './policies.tables.js';

export const ANOMALY_THRESHOLDS = {
  /** Claims naming one provider (training or evaluation body) within 24 hours. */
  providerBurst: { count: 30, hours: 24 },
  /** Claims submitted from one network address within one hour, by different applicants. */
  addressBurst: { count: 10, hours: 1 },
  /** A provider's completion rate this far above the mean of its city's peers (and enough outcomes). */
  completion: { margin: 0.25, minOutcomes: 20, minPeers: 2 },
} as const;

export async function anomalyFlags(ctx: Ctx, claim: PolicyClaimRow): Promise<AnomalyFlag[]> {
  const db = ctx.db;
  const flags: AnomalyFlag[] = [];
  if (claim.payeeAccountBidx) {
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${policyClaims.applicantKey})::int` })
      .from(policyClaims)
      .where(and(eq(policyClaims.payeeAccountBidx, claim.payeeAccountBidx), ne(policyClaims.applicantKey, claim.applicantKey)));
    if ((row?.n ?? 0) > 0) flags.push({ code: 'shared_payee', params: { others: row?.n ?? 0 } });
  }
  if (claim.providerOrgId) {
    const since = new Date(ctx.now.getTime() - ANOMALY_THRESHOLDS.providerBurst.hours * 3_600_000);
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(policyClaims)
      .where(and(eq(policyClaims.providerOrgId, claim.providerOrgId), gte(policyClaims.submittedAt, since)));
    const n = row?.n ?? 0;
    if (n >= ANOMALY_THRESHOLDS.providerBurst.count)
      flags.push({ code: 'provider_burst', params: { count: n, hours: ANOMALY_THRESHOLDS.providerBurst.hours } });
  }
  if (claim.submitIp) {
    const since = new Date(ctx.now.getTime() - ANOMALY_THRESHOLDS.addressBurst.hours * 3_600_000);
    const [row] = await db
      .select({ n: sql<number>`count(distinct ${policyClaims.applicantKey})::int` })
      .from(policyClaims)
      .where(and(eq(policyClaims.submitIp, claim.submitIp), gte(policyClaims.submittedAt, since)));
    const n = row?.n ?? 0;
    if (n >= ANOMALY_THRESHOLDS.addressBurst.count) flags.push({ code: 'address_burst', params: { count: n, hours: ANOMALY_THRESHOLDS.addressBurst.hours } });
  }
  if (claim.applicantUserId && claim.occupationCode && (claim.subjectKind === 'certificate' || claim.subjectKind === 'enrolment')) {
    const certs = (await validCertificatesOf(db, claim.applicantUserId)).filter((c) => c.occupationCode === claim.occupationCode);
    const classes = (await completedEnrolmentsOf(db, claim.applicantUserId)).filter((e) => e.occupationCode === claim.occupationCode);
    const relevantCerts = claim.subjectKind === 'certificate' ? certs.filter((c) => c.id === claim.subjectRef) : certs;
    const relevantClasses = claim.subjectKind === 'enrolment' ? classes.filter((e) => e.enrolmentId === claim.subjectRef) : classes;
    for (const c of relevantCerts) {
      const early = relevantClasses.find((e) => e.classEndsOn > c.issuedOn && (!e.levelCode || e.levelCode === c.levelCode));
      if (early) {
        flags.push({ code: 'certificate_before_course_end', params: { certificateNumber: c.number, issuedOn: c.issuedOn, classEndsOn: early.classEndsOn } });
        break;
      }
    }
  }
  if (claim.providerOrgId) {
    const flag = await completionOutlier(ctx, claim.providerOrgId);
    if (flag) flags.push(flag);
  }
  return flags;
}

/** The provider's completion rate (completed among completed + not completed) against its city's other providers. */
async function completionOutlier(ctx: Ctx, providerOrgId: string): Promise<AnomalyFlag | null> {
  const { margin, minOutcomes, minPeers } = ANOMALY_THRESHOLDS.completion;
  const [own] = await ctx.db
    .select({ region: trainingClasses.regionCode })
    .from(trainingClasses)
    .where(eq(trainingClasses.providerOrgId, providerOrgId))
    .limit(1);
  if (!own) return null;
  const city = cityOf(own.region) ?? own.region;
  const rows = await ctx.db
    .select({
      provider: trainingClasses.providerOrgId,
      completed: sql<number>`count(*) filter (where ${trainingEnrolments.status} = 'completed')::int`,
      outcomes: sql<number>`count(*)::int`,
    })
    .from(trainingEnrolments)
    .innerJoin(trainingClasses, eq(trainingClasses.id, trainingEnrolments.classId))
    .where(and(inArray(trainingEnrolments.status, ['completed', 'not_completed']), sql`${trainingClasses.regionCode} like ${`${city.slice(0, 4)}%`}`))
    .groupBy(trainingClasses.providerOrgId);
  const mine = rows.find((r) => r.provider === providerOrgId);
  const peers = rows.filter((r) => r.provider !== providerOrgId && r.outcomes >= minOutcomes);
  if (!mine || mine.outcomes < minOutcomes || peers.length < minPeers) return null;
  const rate = mine.completed / mine.outcomes;
  const peerRate = peers.reduce((s, p) => s + p.completed / p.outcomes, 0) / peers.length;
  if (rate - peerRate < margin) return null;
  return {
    code: 'provider_completion_outlier',
    params: { ratePct: Math.round(rate * 100), peerPct: Math.round(peerRate * 100), outcomes: mine.outcomes, peers: peers.length },
  };
}
