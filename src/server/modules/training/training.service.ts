/**
 * 培训班: accredited providers create and run classes; anyone reads published ones.
 * Every write runs in one transaction with its audit record; status changes go through applyTransition.
 */
import { and, asc, count, desc, eq, gt, ilike, inArray, type SQL, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import {
  type ClassListQuery,
  classWorkflow,
  CreateClass,
  type ManageClassQuery,
  PUBLIC_CLASS_STATUSES,
  type TransitionBody,
  type UpdateClass,
} from '../../../shared/training.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { regionPrefix } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { occupations, regions, skills } from '../catalog/catalog.tables.js';
import { checkOccupationCode, getRegion } from '../catalog/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { subsidyStandardFor } from '../skillcatalog/skillcatalog.lookup.js';
import { applyTransition } from '../workflow/workflow.service.js';
import { myEnrolment } from './training.mine.js';
import { type TrainingClassRow, trainingClasses, trainingEnrolments, trainingSessions } from './training.tables.js';
import { type ClassCounts, chinaDay, classView, managesClass, ZERO_COUNTS } from './training.views.js';
import { classBinding } from './training.workflow.js';

type ActorCtx = Ctx & { actor: Actor };

export function inTransaction<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

/** Enrolment counts per class and status. */
export async function classCounts(ctx: Ctx, ids: string[]): Promise<Map<string, ClassCounts>> {
  const out = new Map<string, ClassCounts>();
  for (const id of ids) out.set(id, { ...ZERO_COUNTS });
  if (ids.length === 0) return out;
  const rows = await ctx.db
    .select({ classId: trainingEnrolments.classId, status: trainingEnrolments.status, n: count() })
    .from(trainingEnrolments)
    .where(inArray(trainingEnrolments.classId, ids))
    .groupBy(trainingEnrolments.classId, trainingEnrolments.status);
  for (const r of rows) {
    const c = out.get(r.classId);
    if (!c) continue;
    if (r.status === 'enrolled') c.enrolled = r.n;
    else if (r.status === 'waitlisted') c.waitlisted = r.n;
    else if (r.status === 'offered') c.offered = r.n;
    else if (r.status === 'completed') c.completed = r.n;
    else if (r.status === 'not_completed') c.notCompleted = r.n;
  }
  return out;
}

const selection = {
  row: trainingClasses,
  regionName: regions.name,
  providerName: organisations.name,
  occupationName: occupations.name,
};

function baseQuery(ctx: Ctx) {
  return ctx.db
    .select(selection)
    .from(trainingClasses)
    .leftJoin(regions, eq(regions.code, trainingClasses.regionCode))
    .leftJoin(organisations, eq(organisations.id, trainingClasses.providerOrgId))
    .leftJoin(occupations, eq(occupations.code, trainingClasses.occupationCode));
}

type Joined = { row: TrainingClassRow; regionName: string | null; providerName: string | null; occupationName: string | null };

async function viewsOf(ctx: Ctx, rows: Joined[]) {
  const counts = await classCounts(
    ctx,
    rows.map((r) => r.row.id),
  );
  return rows.map((r) => classView(r.row, { ...r, counts: counts.get(r.row.id) ?? { ...ZERO_COUNTS } }, ctx.actor, ctx.now));
}

function listConditions(q: ClassListQuery, now: Date): (SQL | undefined)[] {
  return [
    q.programmeType ? eq(trainingClasses.programmeType, q.programmeType) : undefined,
    q.occupationCode ? eq(trainingClasses.occupationCode, q.occupationCode) : undefined,
    q.city ? sql`${trainingClasses.regionCode} like ${`${regionPrefix(q.city)}%`}` : undefined,
    q.subsidised ? eq(trainingClasses.subsidyEligible, true) : undefined,
    q.open ? and(eq(trainingClasses.status, 'published'), gt(trainingClasses.endsAt, now)) : undefined,
    q.q ? ilike(trainingClasses.name, `%${q.q.replace(/[%_\\]/g, (c) => `\\${c}`)}%`) : undefined,
  ];
}

async function listWhere(ctx: Ctx, where: SQL | undefined, page: number, pageSize: number, order: SQL[]) {
  const [rows, [total]] = await Promise.all([
    baseQuery(ctx)
      .where(where)
      .orderBy(...order)
      .limit(pageSize)
      .offset((page - 1) * pageSize),
    ctx.db.select({ n: count() }).from(trainingClasses).where(where),
  ]);
  return { items: await viewsOf(ctx, rows), total: total?.n ?? 0, page, pageSize };
}

/** Public search: published, closed and finished classes; classes still open first, soonest start first. */
export async function listPublicClasses(ctx: Ctx, q: ClassListQuery) {
  const where = and(inArray(trainingClasses.status, [...PUBLIC_CLASS_STATUSES]), ...listConditions(q, ctx.now));
  const openFirst = sql`case when ${trainingClasses.status} = 'published' and ${trainingClasses.endsAt} > ${ctx.now.toISOString()} then 0 else 1 end`;
  return listWhere(ctx, where, q.page, q.pageSize, [openFirst, asc(trainingClasses.startsAt), asc(trainingClasses.id)]);
}

/** Provider: the organisation's own classes, any status, newest start first. */
export async function listManagedClasses(ctx: ActorCtx, q: ManageClassQuery) {
  if (!ctx.actor.orgId) throw new AppError('FORBIDDEN', { status: 403 });
  const where = and(eq(trainingClasses.providerOrgId, ctx.actor.orgId), q.status ? eq(trainingClasses.status, q.status) : undefined);
  return listWhere(ctx, where, q.page, q.pageSize, [desc(trainingClasses.startsAt), asc(trainingClasses.id)]);
}

export async function sessionsOf(ctx: Ctx, classId: string) {
  return ctx.db.select().from(trainingSessions).where(eq(trainingSessions.classId, classId)).orderBy(asc(trainingSessions.seq));
}

/** Public classes to anyone; drafts and cancelled ones only to the owning provider (404 otherwise). */
export async function getClass(ctx: Ctx, id: string) {
  const [found] = await baseQuery(ctx).where(eq(trainingClasses.id, id));
  if (!found) throw new AppError('NOT_FOUND', { status: 404 });
  const manages = managesClass(ctx.actor, found.row);
  const isPublic = (PUBLIC_CLASS_STATUSES as readonly string[]).includes(found.row.status);
  if (!isPublic && !manages) throw new AppError('NOT_FOUND', { status: 404 });
  const counts = (await classCounts(ctx, [id])).get(id) ?? { ...ZERO_COUNTS };
  const sessions = await sessionsOf(ctx, id);
  const skillRows = found.row.skillIds.length
    ? await ctx.db.select({ id: skills.id, nameZh: skills.nameZh }).from(skills).where(inArray(skills.id, found.row.skillIds))
    : [];
  return {
    ...classView(found.row, { ...found, counts, sessions }, ctx.actor, ctx.now),
    skills: skillRows,
    myEnrolment: ctx.actor?.role === 'talent' ? await myEnrolment(ctx as ActorCtx, id) : null,
  };
}

/** The provider organisation must be verified to run classes. */
async function assertProvider(ctx: ActorCtx) {
  if (!ctx.actor.orgId) throw new AppError('FORBIDDEN', { status: 403 });
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, ctx.actor.orgId));
  if (org?.kind !== 'provider' || org.status !== 'verified') throw new AppError('TRAINING_ORG_NOT_VERIFIED', { status: 403 });
  return org;
}

async function assertSkills(ctx: Ctx, ids: string[]) {
  if (ids.length === 0) return;
  const found = await ctx.db.select({ id: skills.id }).from(skills).where(inArray(skills.id, ids));
  const known = new Set(found.map((r) => r.id));
  const unknown = ids.find((s) => !known.has(s));
  if (unknown) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'skillIds', code: unknown } });
}

/** Columns derived from the input: schedule bounds, the digital flag and the subsidy standard in force on the start date. */
export async function classFields(ctx: Ctx, input: CreateClass) {
  await getRegion(ctx, input.regionCode);
  await assertSkills(ctx, input.skillIds);
  const occupation = input.occupationCode ? await checkOccupationCode(ctx, input.occupationCode) : null;
  const sessions = [...input.sessions].sort((a, b) => Date.parse(a.startsAt) - Date.parse(b.startsAt));
  const first = sessions[0];
  const last = sessions.reduce((a, s) => (Date.parse(s.endsAt) > Date.parse(a.endsAt) ? s : a), sessions[0] as (typeof sessions)[number]);
  const lastStart = sessions[sessions.length - 1];
  if (!first || !lastStart) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['sessions'] } });
  const startsAt = new Date(first.startsAt);
  const startsOn = chinaDay(startsAt);
  const entry =
    input.occupationCode && input.levelCode
      ? await subsidyStandardFor(ctx.db, { occupationCode: input.occupationCode, levelCode: input.levelCode, on: startsOn, regionCode: input.regionCode })
      : null;
  return {
    sessions,
    values: {
      name: input.name,
      programmeType: input.programmeType,
      engineerGrade: input.programmeType === 'digital_engineer' ? (input.engineerGrade ?? null) : null,
      occupationCode: input.occupationCode ?? null,
      levelCode: input.occupationCode ? (input.levelCode ?? null) : null,
      digital: occupation?.isDigital ?? false,
      skillIds: [...new Set(input.skillIds)],
      capacity: input.capacity,
      mode: input.mode,
      venue: input.mode === 'offline' ? input.venue?.trim() || null : null,
      onlineUrl: input.mode === 'online' ? (input.onlineUrl ?? null) : null,
      regionCode: input.regionCode,
      feeFen: input.feeFen,
      subsidyEligible: entry !== null && entry.subsidyFen !== null,
      subsidyFen: entry?.subsidyFen ?? null,
      subsidyCatalogueVersionId: entry?.versionId ?? null,
      subsidyCatalogueLabel: entry?.versionLabel ?? null,
      hasExam: input.hasExam,
      attendanceThreshold: input.attendanceThreshold,
      description: input.description,
      startsOn,
      endsOn: chinaDay(new Date(last.endsAt)),
      startsAt,
      endsAt: new Date(last.endsAt),
      lastSessionStartsAt: new Date(lastStart.startsAt),
    },
  };
}

export async function writeSessions(ctx: Ctx, classId: string, sessions: CreateClass['sessions']) {
  await ctx.db.delete(trainingSessions).where(eq(trainingSessions.classId, classId));
  await ctx.db
    .insert(trainingSessions)
    .values(sessions.map((s, i) => ({ classId, seq: i + 1, startsAt: new Date(s.startsAt), endsAt: new Date(s.endsAt), topic: s.topic })));
}

/** Provider: a new draft. 201; 400 VALIDATION_FAILED / CATALOG_UNKNOWN_CODE; 403 TRAINING_ORG_NOT_VERIFIED. */
export async function createClass(ctx: ActorCtx, input: CreateClass) {
  const org = await assertProvider(ctx);
  const id = await inTransaction(ctx, async (t) => {
    const { sessions, values } = await classFields(t, input);
    const [row] = await t.db
      .insert(trainingClasses)
      .values({ ...values, providerOrgId: org.id, status: classWorkflow.initial, createdBy: ctx.actor.userId, createdAt: ctx.now, updatedAt: ctx.now })
      .returning({ id: trainingClasses.id });
    if (!row) throw new AppError('INTERNAL', { status: 500 });
    await writeSessions(t, row.id, sessions);
    await record(t, {
      action: 'training_class.create',
      objectType: 'training_class',
      objectId: row.id,
      regionCode: values.regionCode,
      detail: { programmeType: values.programmeType, occupationCode: values.occupationCode, levelCode: values.levelCode, subsidyFen: values.subsidyFen },
    });
    return row.id;
  });
  return getClass(ctx, id);
}

async function mergeClass(ctx: Ctx, row: TrainingClassRow, patch: UpdateClass): Promise<CreateClass> {
  const sessions =
    patch.sessions ?? (await sessionsOf(ctx, row.id)).map((s) => ({ startsAt: s.startsAt.toISOString(), endsAt: s.endsAt.toISOString(), topic: s.topic }));
  const merged = CreateClass.safeParse({
    name: row.name,
    programmeType: row.programmeType,
    engineerGrade: row.engineerGrade,
    occupationCode: row.occupationCode,
    levelCode: row.levelCode,
    skillIds: row.skillIds,
    capacity: row.capacity,
    mode: row.mode,
    venue: row.venue,
    onlineUrl: row.onlineUrl,
    regionCode: row.regionCode,
    feeFen: row.feeFen,
    hasExam: row.hasExam,
    attendanceThreshold: row.attendanceThreshold,
    description: row.description,
    ...patch,
    sessions,
  });
  if (!merged.success) throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: merged.error.issues.map((i) => i.path.join('.')) } });
  return merged.data;
}

/** Provider: edit a draft (a published class is fixed: its terms are what people enrolled for). 409 TRAINING_NOT_EDITABLE. */
export async function updateClass(ctx: ActorCtx, id: string, patch: UpdateClass) {
  await inTransaction(ctx, async (t) => {
    const [row] = await t.db.select().from(trainingClasses).where(eq(trainingClasses.id, id)).for('update');
    if (!row || !managesClass(ctx.actor, row)) throw new AppError('NOT_FOUND', { status: 404 });
    if (row.status !== 'draft') throw new AppError('TRAINING_NOT_EDITABLE', { status: 409, params: { status: row.status } });
    const input = await mergeClass(t, row, patch);
    const { sessions, values } = await classFields(t, input);
    await t.db
      .update(trainingClasses)
      .set({ ...values, updatedAt: ctx.now })
      .where(eq(trainingClasses.id, id));
    if (patch.sessions) await writeSessions(t, id, sessions);
    await record(t, {
      action: 'training_class.update',
      objectType: 'training_class',
      objectId: id,
      regionCode: values.regionCode,
      detail: { changed: Object.keys(patch) },
    });
  });
  return getClass(ctx, id);
}

/** publish / close / reopen / finish / cancel (reason) by the owning provider. */
export async function transitionClass(ctx: ActorCtx, id: string, action: string, body: TransitionBody) {
  await applyTransition(ctx, classBinding(action), id, action, { reason: body.reason });
  return getClass(ctx, id);
}

/** Re-reads the subsidy standard in force on the start date, at publishing (the last moment it may change). */
export async function refreshSubsidy(ctx: Ctx, row: TrainingClassRow) {
  const entry =
    row.occupationCode && row.levelCode
      ? await subsidyStandardFor(ctx.db, { occupationCode: row.occupationCode, levelCode: row.levelCode, on: row.startsOn, regionCode: row.regionCode })
      : null;
  await ctx.db
    .update(trainingClasses)
    .set({
      subsidyEligible: entry !== null && entry.subsidyFen !== null,
      subsidyFen: entry?.subsidyFen ?? null,
      subsidyCatalogueVersionId: entry?.versionId ?? null,
      subsidyCatalogueLabel: entry?.versionLabel ?? null,
    })
    .where(eq(trainingClasses.id, row.id));
}
