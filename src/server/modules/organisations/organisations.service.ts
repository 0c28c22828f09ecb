/** Organisation registration, the verification workflow, and region-scoped listing. */
import { and, count, desc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { parseUscc } from '../../../shared/identifiers.js';
import { type OrgAction, type OrgSize, organisationWorkflow } from '../../../shared/organisations.js';
import type { OrgKind, Role } from '../../../shared/roles.js';
import { allowedActions } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { regionFilter, assertInRegion } from '../access/region-scope.js';
import { grantConsents } from '../account/consents.service.js';
import { maskedPhone, sealPhone } from '../account/pi.js';
import { record } from '../audit/audit.service.js';
import { assertPassword, assertUsernameFree } from '../auth/auth.service.js';
import { users } from '../auth/auth.tables.js';
import { hashPassword } from '../auth/password.js';
import { createSession } from '../auth/sessions.service.js';
import { getRegion } from '../catalog/regions.service.js';
import { industries, regions } from '../catalog/catalog.tables.js';
import { closeOrgPostings } from '../jobs/jobs.takedown.js';
import { applyTransition, type WorkflowBinding, workflowHistory } from '../workflow/workflow.service.js';
import { type OrganisationRow, organisations } from './organisations.tables.js';

export interface RegisterOrganisationInput {
  org: {
    kind: OrgKind;
    name: string;
    uscc: string;
    regionCode: string;
    industryCode?: string | undefined;
    size?: OrgSize | undefined;
    address?: string | undefined;
    contactName: string;
    contactPhone: string;
  };
  account: { username: string; password: string; displayName: string };
  consents: string[];
}

async function assertIndustry(ctx: Ctx, code: string | undefined) {
  if (!code) return;
  const [row] = await ctx.db.select({ code: industries.code }).from(industries).where(eq(industries.code, code));
  if (!row) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'org.industryCode', code } });
}

export async function registerOrganisation(ctx: Ctx, input: RegisterOrganisationInput) {
  const uscc = parseUscc(input.org.uscc);
  if (!uscc.ok) throw new AppError('ORG_USCC_INVALID', { status: 400, params: { field: 'org.uscc' } });
  await assertPassword(input.account.password, input.account.username);
  await getRegion(ctx, input.org.regionCode, 'org.regionCode');
  await assertIndustry(ctx, input.org.industryCode);
  const phone = sealPhone(ctx.platform.keys, input.org.contactPhone);
  await assertUsernameFree(ctx, input.account.username);
  const [taken] = await ctx.db.select({ id: organisations.id }).from(organisations).where(eq(organisations.uscc, uscc.value));
  if (taken) throw new AppError('ORG_USCC_TAKEN', { status: 409, params: { field: 'org.uscc' } });
  const passwordHash = await hashPassword(input.account.password);
  return ctx.db.transaction(async (txRaw) => {
    const t = { ...ctx, db: txRaw as unknown as Db };
    const [org] = await t.db
      .insert(organisations)
      .values({
        kind: input.org.kind,
        name: input.org.name,
        uscc: uscc.value,
        regionCode: input.org.regionCode,
        industryCode: input.org.industryCode ?? null,
        size: input.org.size ?? null,
        address: input.org.address ?? null,
        contactName: input.org.contactName,
        contactPhoneEnc: phone.enc,
        contactPhoneBidx: phone.bidx,
        status: organisationWorkflow.initial,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing({ target: organisations.uscc })
      .returning();
    if (!org) throw new AppError('ORG_USCC_TAKEN', { status: 409, params: { field: 'org.uscc' } });
    const [user] = await t.db
      .insert(users)
      .values({
        username: input.account.username,
        passwordHash,
        role: input.org.kind satisfies Role,
        displayName: input.account.displayName,
        regionCode: input.org.regionCode,
        orgId: org.id,
        passwordChangedAt: ctx.now,
        createdAt: ctx.now,
      })
      .onConflictDoNothing({ target: users.username })
      .returning();
    if (!user) throw new AppError('AUTH_USERNAME_TAKEN', { status: 409, params: { field: 'account.username' } });
    await t.db.update(organisations).set({ createdBy: user.id }).where(eq(organisations.id, org.id));
    // no 身份证号 is collected from an organisation account, so the separate sensitive-PI consent is not required
    await grantConsents(t, user.id, input.consents, ['privacy_policy']);
    await record(t, { action: 'organisation.register', objectType: 'organisation', objectId: org.id, regionCode: org.regionCode, detail: { kind: org.kind } });
    const session = await createSession(t, user, false);
    return { userId: user.id, orgId: org.id, ...session };
  });
}

export function organisationView(ctx: Ctx, row: OrganisationRow, actor: Actor | null, regionName: string | null = null) {
  return {
    id: row.id,
    kind: row.kind as OrgKind,
    name: row.name,
    uscc: row.uscc,
    regionCode: row.regionCode,
    regionName,
    industryCode: row.industryCode,
    size: row.size,
    address: row.address,
    contactName: row.contactName,
    contactPhoneMasked: maskedPhone(ctx.platform.keys, row.contactPhoneEnc),
    status: row.status,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    allowedActions: actor && mayReview(actor) ? allowedActions(organisationWorkflow, row.status as never, [actor.role]) : [],
  };
}

/** Officials review organisations only in the 人社 department (the guard below enforces the same rule). */
function mayReview(actor: Actor): boolean {
  return actor.role !== 'official' || actor.department === 'hrss';
}

async function regionNames(ctx: Ctx, codes: string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const rows = await ctx.db
    .select({ code: regions.code, name: regions.name })
    .from(regions)
    .where(inArray(regions.code, [...new Set(codes)]));
  return new Map(rows.map((r) => [r.code, r.name]));
}

/** Officials and administrators list the organisations of their region; members see their own. */
export interface ListOrganisationsQuery {
  status?: string | undefined;
  kind?: string | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
}

export async function listOrganisations(ctx: Ctx & { actor: Actor }, q: ListOrganisationsQuery) {
  const conds: (SQL | undefined)[] = [regionFilter(ctx.actor, organisations.regionCode)];
  if (ctx.actor.role !== 'official' && ctx.actor.role !== 'admin') conds.push(eq(organisations.id, ctx.actor.orgId ?? '00000000-0000-0000-0000-000000000000'));
  if (q.status) conds.push(eq(organisations.status, q.status));
  if (q.kind) conds.push(eq(organisations.kind, q.kind));
  if (q.q) conds.push(or(ilike(organisations.name, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`), eq(organisations.uscc, q.q.toUpperCase())));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(organisations)
      .where(where)
      .orderBy(desc(organisations.createdAt), organisations.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(organisations).where(where),
  ]);
  const names = await regionNames(
    ctx,
    rows.map((r) => r.regionCode),
  );
  return { items: rows.map((r) => organisationView(ctx, r, ctx.actor, names.get(r.regionCode) ?? null)), total: total?.n ?? 0 };
}

function assertCanSee(actor: Actor, row: OrganisationRow) {
  if (actor.role === 'official' || actor.role === 'admin') return assertInRegion(actor, row.regionCode);
  if (actor.orgId !== row.id) throw new AppError('NOT_FOUND', { status: 404 });
}

export async function getOrganisation(ctx: Ctx & { actor: Actor }, id: string) {
  const [row] = await ctx.db.select().from(organisations).where(eq(organisations.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  assertCanSee(ctx.actor, row);
  const names = await regionNames(ctx, [row.regionCode]);
  return { ...organisationView(ctx, row, ctx.actor, names.get(row.regionCode) ?? null), history: await workflowHistory(ctx, organisationWorkflow.name, id) };
}

const binding: WorkflowBinding<string, OrgAction, OrganisationRow> = {
  workflow: organisationWorkflow as never,
  table: organisations,
  guard(ctx, row) {
    const actor = ctx.actor;
    if (actor.role === 'official' && actor.department !== 'hrss') {
      throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
    }
    if (actor.role !== 'official' && actor.orgId !== row.id) throw new AppError('NOT_FOUND', { status: 404 });
  },
  extraSet: (ctx) => ({ updatedAt: ctx.now }),
};

export async function transitionOrganisation(ctx: Ctx & { actor: Actor }, id: string, action: string, reason?: string) {
  const row = await applyTransition(
    ctx,
    {
      ...binding,
      // a suspended organisation keeps no posting open (its history keeps the official's reason)
      after: async (t, org, a) => {
        if (a === 'suspend') await closeOrgPostings(t, org.id, `单位资格已暂停：${reason ?? ''}`);
      },
    },
    id,
    action,
    { reason },
  );
  const names = await regionNames(ctx, [row.regionCode]);
  return organisationView(ctx, row, ctx.actor, names.get(row.regionCode) ?? null);
}
