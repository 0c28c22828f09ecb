/**
 * Statutory deadline watch (task `recognition.deadlines`, enqueued hourly; idempotent): for every
 * application whose clock runs, a reminder to the handling official once the deadline is within
 * REMIND_WORKING_DAYS_BEFORE working days, and an escalation to the supervisor (the configured one of the
 * city, else the province-level 人社 officials) once it has passed. One of each per deadline (a 补正 that
 * moves the deadline re-arms both); each is a row in recognition_alerts plus an audit entry.
 */
import { and, asc, desc, eq, inArray, isNotNull, like } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import { CLOCK_RUNNING_STATUSES, REMIND_WORKING_DAYS_BEFORE } from '../../../shared/recognition.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { chinaDate } from '../../lib/workdays.js';
import { cityOf, regionContains, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { regions } from '../catalog/catalog.tables.js';
import type { TaskHandler } from '../tasks/tasks.runner.js';
import { clockView } from './recognition.deadline.js';
import { assertHandlingOfficial } from './recognition.service.js';
import { recognitionAlerts, recognitionApplications, recognitionSupervisors } from './recognition.tables.js';

type ActorCtx = Ctx & { actor: Actor };

export const RECOGNITION_DEADLINES_TASK = 'recognition.deadlines';

/** Where no supervisor is configured, escalations go to the province-level 人社 official. */
async function provinceSupervisor(db: Db): Promise<{ id: string; name: string; username: string } | null> {
  const [province] = await db
    .select({ id: users.id, name: users.displayName, username: users.username })
    .from(users)
    .where(and(eq(users.role, 'official'), eq(users.regionCode, '360000'), eq(users.department, 'hrss'), eq(users.status, 'active')))
    .orderBy(asc(users.username))
    .limit(1);
  return province ?? null;
}

async function supervisorOf(db: Db, regionCode: string): Promise<string | null> {
  const city = cityOf(regionCode);
  const codes = [regionCode, ...(city && city !== regionCode ? [city] : [])];
  const configured = await db.select().from(recognitionSupervisors).where(inArray(recognitionSupervisors.regionCode, codes));
  const best = configured.find((s) => s.regionCode === regionCode) ?? configured[0];
  if (best) return best.userId;
  return (await provinceSupervisor(db))?.id ?? null;
}

/** Creates the reminders and escalations due today; returns how many of each were created. */
export async function watchDeadlines(ctx: Ctx): Promise<{ reminders: number; escalations: number }> {
  const today = chinaDate(ctx.now);
  const rows = await ctx.db
    .select()
    .from(recognitionApplications)
    .where(and(inArray(recognitionApplications.status, [...CLOCK_RUNNING_STATUSES]), isNotNull(recognitionApplications.deadline)));
  let reminders = 0;
  let escalations = 0;
  for (const a of rows) {
    const clock = clockView(a, today);
    if (clock.workingDaysLeft === null || !a.deadline) continue;
    const kind = clock.overdue ? 'escalation' : clock.workingDaysLeft <= REMIND_WORKING_DAYS_BEFORE ? 'reminder' : null;
    if (!kind) continue;
    const deadline = a.deadline;
    const created = await ctx.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const recipient = kind === 'reminder' ? a.handlerUserId : await supervisorOf(tx, a.regionCode);
      const [alert] = await tx
        .insert(recognitionAlerts)
        .values({
          applicationId: a.id,
          kind,
          deadline,
          recipientUserId: recipient,
          regionCode: a.regionCode,
          workingDaysLeft: clock.workingDaysLeft ?? 0,
          createdAt: ctx.now,
        })
        .onConflictDoNothing()
        .returning({ id: recognitionAlerts.id });
      if (!alert) return false;
      await record(
        { ...ctx, db: tx },
        {
          action: kind === 'reminder' ? 'recognition.deadline_reminder' : 'recognition.deadline_escalation',
          objectType: 'recognition',
          objectId: a.id,
          regionCode: a.regionCode,
          detail: { deadline, workingDaysLeft: clock.workingDaysLeft, recipient },
        },
      );
      return true;
    });
    if (created && kind === 'reminder') reminders++;
    if (created && kind === 'escalation') escalations++;
  }
  return { reminders, escalations };
}

export const recognitionDeadlinesTask: TaskHandler = async (ctx, _params, report) => {
  const result = await watchDeadlines(ctx);
  await report(1, 1, `reminders ${result.reminders}, escalations ${result.escalations}`);
  return result;
};

/** Official: reminders and escalations addressed to me, newest first. */
export async function myAlerts(ctx: ActorCtx) {
  assertHandlingOfficial(ctx.actor);
  const mine = eq(recognitionAlerts.recipientUserId, ctx.actor.userId);
  const rows = await ctx.db
    .select({ alert: recognitionAlerts, a: recognitionApplications, name: users.displayName })
    .from(recognitionAlerts)
    .innerJoin(recognitionApplications, eq(recognitionApplications.id, recognitionAlerts.applicationId))
    .innerJoin(users, eq(users.id, recognitionApplications.talentUserId))
    .where(and(mine, regionFilter(ctx.actor, recognitionAlerts.regionCode)))
    .orderBy(desc(recognitionAlerts.createdAt))
    .limit(200);
  const today = chinaDate(ctx.now);
  return {
    items: rows.map(({ alert, a, name }) => ({
      id: alert.id,
      kind: alert.kind,
      applicationId: a.id,
      applicantName: maskName(name),
      categoryCode: a.categoryCode,
      status: a.status,
      deadline: alert.deadline,
      workingDaysLeft: alert.workingDaysLeft,
      createdAt: alert.createdAt.toISOString(),
      clock: clockView(a, today),
    })),
  };
}

/** Supervisor view: every overdue application of the region (province officials: the whole province), most overdue first. */
export async function overdueApplications(ctx: ActorCtx) {
  assertHandlingOfficial(ctx.actor);
  const today = chinaDate(ctx.now);
  const rows = await ctx.db
    .select({ a: recognitionApplications, name: users.displayName })
    .from(recognitionApplications)
    .innerJoin(users, eq(users.id, recognitionApplications.talentUserId))
    .where(and(inArray(recognitionApplications.status, [...CLOCK_RUNNING_STATUSES]), regionFilter(ctx.actor, recognitionApplications.regionCode)))
    .orderBy(asc(recognitionApplications.deadline));
  const handlers = new Map<string, string>();
  const handlerIds = [...new Set(rows.map((r) => r.a.handlerUserId).filter((x): x is string => !!x))];
  if (handlerIds.length) {
    for (const h of await ctx.db.select({ id: users.id, name: users.displayName }).from(users).where(inArray(users.id, handlerIds))) handlers.set(h.id, h.name);
  }
  const escalated = new Set(
    rows.length
      ? (
          await ctx.db
            .select({ id: recognitionAlerts.applicationId, deadline: recognitionAlerts.deadline })
            .from(recognitionAlerts)
            .where(
              and(
                eq(recognitionAlerts.kind, 'escalation'),
                inArray(
                  recognitionAlerts.applicationId,
                  rows.map((r) => r.a.id),
                ),
              ),
            )
        ).map((e) => `${e.id}:${e.deadline}`)
      : [],
  );
  const items = rows
    .map(({ a, name }) => ({ a, name, clock: clockView(a, today) }))
    .filter((r) => r.clock.overdue)
    .map(({ a, name, clock }) => ({
      id: a.id,
      applicantName: maskName(name),
      regionCode: a.regionCode,
      categoryCode: a.categoryCode,
      status: a.status,
      handlerName: a.handlerUserId ? (handlers.get(a.handlerUserId) ?? null) : null,
      escalated: escalated.has(`${a.id}:${a.deadline}`),
      clock,
    }));
  return { items, total: items.length };
}

/** Province-level official: the supervisor (a 人社 official whose region covers it) of a city's or county's applications. */
export async function setSupervisor(ctx: ActorCtx, input: { regionCode: string; userId: string }) {
  if (ctx.actor.regionCode !== '360000') throw new AppError('FORBIDDEN_REGION', { status: 403 });
  assertHandlingOfficial(ctx.actor);
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [u] = await tx.select().from(users).where(eq(users.id, input.userId));
    if (u?.role !== 'official' || !regionContains(u.regionCode, input.regionCode))
      throw new AppError('VALIDATION_FAILED', { status: 400, params: { fields: ['userId'] } });
    await tx
      .insert(recognitionSupervisors)
      .values(input)
      .onConflictDoUpdate({ target: recognitionSupervisors.regionCode, set: { userId: input.userId } });
    await record(
      { ...ctx, db: tx },
      {
        action: 'recognition.supervisor_set',
        objectType: 'region',
        objectId: input.regionCode,
        regionCode: input.regionCode,
        detail: { userId: input.userId },
      },
    );
    return input;
  });
}

/**
 * Official: who receives the escalations of each city of the region (the province: every city), and of the
 * counties that have a supervisor of their own; where none is set, the province-level 人社 official (`fallback`).
 */
export async function listSupervisors(ctx: ActorCtx) {
  assertHandlingOfficial(ctx.actor);
  const city = cityOf(ctx.actor.regionCode);
  const places = await ctx.db
    .select({ code: regions.code, name: regions.name, level: regions.level })
    .from(regions)
    .where(and(eq(regions.parentCode, '360000'), inArray(regions.level, ['city', 'special']), city ? eq(regions.code, city) : undefined))
    .orderBy(asc(regions.code));
  const configured = await ctx.db
    .select({
      regionCode: recognitionSupervisors.regionCode,
      userId: users.id,
      name: users.displayName,
      username: users.username,
      userRegionCode: users.regionCode,
      regionName: regions.name,
      level: regions.level,
    })
    .from(recognitionSupervisors)
    .innerJoin(users, eq(users.id, recognitionSupervisors.userId))
    .leftJoin(regions, eq(regions.code, recognitionSupervisors.regionCode))
    .where(city ? like(recognitionSupervisors.regionCode, `${city.slice(0, 4)}%`) : undefined);
  const byRegion = new Map(configured.map((c) => [c.regionCode, c]));
  const person = (c: (typeof configured)[number] | undefined) =>
    c ? { userId: c.userId, name: c.name, username: c.username, regionCode: c.userRegionCode } : null;
  const cityRows = places.map((p) => ({ regionCode: p.code, regionName: p.name, level: p.level, supervisor: person(byRegion.get(p.code)) }));
  const shown = new Set(cityRows.map((r) => r.regionCode));
  const countyRows = configured
    .filter((c) => !shown.has(c.regionCode))
    .sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1))
    .map((c) => ({ regionCode: c.regionCode, regionName: c.regionName ?? c.regionCode, level: c.level ?? 'county', supervisor: person(c) }));
  const fallback = await provinceSupervisor(ctx.db);
  return {
    items: [...cityRows, ...countyRows].sort((a, b) => (a.regionCode < b.regionCode ? -1 : 1)),
    fallback: fallback ? { userId: fallback.id, name: fallback.name, username: fallback.username } : null,
  };
}
