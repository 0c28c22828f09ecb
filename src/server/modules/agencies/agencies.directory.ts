/**
 * The public directory of approved agencies, the check the jobs module makes before an agency posts (受托招聘),
 * and the daily expiry of registrations whose licence has run out.
 */
import { and, asc, eq, ilike, inArray, lt, type SQL, sql } from 'drizzle-orm';
import { type DirectoryQuery, registrationWorkflow } from '../../../shared/agencies.js';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { regionPrefix } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { closeOrgPostings } from '../jobs/jobs.takedown.js';
import { organisations } from '../organisations/organisations.tables.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { inTx, registrationQuery } from './agencies.registry.js';
import { agencyRegistrations } from './agencies.tables.js';
import { chinaDate, publicRegistrationView } from './agencies.views.js';

/** Public: approved agencies, filtered by region (a city includes its counties), service and name. */
export async function listDirectory(ctx: Ctx, q: DirectoryQuery) {
  const conds: (SQL | undefined)[] = [eq(agencyRegistrations.status, 'approved')];
  if (q.region) conds.push(sql`${agencyRegistrations.regionCode} like ${`${regionPrefix(q.region)}%`}`);
  if (q.service) conds.push(sql`${agencyRegistrations.services} @> array[${q.service}]::text[]`);
  if (q.q) conds.push(ilike(organisations.name, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`));
  const where = and(...conds);
  const [count] = await ctx.db
    .select({ n: sql<number>`count(*)::int` })
    .from(agencyRegistrations)
    .innerJoin(organisations, eq(organisations.id, agencyRegistrations.orgId))
    .where(where);
  const rows = await registrationQuery(ctx.db)
    .where(where)
    .orderBy(asc(agencyRegistrations.regionCode), asc(organisations.name))
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize);
  const today = chinaDate(ctx.now);
  return { total: Number(count?.n ?? 0), items: rows.map((r) => publicRegistrationView(r, today)) };
}

/**
 * 受托招聘 is open to an agency whose registration is approved and whose licence is valid today:
 * 403 AGENCIES_NOT_APPROVED { status } otherwise (the jobs module calls this before every agency write).
 */
export async function assertAgencyMayRecruit(db: Db, orgId: string, now: Date): Promise<void> {
  const [row] = await db
    .select({ status: agencyRegistrations.status, validTo: agencyRegistrations.validTo })
    .from(agencyRegistrations)
    .where(eq(agencyRegistrations.orgId, orgId));
  if (row?.status === 'approved' && row.validTo >= chinaDate(now)) return;
  const status = !row ? 'none' : row.status === 'approved' ? 'expired' : row.status;
  throw new AppError('AGENCIES_NOT_APPROVED', { status: 403, params: { reason: 'registration', registrationStatus: status } });
}

/**
 * Daily: approved or suspended registrations whose licence ended before today become expired (workflow
 * event + audit), and the agency's open postings close (受托招聘 needs a valid licence; a suspension
 * already closed them).
 */
export async function expireRegistrations(ctx: Ctx): Promise<number> {
  const today = chinaDate(ctx.now);
  return inTx(ctx, async (t) => {
    const rows = await t.db
      .select({ id: agencyRegistrations.id, status: agencyRegistrations.status, orgId: agencyRegistrations.orgId, validTo: agencyRegistrations.validTo })
      .from(agencyRegistrations)
      .where(and(inArray(agencyRegistrations.status, ['approved', 'suspended']), lt(agencyRegistrations.validTo, today)))
      .for('update');
    if (rows.length === 0) return 0;
    const ids = rows.map((r) => r.id);
    await t.db.update(agencyRegistrations).set({ status: 'expired', updatedAt: ctx.now }).where(inArray(agencyRegistrations.id, ids));
    await t.db.insert(workflowEvents).values(
      rows.map((r) => ({
        workflow: registrationWorkflow.name,
        entityId: r.id,
        action: 'expire',
        fromState: r.status,
        toState: 'expired',
        actorId: null,
        actorRole: null,
        reason: null,
        requestId: ctx.requestId,
        at: ctx.now,
      })),
    );
    await record(t, { action: 'agency_registration.expire', objectType: 'agency_registration', detail: { count: rows.length, ids: ids.slice(0, 100) } });
    for (const r of rows) await closeOrgPostings(t, r.orgId, `人力资源服务许可证已于 ${r.validTo} 到期`);
    return rows.length;
  });
}
