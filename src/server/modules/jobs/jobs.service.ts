/**
 * 岗位: employers draft, edit and submit postings; officials of the posting's region review them;
 * everyone reads published ones. Every write runs in one transaction with its audit record.
 */
import { and, count, desc, eq, inArray, lt, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type CreateJob, type JobSkill, JobStatus, jobWorkflow, rangeError, type SkillInput, type UpdateJob } from '../../../shared/jobs.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, inRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { checkOccupationCode, getRegion } from '../catalog/index.js';
import { educationLevels } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, workflowHistory } from '../workflow/workflow.service.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { dedupeKey, isDigitalJob, normaliseSkills, postingTokens, vetPosting } from './jobs.derive.js';
import { type JobPostingRow, jobPostings } from './jobs.tables.js';
import { assertOrgVerified, clientEmployerOf, findDuplicate, jobBinding } from './jobs.workflow.js';
import { chinaDate, jobView, publicJobView } from './jobs.views.js';

type ActorCtx = Ctx & { actor: Actor };
type JobInput = Omit<CreateJob, 'requiredSkills' | 'preferredSkills'> & Pick<CreateJob, 'requiredSkills' | 'preferredSkills'>;

async function assertEducation(ctx: Ctx, code: string | null | undefined) {
  if (!code) return;
  const [row] = await ctx.db.select({ code: educationLevels.code }).from(educationLevels).where(eq(educationLevels.code, code));
  if (!row) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'educationCode', code } });
}

/** Validates the catalogue codes and computes every derived column of a posting. */
async function derivedColumns(ctx: Ctx, input: JobInput) {
  const range = rangeError(input);
  if (range) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: range } });
  await getRegion(ctx, input.regionCode, 'regionCode');
  const occupation = await checkOccupationCode(ctx, input.occupationCode);
  if (occupation.level !== 4) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'occupationCode', code: input.occupationCode } });
  await assertEducation(ctx, input.educationCode);
  const requiredSkills = await normaliseSkills(ctx, input.requiredSkills, 'requiredSkills');
  const preferredSkills = await normaliseSkills(ctx, input.preferredSkills, 'preferredSkills');
  return {
    regionCode: input.regionCode,
    title: input.title,
    description: input.description,
    occupationCode: input.occupationCode,
    requiredSkills,
    preferredSkills,
    educationCode: input.educationCode ?? null,
    experienceYearsMin: input.experienceYearsMin,
    salaryMinFen: input.salaryMinFen,
    salaryMaxFen: input.salaryMaxFen,
    headcount: input.headcount,
    workMode: input.workMode,
    validFrom: input.validFrom,
    validUntil: input.validUntil,
    isDigital: isDigitalJob(occupation.isDigital, requiredSkills),
    vetting: vetPosting(input.title, input.description),
    dedupeKey: dedupeKey(input.title, input.occupationCode, input.regionCode),
    searchTokens: postingTokens({ title: input.title, description: input.description, requiredSkills, preferredSkills }, occupation.name),
  };
}

function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** 201: a new draft of the actor's (verified) organisation. */
export async function createJob(ctx: ActorCtx, input: CreateJob) {
  await assertOrgVerified(ctx, ctx.actor.orgId);
  const columns = await derivedColumns(ctx, input);
  return inTransaction(ctx, async (t) => {
    const [row] = await t.db
      .insert(jobPostings)
      .values({
        ...columns,
        clientEmployerName: clientEmployerOf(ctx.actor, input.clientEmployerName),
        orgId: ctx.actor.orgId as string,
        status: jobWorkflow.initial,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning();
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await record(t, { action: 'job.create', objectType: 'job', objectId: row.id, regionCode: row.regionCode, detail: vettingDetail(row) });
    return jobView(row, ctx.actor);
  });
}

function vettingDetail(row: JobPostingRow) {
  return { status: row.status, findings: [...new Set(row.vetting.findings.map((f) => f.category))] };
}

async function lockJob(t: ActorCtx, id: string): Promise<JobPostingRow> {
  const [row] = await t.db.select().from(jobPostings).where(eq(jobPostings.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  return row;
}

const asInput = (skills: JobSkill[]): SkillInput[] =>
  skills.map((s) => ({ ...(s.skillId ? { skillId: s.skillId } : { name: s.name }), ...(s.level ? { level: s.level } : {}) }));

function storedInput(row: JobPostingRow): JobInput {
  return {
    ...row,
    workMode: row.workMode as JobInput['workMode'],
    requiredSkills: asInput(row.requiredSkills),
    preferredSkills: asInput(row.preferredSkills),
  };
}

/** Edits a draft or returned posting of the actor's organisation; derived columns are recomputed. */
export async function updateJob(ctx: ActorCtx, id: string, patch: UpdateJob) {
  await assertOrgVerified(ctx, ctx.actor.orgId);
  return inTransaction(ctx, async (t) => {
    const row = await lockJob(t, id);
    if (row.orgId !== ctx.actor.orgId) throw new AppError('NOT_FOUND', { status: 404 });
    if (row.status !== JobStatus.enum.draft && row.status !== JobStatus.enum.returned) {
      throw new AppError('JOBS_NOT_EDITABLE', { status: 409, params: { status: row.status } });
    }
    const defined = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined)) as UpdateJob;
    const merged: JobInput = { ...storedInput(row), ...defined };
    const columns = await derivedColumns(t, merged);
    const [updated] = await t.db
      .update(jobPostings)
      .set({ ...columns, clientEmployerName: clientEmployerOf(ctx.actor, merged.clientEmployerName), updatedAt: ctx.now })
      .where(eq(jobPostings.id, id))
      .returning();
    if (!updated) throw new AppError('NOT_FOUND', { status: 404 });
    await record(t, {
      action: 'job.update',
      objectType: 'job',
      objectId: id,
      regionCode: updated.regionCode,
      detail: { fields: Object.keys(defined), ...vettingDetail(updated) },
    });
    return jobView(updated, ctx.actor);
  });
}

export interface TransitionBody {
  reason?: string | undefined;
  confirmNotDuplicate?: boolean | undefined;
}

/** submit / approve / return / close through the workflow engine; submit answers `duplicateOf` when confirmed. */
export async function transitionJob(ctx: ActorCtx, id: string, action: string, body: TransitionBody) {
  const row = await applyTransition(ctx, jobBinding({ action, ...body }), id, action, { reason: body.reason });
  const duplicateOf = action === 'submit' ? await findDuplicate(ctx, row) : null;
  return { ...jobView(row, ctx.actor), duplicateOf };
}

function canSeeUnpublished(actor: Actor | null, row: JobPostingRow): boolean {
  if (!actor) return false;
  if (actor.role === 'official' || actor.role === 'admin') return inRegion(actor, row.regionCode);
  return (actor.role === 'employer' || actor.role === 'agency') && actor.orgId === row.orgId;
}

function isLive(row: JobPostingRow, today: string): boolean {
  return row.status === JobStatus.enum.published && row.validFrom <= today && row.validUntil >= today;
}

/**
 * A live posting is public. Anything else only its employer and officials of its region see;
 * everyone else gets 404 (a region denial is audited).
 */
export async function getJob(ctx: Ctx, id: string) {
  const [found] = await ctx.db
    .select({ row: jobPostings, orgName: organisations.name })
    .from(jobPostings)
    .innerJoin(organisations, eq(organisations.id, jobPostings.orgId))
    .where(eq(jobPostings.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  const { row, orgName } = found;
  if (canSeeUnpublished(ctx.actor, row)) {
    return { ...jobView(row, ctx.actor, orgName), history: await workflowHistory(ctx, jobWorkflow.name, id) };
  }
  if (isLive(row, chinaDate(ctx.now))) return publicJobView(row, orgName);
  if (ctx.actor?.role === 'official') assertInRegion(ctx.actor, row.regionCode);
  throw new AppError('NOT_FOUND', { status: 404 });
}

export interface ListQuery {
  status?: JobStatus | undefined;
  page: number;
  pageSize: number;
}

async function listWhere(ctx: ActorCtx, where: SQL | undefined, q: ListQuery) {
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(jobPostings)
      .where(where)
      .orderBy(desc(jobPostings.updatedAt), jobPostings.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(jobPostings).where(where),
  ]);
  const orgIds = [...new Set(rows.map((r) => r.orgId))];
  const orgs = orgIds.length
    ? await ctx.db.select({ id: organisations.id, name: organisations.name }).from(organisations).where(inArray(organisations.id, orgIds))
    : [];
  const orgName = new Map(orgs.map((o) => [o.id, o.name]));
  return { items: rows.map((r) => jobView(r, ctx.actor, orgName.get(r.orgId) ?? null)), total: total?.n ?? 0 };
}

/** The actor's organisation's postings, every status, newest change first. */
export async function listOwnJobs(ctx: ActorCtx, q: ListQuery) {
  const own = eq(jobPostings.orgId, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000');
  return listWhere(ctx, and(own, q.status ? eq(jobPostings.status, q.status) : undefined), q);
}

/** Officials: postings of their region (default: waiting for review), with the vetting findings. */
export async function listReviewJobs(ctx: ActorCtx, q: ListQuery) {
  const status = q.status ?? JobStatus.enum.pending_review;
  return listWhere(ctx, and(regionFilter(ctx.actor, jobPostings.regionCode), eq(jobPostings.status, status)), q);
}

/**
 * published → expired for postings whose valid_until has passed (China date). Search and reads already
 * hide them; this keeps statuses honest. The system takes this step (no role may), so it writes the
 * status, one workflow event per posting and one audit record in a single transaction itself.
 */
export async function expireJobs(ctx: Ctx): Promise<number> {
  const today = chinaDate(ctx.now);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    const rows = await t.db
      .update(jobPostings)
      .set({ status: JobStatus.enum.expired, updatedAt: ctx.now })
      .where(and(eq(jobPostings.status, JobStatus.enum.published), lt(jobPostings.validUntil, today)))
      .returning({ id: jobPostings.id });
    if (rows.length === 0) return 0;
    await t.db.insert(workflowEvents).values(
      rows.map((r) => ({
        workflow: jobWorkflow.name,
        entityId: r.id,
        action: 'expire',
        fromState: JobStatus.enum.published,
        toState: JobStatus.enum.expired,
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      })),
    );
    await record(t, { action: 'job.expire', objectType: 'job', detail: { count: rows.length, ids: rows.slice(0, 100).map((r) => r.id) } });
    return rows.length;
  });
}
