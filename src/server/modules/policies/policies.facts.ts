/**
 * Gathers the facts the eligibility engine needs from platform records: the account (常住地, age from
 * the 身份证号 only when the rule names age), self-declared facts (户籍地, 就业地, 失业保险缴费月数,
 * unverified), certificates (H3: validCertificatesOf) with the training-subsidy catalogue in force on
 * the issue date (H1: subsidyStandardFor), completed classes (H2: completedEnrolmentsOf), earlier
 * claims and the organisation. A policy about a certificate or a class is judged per candidate subject.
 */
import { and, count, eq, inArray, notInArray, sql } from 'drizzle-orm';
import { type AmountRule, type FactKey, INACTIVE_CLAIM_STATUSES, type Rule, type SubjectKind } from '../../../shared/policies.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../lib/workdays.js';
import { cityOf } from '../access/region-scope.js';
import { openValue } from '../account/pi.js';
import { users } from '../auth/auth.tables.js';
import { regions } from '../catalog/catalog.tables.js';
import { occupations } from '../catalog/catalog.tables.js';
import { validCertificatesOf } from '../certificates/certificates.issue.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentStations } from '../recognition/recognition.tables.js';
import { subsidyStandardFor } from '../skillcatalog/skillcatalog.lookup.js';
import { completedEnrolmentsOf } from '../training/training.records.js';
import { ventureIncubations, ventureProjects } from '../ventures/ventures.tables.js';
import { type Facts, factsNamed, regionWithin } from './policies.rules.js';
import { type PolicyRow, policyClaims, policyPersonFacts } from './policies.tables.js';

export interface Candidate {
  subjectKind: SubjectKind;
  subjectRef: string;
  occupationCode: string;
  levelCode: string;
  providerOrgId: string | null;
  /** Chinese description of the subject (证书 / 课程). */
  label: string;
  facts: Facts;
  amountFen: number;
  /** Dates the anomaly checks compare (certificate issue, class end). */
  issuedOn?: string;
  classEndsOn?: string;
}

export interface ApplicantFacts {
  kind: 'person' | 'organisation';
  applicantKey: string;
  userId: string | null;
  orgId: string | null;
  base: Facts;
  /** City that handles a claim: the workplace or residence inside the policy's region. */
  handlingRegion: string;
  candidates: Candidate[];
}

/** Ages in whole years on `on` from an 18-digit 身份证号. */
export function ageOn(idNumber: string, on: string): number {
  const birth = idNumber.slice(6, 14);
  const [y, m, d] = [Number(birth.slice(0, 4)), Number(birth.slice(4, 6)), Number(birth.slice(6, 8))];
  const [oy, om, od] = on.split('-').map(Number) as [number, number, number];
  return oy - y - (om < m || (om === m && od < d) ? 1 : 0);
}

export function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

export function applyCap(fen: number, rule: AmountRule): number {
  const v = Math.max(0, Math.floor(fen));
  return rule.capFen !== undefined ? Math.min(v, rule.capFen) : v;
}

/** Claims that count for the one-payment rule (not rejected / withdrawn / dismissed). */
export async function previousClaims(db: Db, policyId: string, applicantKey: string, occupationCode: string, levelCode: string): Promise<number> {
  const [row] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(policyClaims)
    .where(
      and(
        eq(policyClaims.policyId, policyId),
        eq(policyClaims.applicantKey, applicantKey),
        eq(policyClaims.occupationCode, occupationCode),
        eq(policyClaims.levelCode, levelCode),
        notInArray(policyClaims.status, [...INACTIVE_CLAIM_STATUSES]),
      ),
    );
  return row?.n ?? 0;
}

function handlingRegionFor(policyRegion: string, base: Facts, fallback: string): string {
  for (const k of ['workplaceCity', 'residenceCity', 'hukouCity'] as const) {
    const v = base[k];
    if (typeof v === 'string' && regionWithin(policyRegion, v)) return v;
  }
  return fallback;
}

export async function gatherPersonFacts(ctx: Ctx, policy: PolicyRow, userId: string): Promise<ApplicantFacts> {
  const db = ctx.db;
  const named: Set<FactKey> = factsNamed(policy.eligibility as Rule);
  const [user] = await db.select({ regionCode: users.regionCode, idNumberEnc: users.idNumberEnc }).from(users).where(eq(users.id, userId));
  const [declared] = await db.select().from(policyPersonFacts).where(eq(policyPersonFacts.userId, userId));
  const today = chinaDate(ctx.now);
  const residence = user ? cityOf(user.regionCode) : null;
  const base: Facts = {
    residenceCity: residence,
    workplaceCity: declared?.workplaceRegionCode ? cityOf(declared.workplaceRegionCode) : null,
    hukouCity: declared?.hukouRegionCode ? cityOf(declared.hukouRegionCode) : null,
    insuredMonths: declared?.insuredMonths ?? null,
  };
  // age only where the policy's rule asks for it (data minimisation)
  if (named.has('age') && user?.idNumberEnc) {
    const id = openValue(ctx.platform.keys, user.idNumberEnc);
    base.age = id && id.length === 18 ? ageOn(id, today) : null;
  }
  const handlingRegion = handlingRegionFor(policy.regionCode, base, residence ?? policy.regionCode);
  const rule = policy.amountRule as AmountRule;
  const candidates: Candidate[] = [];
  if (policy.subjectKind === 'certificate') {
    for (const c of await validCertificatesOf(db, userId)) {
      const standard = await subsidyStandardFor(db, { occupationCode: c.occupationCode, levelCode: c.levelCode, on: c.issuedOn, regionCode: handlingRegion });
      const amount =
        rule.kind === 'catalogue'
          ? (standard?.subsidyFen ?? 0)
          : rule.kind === 'fixed'
            ? rule.fen
            : rule.kind === 'by_level'
              ? (rule.fenByLevel[c.levelCode] ?? 0)
              : 0;
      candidates.push({
        subjectKind: 'certificate',
        subjectRef: c.id,
        occupationCode: c.occupationCode,
        levelCode: c.levelCode,
        providerOrgId: c.issuerOrgId,
        label: `证书 ${c.number}`,
        issuedOn: c.issuedOn,
        amountFen: applyCap(amount, rule),
        facts: {
          ...base,
          'certificate.occupationCode': c.occupationCode,
          'certificate.levelCode': c.levelCode,
          'certificate.inCatalogue': standard !== null,
          'certificate.ageMonths': monthsBetween(c.issuedOn, today),
          previousClaims: await previousClaims(db, policy.id, userId, c.occupationCode, c.levelCode),
        },
      });
    }
  } else if (policy.subjectKind === 'enrolment') {
    for (const e of await completedEnrolmentsOf(db, userId)) {
      const occ = e.occupationCode ?? '';
      const lvl = e.levelCode ?? '';
      let amount = 0;
      if (rule.kind === 'catalogue') {
        const standard =
          occ && lvl ? await subsidyStandardFor(db, { occupationCode: occ, levelCode: lvl, on: e.classEndsOn, regionCode: handlingRegion }) : null;
        amount = standard?.subsidyFen ?? e.subsidyFen ?? 0;
      } else if (rule.kind === 'fixed') amount = rule.fen;
      else if (rule.kind === 'by_level') amount = rule.fenByLevel[lvl] ?? 0;
      else if (rule.kind === 'fee_share') amount = Math.floor((e.feeFen * rule.perMille) / 1000);
      candidates.push({
        subjectKind: 'enrolment',
        subjectRef: e.enrolmentId,
        occupationCode: occ,
        levelCode: lvl,
        providerOrgId: e.providerOrgId,
        label: `课程 ${e.className}`,
        classEndsOn: e.classEndsOn,
        amountFen: applyCap(amount, rule),
        facts: {
          ...base,
          'course.completed': true,
          'course.subsidised': e.subsidyEligible,
          'course.levelCode': lvl || null,
          previousClaims: await previousClaims(db, policy.id, userId, occ, lvl),
        },
      });
    }
  } else if (policy.subjectKind === 'venture') {
    candidates.push(...(await ventureCandidates(db, policy, { userId }, base, userId)));
  }
  return { kind: 'person', applicantKey: userId, userId, orgId: null, base, handlingRegion, candidates };
}

/**
 * Start-up support (subject `venture`): one candidate per 创业项目 of the applicant that is not archived —
 * a talent's own projects, or an organisation's — with whether it is published, being incubated, its city
 * and stage. One payment per applicant and policy (occupation and level are empty).
 */
async function ventureCandidates(db: Db, policy: PolicyRow, owner: { userId: string } | { orgId: string }, base: Facts, applicantKey: string) {
  const rows = await db
    .select({
      id: ventureProjects.id,
      name: ventureProjects.name,
      status: ventureProjects.status,
      stage: ventureProjects.stage,
      regionCode: ventureProjects.regionCode,
      incubating: sql<boolean>`exists (select 1 from ${ventureIncubations} i where i.project_id = ${ventureProjects.id} and i.status = 'incubating')`,
    })
    .from(ventureProjects)
    .where(
      and(
        'userId' in owner
          ? and(eq(ventureProjects.ownerUserId, owner.userId), sql`${ventureProjects.ownerOrgId} is null`)
          : eq(ventureProjects.ownerOrgId, owner.orgId),
        notInArray(ventureProjects.status, ['archived']),
      ),
    );
  const rule = policy.amountRule as AmountRule;
  const amount = applyCap(rule.kind === 'fixed' ? rule.fen : 0, rule);
  const claims = rows.length ? await previousClaims(db, policy.id, applicantKey, '', '') : 0;
  return rows.map(
    (p): Candidate => ({
      subjectKind: 'venture',
      subjectRef: p.id,
      occupationCode: '',
      levelCode: '',
      providerOrgId: null,
      label: `创业项目 ${p.name}`,
      amountFen: amount,
      facts: {
        ...base,
        'venture.published': p.status === 'published',
        'venture.incubating': Boolean(p.incubating),
        'venture.city': cityOf(p.regionCode),
        'venture.stage': p.stage,
        previousClaims: claims,
      },
    }),
  );
}

export async function gatherOrganisationFacts(ctx: Ctx, policy: PolicyRow, orgId: string): Promise<ApplicantFacts> {
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  const city = org ? cityOf(org.regionCode) : null;
  const [stations] = await ctx.db
    .select({ n: count() })
    .from(talentStations)
    .where(and(eq(talentStations.hostOrgId, orgId), eq(talentStations.status, 'approved'), eq(talentStations.digitalEconomy, true)));
  const base: Facts = {
    'org.kind': org?.kind ?? null,
    'org.verified': org ? org.status === 'verified' : null,
    'org.city': city,
    'org.approvedDigitalStations': stations?.n ?? 0,
  };
  const rule = policy.amountRule as AmountRule;
  const amount = rule.kind === 'fixed' ? rule.fen : 0;
  if (policy.subjectKind === 'venture') {
    const candidates = await ventureCandidates(ctx.db, policy, { orgId }, base, orgId);
    return { kind: 'organisation', applicantKey: orgId, userId: null, orgId, base, handlingRegion: city ?? policy.regionCode, candidates };
  }
  const candidates: Candidate[] = [
    {
      subjectKind: 'organisation',
      subjectRef: orgId,
      occupationCode: '',
      levelCode: '',
      providerOrgId: null,
      label: org?.name ?? '',
      amountFen: applyCap(amount, rule),
      facts: { ...base, previousClaims: await previousClaims(ctx.db, policy.id, orgId, '', '') },
    },
  ];
  return { kind: 'organisation', applicantKey: orgId, userId: null, orgId, base, handlingRegion: city ?? policy.regionCode, candidates };
}

/** Names for region and occupation codes used in explanations. */
export async function nameLookups(db: Db, regionCodes: string[], occupationCodes: string[]) {
  const rs = regionCodes.length
    ? await db
        .select({ code: regions.code, name: regions.name })
        .from(regions)
        .where(inArray(regions.code, [...new Set(regionCodes)]))
    : [];
  const os = occupationCodes.length
    ? await db
        .select({ code: occupations.code, name: occupations.name })
        .from(occupations)
        .where(inArray(occupations.code, [...new Set(occupationCodes)]))
    : [];
  const rm = new Map(rs.map((r) => [r.code, r.name]));
  const om = new Map(os.map((o) => [o.code, o.name]));
  return { regionName: (c: string) => rm.get(c) ?? c, occupationName: (c: string) => om.get(c) };
}
