/**
 * 人力资源服务机构登记: an agency organisation registers its 人力资源服务许可证 and services; 人社 officials of its
 * region review it through `registrationWorkflow`. Every decision goes through applyTransition (workflow event and
 * audit row in the same transaction).
 */
import { and, asc, eq, ne, type SQL, sql } from 'drizzle-orm';
import { parseLicenceNumber, type RegistrationFields, type RegistrationStatus, registrationWorkflow } from '../../../shared/agencies.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, inRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { closeOrgPostings } from '../jobs/jobs.takedown.js';
import { organisations } from '../organisations/organisations.tables.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { type AgencyRegistrationRow, agencyRegistrations } from './agencies.tables.js';
import { chinaDate, publicRegistrationView, type RegistrationJoin, registrationView } from './agencies.views.js';

type ActorCtx = Ctx & { actor: Actor };

export function inTx<T>(ctx: Ctx, fn: (t: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

export function isUniqueViolation(err: unknown): boolean {
  const e = err as { code?: string; cause?: { code?: string } };
  return e?.code === '23505' || e?.cause?.code === '23505';
}

/** The acting agency's organisation (403 AGENCIES_ORG_NOT_AGENCY for any other kind). */
export async function ownAgencyOrg(ctx: ActorCtx) {
  const orgId = ctx.actor.orgId;
  if (!orgId) throw new AppError('AGENCIES_ORG_NOT_AGENCY', { status: 403 });
  const [org] = await ctx.db.select().from(organisations).where(eq(organisations.id, orgId));
  if (org?.kind !== 'agency') throw new AppError('AGENCIES_ORG_NOT_AGENCY', { status: 403 });
  return org;
}

export function registrationQuery(db: Db) {
  return db
    .select({ r: agencyRegistrations, orgName: organisations.name, regionName: regions.name })
    .from(agencyRegistrations)
    .innerJoin(organisations, eq(organisations.id, agencyRegistrations.orgId))
    .leftJoin(regions, eq(regions.code, agencyRegistrations.regionCode));
}

/**
 * The licence as it will be stored: canonical number (400 AGENCIES_LICENCE_NUMBER_INVALID), still valid today
 * (400 AGENCIES_LICENCE_EXPIRED), not another agency's number (409 AGENCIES_LICENCE_TAKEN).
 */
async function checkedFields(ctx: Ctx, f: RegistrationFields, selfId: string | null) {
  const parsed = parseLicenceNumber(f.licenceNumber);
  if (!parsed.ok) throw new AppError(parsed.error, { status: 400, params: { field: 'licenceNumber' } });
  if (f.validTo < chinaDate(ctx.now)) throw new AppError('AGENCIES_LICENCE_EXPIRED', { status: 400, params: { field: 'validTo' } });
  const [taken] = await ctx.db
    .select({ id: agencyRegistrations.id })
    .from(agencyRegistrations)
    .where(and(eq(agencyRegistrations.licenceNumber, parsed.value), selfId ? ne(agencyRegistrations.id, selfId) : undefined));
  if (taken) throw new AppError('AGENCIES_LICENCE_TAKEN', { status: 409, params: { field: 'licenceNumber' } });
  return {
    licenceNumber: parsed.value,
    issuingAuthority: f.issuingAuthority,
    validFrom: f.validFrom,
    validTo: f.validTo,
    businessScope: f.businessScope,
    services: [...f.services],
    description: f.description ?? null,
  };
}

async function views(ctx: Ctx, rows: RegistrationJoin[]) {
  const today = chinaDate(ctx.now);
  return rows.map((row) => registrationView(row, ctx.actor, today));
}

/** Agency: its organisation and its registration (with history), or null before registering. */
export async function myAgency(ctx: ActorCtx) {
  const org = await ownAgencyOrg(ctx);
  const [row] = await registrationQuery(ctx.db).where(eq(agencyRegistrations.orgId, org.id));
  const [region] = await ctx.db.select({ name: regions.name }).from(regions).where(eq(regions.code, org.regionCode));
  const registration = row
    ? { ...registrationView(row, ctx.actor, chinaDate(ctx.now)), history: await workflowHistory(ctx, registrationWorkflow.name, row.r.id) }
    : null;
  return {
    organisation: { id: org.id, name: org.name, status: org.status, regionCode: org.regionCode, regionName: region?.name ?? org.regionCode },
    registration,
  };
}

/** Agency of a verified organisation: registers its licence (201). 400; 403; 409 AGENCIES_REGISTRATION_EXISTS / AGENCIES_LICENCE_TAKEN. */
export async function register(ctx: ActorCtx, input: RegistrationFields) {
  const org = await ownAgencyOrg(ctx);
  if (org.status !== 'verified') throw new AppError('AGENCIES_ORG_NOT_VERIFIED', { status: 403 });
  const [own] = await ctx.db.select({ id: agencyRegistrations.id }).from(agencyRegistrations).where(eq(agencyRegistrations.orgId, org.id));
  if (own) throw new AppError('AGENCIES_REGISTRATION_EXISTS', { status: 409 });
  const fields = await checkedFields(ctx, input, null);
  try {
    await inTx(ctx, async (t) => {
      const [row] = await t.db
        .insert(agencyRegistrations)
        .values({
          ...fields,
          orgId: org.id,
          regionCode: org.regionCode,
          status: registrationWorkflow.initial,
          submittedBy: ctx.actor.userId,
          submittedAt: ctx.now,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .onConflictDoNothing({ target: agencyRegistrations.orgId })
        .returning({ id: agencyRegistrations.id });
      if (!row) throw new AppError('AGENCIES_REGISTRATION_EXISTS', { status: 409 });
      // like an organisation's registration, the submission is audited, not a workflow step
      await record(t, {
        action: 'agency_registration.submit',
        objectType: 'agency_registration',
        objectId: row.id,
        regionCode: org.regionCode,
        detail: { licenceNumber: fields.licenceNumber, services: fields.services, validTo: fields.validTo },
      });
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('AGENCIES_LICENCE_TAKEN', { status: 409, params: { field: 'licenceNumber' } });
    throw err;
  }
  return myAgency(ctx);
}

/** Officials: registrations of their region (default: the review queue, status submitted). */
export async function listRegistrations(ctx: ActorCtx, q: { status?: RegistrationStatus | undefined; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [regionFilter(ctx.actor, agencyRegistrations.regionCode)];
  if (q.status) conds.push(eq(agencyRegistrations.status, q.status));
  const where = and(...conds);
  const [count] = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(agencyRegistrations).where(where);
  const rows = await registrationQuery(ctx.db)
    .where(where)
    .orderBy(asc(agencyRegistrations.submittedAt), asc(agencyRegistrations.id))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  return { total: Number(count?.n ?? 0), items: await views(ctx, rows) };
}

/**
 * One registration: the full view (with history) to its agency and to officials of its region; an approved one's
 * directory entry to anyone. 404 otherwise (an official outside the region: audited region denial).
 */
export async function getRegistration(ctx: Ctx, id: string) {
  const [row] = await registrationQuery(ctx.db).where(eq(agencyRegistrations.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  const actor = ctx.actor;
  const insider = actor && ((actor.role === 'official' && inRegion(actor, row.r.regionCode)) || (actor.orgId !== null && actor.orgId === row.r.orgId));
  if (insider) return { ...registrationView(row, actor, chinaDate(ctx.now)), history: await workflowHistory(ctx, registrationWorkflow.name, id) };
  if (row.r.status === 'approved') return publicRegistrationView(row, chinaDate(ctx.now));
  if (actor?.role === 'official') assertInRegion(actor, row.r.regionCode);
  throw new AppError('NOT_FOUND', { status: 404 });
}

function binding(
  fields: Awaited<ReturnType<typeof checkedFields>> | null,
  reason?: string,
): WorkflowBinding<RegistrationStatus, string, AgencyRegistrationRow> {
  return {
    workflow: registrationWorkflow as never,
    table: agencyRegistrations,
    guard(ctx, row, action) {
      if (ctx.actor.role === 'official') {
        if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
        if ((action === 'approve' || action === 'reinstate') && row.status !== 'approved' && row.validTo < chinaDate(ctx.now)) {
          throw new AppError('AGENCIES_LICENCE_EXPIRED', { status: 409, params: { validTo: row.validTo } });
        }
      } else if (ctx.actor.orgId !== row.orgId) {
        throw new AppError('NOT_FOUND', { status: 404 });
      }
    },
    extraSet: (ctx) => ({ updatedAt: ctx.now }),
    async after(ctx, row, action) {
      // an agency that may no longer recruit keeps no posting open (its history keeps the official's reason)
      if (action === 'suspend' || action === 'revoke') {
        await closeOrgPostings(ctx, row.orgId, `人力资源服务机构备案已${action === 'suspend' ? '暂停' : '撤销'}：${reason ?? ''}`);
      }
      if (action === 'approve' || action === 'return') {
        await ctx.db.update(agencyRegistrations).set({ decidedBy: ctx.actor.userId, decidedAt: ctx.now }).where(eq(agencyRegistrations.id, row.id));
      }
      if (action === 'resubmit' || action === 'amend') {
        await ctx.db
          .update(agencyRegistrations)
          .set({ ...(fields ?? {}), submittedBy: ctx.actor.userId, submittedAt: ctx.now })
          .where(eq(agencyRegistrations.id, row.id));
        if (fields) {
          await record(ctx, {
            action: 'agency_registration.licence',
            objectType: 'agency_registration',
            objectId: row.id,
            regionCode: row.regionCode,
            detail: { licenceNumber: fields.licenceNumber, services: fields.services, validTo: fields.validTo },
          });
        }
      }
    },
  };
}

/**
 * approve / return / suspend / reinstate / revoke (人社 officials of the region; reasons as the workflow says) and
 * resubmit / amend (the agency, with the corrected or renewed licence). 400; 403; 404; 409.
 */
export async function transitionRegistration(
  ctx: ActorCtx,
  id: string,
  action: string,
  body: { reason?: string | undefined; registration?: RegistrationFields | undefined },
) {
  const editing = (action === 'resubmit' || action === 'amend') && body.registration && ctx.actor.role === 'agency';
  const fields = editing && body.registration ? await checkedFields(ctx, body.registration, id) : null;
  try {
    await applyTransition(ctx, binding(fields, body.reason), id, action, { reason: body.reason });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError('AGENCIES_LICENCE_TAKEN', { status: 409, params: { field: 'licenceNumber' } });
    throw err;
  }
  return getRegistration(ctx, id);
}
