/**
 * 人岗匹配: jobs for a talent, talents for an employer's job, similar jobs, and skill gaps. Reading
 * recommendations decides nothing, so nothing here is audited; records are re-checked against the
 * database at read time (a profile closed or made private a moment ago never reaches an employer).
 */
import { and, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { Actor, Ctx } from '../../context.js';
import { prepared } from '../../db/prepared.js';
import { users } from '../auth/auth.tables.js';
import { checkOccupationCode } from '../catalog/index.js';
import { verifiedEvidence } from '../certificates/index.js';
import { type JobPostingRow, jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { talentProfiles } from '../profiles/index.js';
import { jobFeatures, type MatchableProfile, talentFeatures } from './matching.features.js';
import { type MatchingEngine, matchableProfileColumns, matchingEngine } from './matching.engine.js';
import type { MatchResult, TalentFeatures } from './matching.score.js';
import { gapList } from './matching.gaps.js';

type ActorCtx = Ctx & { actor: Actor };

const engineOf = (ctx: Ctx): MatchingEngine => matchingEngine(ctx.platform);
const today = (now: Date) => new Date(now.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);

/** The posting columns matching reads (not the description, search tokens or vetting: reading them costs more than the ranking). */
const jobFields = {
  id: jobPostings.id,
  orgId: jobPostings.orgId,
  title: jobPostings.title,
  status: jobPostings.status,
  regionCode: jobPostings.regionCode,
  occupationCode: jobPostings.occupationCode,
  workMode: jobPostings.workMode,
  requiredSkills: jobPostings.requiredSkills,
  preferredSkills: jobPostings.preferredSkills,
  educationCode: jobPostings.educationCode,
  experienceYearsMin: jobPostings.experienceYearsMin,
  salaryMinFen: jobPostings.salaryMinFen,
  salaryMaxFen: jobPostings.salaryMaxFen,
  validFrom: jobPostings.validFrom,
  validUntil: jobPostings.validUntil,
  publishedAt: jobPostings.publishedAt,
  createdAt: jobPostings.createdAt,
};
type JobRow = Pick<JobPostingRow, keyof typeof jobFields>;
const cardFields = {
  id: jobPostings.id,
  title: jobPostings.title,
  status: jobPostings.status,
  regionCode: jobPostings.regionCode,
  occupationCode: jobPostings.occupationCode,
  workMode: jobPostings.workMode,
  educationCode: jobPostings.educationCode,
  experienceYearsMin: jobPostings.experienceYearsMin,
  salaryMinFen: jobPostings.salaryMinFen,
  salaryMaxFen: jobPostings.salaryMaxFen,
  validFrom: jobPostings.validFrom,
  validUntil: jobPostings.validUntil,
  publishedAt: jobPostings.publishedAt,
};
type CardRow = Pick<JobPostingRow, keyof typeof cardFields>;

function isLive(row: Pick<JobPostingRow, 'status' | 'validFrom' | 'validUntil'>, now: Date): boolean {
  const day = today(now);
  return row.status === 'published' && row.validFrom <= day && row.validUntil >= day;
}

function scored(r: MatchResult) {
  return { score: r.score, parts: r.parts, reasons: r.reasons };
}

/** The card fields of the given postings that are still live, with the organisation's name. */
async function jobCards(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return new Map<string, ReturnType<typeof jobCard>>();
  // every recommendation reads this: prepared once (the ids as one array parameter)
  const statement = prepared(ctx.db, 'matching_job_cards', (db, name) =>
    db
      .select({ row: cardFields, orgName: organisations.name })
      .from(jobPostings)
      .innerJoin(organisations, eq(organisations.id, jobPostings.orgId))
      .where(sql`${jobPostings.id} = any(${sql.placeholder('ids')}::uuid[])`)
      .prepare(name),
  );
  const rows = await statement.execute({ ids });
  return new Map(rows.filter((r) => isLive(r.row, ctx.now)).map((r) => [r.row.id, jobCard(r.row, r.orgName)]));
}

function jobCard(row: CardRow, orgName: string) {
  return {
    id: row.id,
    title: row.title,
    orgName,
    regionCode: row.regionCode,
    occupationCode: row.occupationCode,
    salaryMinFen: row.salaryMinFen,
    salaryMaxFen: row.salaryMaxFen,
    educationCode: row.educationCode,
    experienceYearsMin: row.experienceYearsMin,
    workMode: row.workMode,
    publishedAt: row.publishedAt?.toISOString() ?? null,
  };
}

async function jobFeaturesOf(ctx: Ctx, row: JobRow) {
  const { occupationNames } = await engineOf(ctx).snapshot();
  return jobFeatures(row, occupationNames.get(row.occupationCode) ?? null);
}

/** The own profile's columns that matching reads. */
async function ownProfile(ctx: ActorCtx): Promise<MatchableProfile | undefined> {
  const statement = prepared(ctx.db, 'matching_own_profile', (db, name) =>
    db
      .select(matchableProfileColumns)
      .from(talentProfiles)
      .where(eq(talentProfiles.userId, sql.placeholder('userId')))
      .prepare(name),
  );
  const [row] = await statement.execute({ userId: ctx.actor.userId });
  return row;
}

async function findJob(ctx: Ctx, id: string): Promise<JobRow> {
  const [row] = await ctx.db.select(jobFields).from(jobPostings).where(eq(jobPostings.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

/** Talent: the best live jobs for the own profile (any visibility: it is the talent's own). */
export async function jobsForMe(ctx: ActorCtx, limit: number) {
  // (read side by side: the evidence is the actor's whether or not a profile exists)
  const [profile, evidence] = await Promise.all([ownProfile(ctx), verifiedEvidence(ctx.db, [ctx.actor.userId])]);
  if (!profile) return { hasProfile: false, items: [] };
  const verified = evidence.get(profile.userId);
  const ranked = await engineOf(ctx).jobsForTalent(talentFeatures(profile, ctx.now.getTime(), verified), limit);
  const cards = await jobCards(
    ctx,
    ranked.map((r) => r.doc.id),
  );
  const items = ranked.flatMap((r) => {
    const job = cards.get(r.doc.id);
    return job ? [{ job, ...scored(r.result) }] : [];
  });
  return { hasProfile: true, items };
}

/** Employer of the posting's verified organisation (404 for anyone else): the best talents who opened their profile. */
export async function talentsForJob(ctx: ActorCtx, jobId: string, limit: number) {
  // the posting with its organisation's standing, and later the listed accounts: prepared once (every request reads them)
  const jobStatement = prepared(ctx.db, 'matching_job_with_org', (db, name) =>
    db
      .select({ row: jobFields, orgStatus: organisations.status, orgKind: organisations.kind })
      .from(jobPostings)
      .innerJoin(organisations, eq(organisations.id, jobPostings.orgId))
      .where(eq(jobPostings.id, sql.placeholder('id')))
      .prepare(name),
  );
  const [found] = await jobStatement.execute({ id: jobId });
  if (!found || ctx.actor.orgId !== found.row.orgId) throw new AppError('NOT_FOUND', { status: 404 });
  const row = found.row;
  if (found.orgStatus !== 'verified' || found.orgKind !== 'employer')
    throw new AppError('JOBS_ORG_NOT_VERIFIED', { status: 403, params: { reason: 'organisation' } });
  const ranked = await engineOf(ctx).talentsForJob(await jobFeaturesOf(ctx, row), limit);
  const ids = ranked.map((r) => r.doc.id);
  const openStatement = prepared(ctx.db, 'matching_open_talents', (db, name) =>
    db
      .select({ id: users.id, displayName: users.displayName })
      .from(users)
      .innerJoin(talentProfiles, eq(talentProfiles.userId, users.id))
      .where(
        and(sql`${users.id} = any(${sql.placeholder('ids')}::uuid[])`, eq(users.status, 'active'), inArray(talentProfiles.visibility, ['employers', 'public'])),
      )
      .prepare(name),
  );
  const open = ids.length ? await openStatement.execute({ ids }) : [];
  const names = new Map(open.map((u) => [u.id, u.displayName]));
  const items = ranked.flatMap((r) => {
    const name = names.get(r.doc.id);
    return name === undefined ? [] : [{ talent: talentCard(r.doc, name), ...scored(r.result) }];
  });
  return { job: { id: row.id, title: row.title, status: row.status }, items };
}

/** What an employer sees of a recommended talent: the name masked, no contact, no identifiers. */
function talentCard(t: TalentFeatures, displayName: string) {
  return {
    id: t.id,
    displayName: maskName(displayName),
    regionCode: t.regionCode,
    educationRank: t.educationRank,
    experienceYears: Math.floor(t.experienceMonths / 12),
    skills: t.skills.map((s) => s.name),
    desiredOccupations: t.desiredOccupations,
  };
}

/** Anyone: live jobs like a live posting (404 for a posting that is not live). */
export async function similarJobs(ctx: Ctx, jobId: string, limit: number) {
  const row = await findJob(ctx, jobId);
  if (!isLive(row, ctx.now)) throw new AppError('NOT_FOUND', { status: 404 });
  const ranked = await engineOf(ctx).similarJobs(await jobFeaturesOf(ctx, row), limit);
  const cards = await jobCards(
    ctx,
    ranked.map((r) => r.doc.id),
  );
  return {
    items: ranked.flatMap((r) => {
      const job = cards.get(r.doc.id);
      return job ? [{ job, ...scored(r.result) }] : [];
    }),
  };
}

/** Talent: the skills missing for a live job or for an occupation (as its published postings ask), most important first. */
export async function skillGaps(ctx: ActorCtx, q: { jobId?: string | undefined; occupationCode?: string | undefined }) {
  const profile = await ownProfile(ctx);
  const held = profile ? talentFeatures(profile, ctx.now.getTime()).skills : [];
  const snap = await engineOf(ctx).snapshot();
  if (q.jobId) {
    const row = await findJob(ctx, q.jobId);
    if (!isLive(row, ctx.now)) throw new AppError('NOT_FOUND', { status: 404 });
    const gaps = await gapList(ctx, held, jobFeatures(row, snap.occupationNames.get(row.occupationCode) ?? null), snap);
    return { target: { kind: 'job' as const, id: row.id, title: row.title, occupationCode: row.occupationCode }, ...gaps };
  }
  const occupation = await checkOccupationCode(ctx, q.occupationCode ?? '', 'occupationCode');
  const gaps = await gapList(ctx, held, occupation.code, snap);
  return { target: { kind: 'occupation' as const, code: occupation.code, name: occupation.name }, ...gaps };
}
