/**
 * 产教融合共同体: a lead organisation with member schools and enterprises, joint programmes and shared
 * training bases. Created by an official (人社) of the region; the official or the lead organisation's
 * account adds members, programmes and bases. The directory is public. Every change audited.
 */
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { z } from 'zod';
import type { AddBase, AddMember, AddProgramme, CreateCommunity } from '../../../shared/providers.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { inRegion, regionContains } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { regions } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { communityBases, communityMembers, communityProgrammes, integrationCommunities, providerProfiles } from './providers.tables.js';

type ActorCtx = Ctx & { actor: Actor };

function inTx<T>(ctx: Ctx, fn: (t: Ctx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (tx) => fn({ ...ctx, db: tx as unknown as Db }));
}

async function verifiedOrg(db: Db, id: string) {
  const [org] = await db.select().from(organisations).where(eq(organisations.id, id));
  if (org?.status !== 'verified') throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: 'orgId' } });
  return org as NonNullable<typeof org>;
}

export async function createCommunity(ctx: ActorCtx, input: z.infer<typeof CreateCommunity>) {
  if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  const regionCode = input.regionCode ?? ctx.actor.regionCode;
  if (!regionContains(ctx.actor.regionCode, regionCode)) throw new AppError('FORBIDDEN_REGION', { status: 403, params: { field: 'regionCode' } });
  const id = await inTx(ctx, async (t) => {
    const lead = await verifiedOrg(t.db, input.leadOrgId);
    const [row] = await t.db
      .insert(integrationCommunities)
      .values({
        name: input.name,
        regionCode,
        leadOrgId: lead.id,
        description: input.description,
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      })
      .returning({ id: integrationCommunities.id });
    const newId = (row as { id: string }).id;
    await t.db
      .insert(communityMembers)
      .values({ communityId: newId, orgId: lead.id, memberRole: lead.kind === 'employer' ? 'enterprise' : 'school', joinedAt: ctx.now });
    await record(t, { action: 'community.create', objectType: 'community', objectId: newId, regionCode, detail: { leadOrgId: lead.id } });
    return newId;
  });
  return getCommunity(ctx, id);
}

/** Officials of the community's region, or the lead organisation's account, may change it. 404 otherwise. */
async function manageable(ctx: ActorCtx, id: string, lock = true) {
  const query = ctx.db.select().from(integrationCommunities).where(eq(integrationCommunities.id, id));
  const [c] = lock ? await query.for('update') : await query;
  if (!c) throw new AppError('NOT_FOUND', { status: 404 });
  const official = ctx.actor.role === 'official' && ctx.actor.department === 'hrss' && inRegion(ctx.actor, c.regionCode);
  if (!official && ctx.actor.orgId !== c.leadOrgId) throw new AppError('NOT_FOUND', { status: 404 });
  return c;
}

/** Before the body is validated: 404 unless the actor may change this community. */
export async function assertCommunityManageable(ctx: ActorCtx, id: string): Promise<void> {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('NOT_FOUND', { status: 404 });
  await manageable(ctx, id, false);
}

export async function addMember(ctx: ActorCtx, id: string, input: z.infer<typeof AddMember>) {
  await inTx(ctx, async (t) => {
    const c = await manageable({ ...t, actor: ctx.actor }, id);
    const org = await verifiedOrg(t.db, input.orgId);
    const inserted = await t.db
      .insert(communityMembers)
      .values({ communityId: id, orgId: org.id, memberRole: input.memberRole, joinedAt: ctx.now })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw new AppError('PROVIDERS_COMMUNITY_MEMBER_EXISTS', { status: 409 });
    await record(t, {
      action: 'community.member_add',
      objectType: 'community',
      objectId: id,
      regionCode: c.regionCode,
      detail: { orgId: org.id, memberRole: input.memberRole },
    });
  });
  return getCommunity(ctx, id);
}

export async function addProgramme(ctx: ActorCtx, id: string, input: z.infer<typeof AddProgramme>) {
  await inTx(ctx, async (t) => {
    const c = await manageable({ ...t, actor: ctx.actor }, id);
    const [p] = await t.db
      .insert(communityProgrammes)
      .values({ communityId: id, name: input.name, description: input.description, createdAt: ctx.now })
      .returning();
    await record(t, {
      action: 'community.programme_add',
      objectType: 'community',
      objectId: id,
      regionCode: c.regionCode,
      detail: { programmeId: p?.id, name: input.name },
    });
  });
  return getCommunity(ctx, id);
}

export async function addBase(ctx: ActorCtx, id: string, input: z.infer<typeof AddBase>) {
  await inTx(ctx, async (t) => {
    const c = await manageable({ ...t, actor: ctx.actor }, id);
    if (input.hostOrgId) await verifiedOrg(t.db, input.hostOrgId);
    const [b] = await t.db
      .insert(communityBases)
      .values({ communityId: id, name: input.name, address: input.address, hostOrgId: input.hostOrgId ?? null, createdAt: ctx.now })
      .returning();
    await record(t, {
      action: 'community.base_add',
      objectType: 'community',
      objectId: id,
      regionCode: c.regionCode,
      detail: { baseId: b?.id, name: input.name },
    });
  });
  return getCommunity(ctx, id);
}

/** Public directory. */
export async function listCommunities(ctx: Ctx) {
  const rows = await ctx.db
    .select({ c: integrationCommunities, regionName: regions.name, leadName: organisations.name })
    .from(integrationCommunities)
    .innerJoin(organisations, eq(organisations.id, integrationCommunities.leadOrgId))
    .leftJoin(regions, eq(regions.code, integrationCommunities.regionCode))
    .orderBy(asc(integrationCommunities.regionCode), asc(integrationCommunities.name));
  const ids = rows.map((r) => r.c.id);
  const members = ids.length
    ? await ctx.db.select({ id: communityMembers.communityId }).from(communityMembers).where(inArray(communityMembers.communityId, ids))
    : [];
  return {
    items: rows.map(({ c, regionName, leadName }) => ({
      id: c.id,
      name: c.name,
      regionCode: c.regionCode,
      regionName: regionName ?? c.regionCode,
      leadOrgId: c.leadOrgId,
      leadName,
      description: c.description,
      memberCount: members.filter((m) => m.id === c.id).length,
    })),
  };
}

/** Public: one community with members (name, kind, category), programmes and bases. */
export async function getCommunity(ctx: Ctx, id: string) {
  const [row] = await ctx.db
    .select({ c: integrationCommunities, regionName: regions.name })
    .from(integrationCommunities)
    .leftJoin(regions, eq(regions.code, integrationCommunities.regionCode))
    .where(eq(integrationCommunities.id, id));
  if (!row) throw new AppError('NOT_FOUND', { status: 404 });
  const members = await ctx.db
    .select({
      orgId: organisations.id,
      name: organisations.name,
      kind: organisations.kind,
      memberRole: communityMembers.memberRole,
      category: providerProfiles.category,
    })
    .from(communityMembers)
    .innerJoin(organisations, eq(organisations.id, communityMembers.orgId))
    .leftJoin(providerProfiles, eq(providerProfiles.orgId, organisations.id))
    .where(eq(communityMembers.communityId, id))
    .orderBy(desc(sql`${communityMembers.orgId} = ${row.c.leadOrgId}`), asc(communityMembers.joinedAt), asc(organisations.name));
  const programmes = await ctx.db.select().from(communityProgrammes).where(eq(communityProgrammes.communityId, id)).orderBy(asc(communityProgrammes.createdAt));
  const bases = await ctx.db
    .select({ id: communityBases.id, name: communityBases.name, address: communityBases.address, hostName: organisations.name })
    .from(communityBases)
    .leftJoin(organisations, eq(organisations.id, communityBases.hostOrgId))
    .where(eq(communityBases.communityId, id))
    .orderBy(asc(communityBases.createdAt));
  const a = ctx.actor;
  const canManage = !!a && ((a.role === 'official' && a.department === 'hrss' && inRegion(a, row.c.regionCode)) || a.orgId === row.c.leadOrgId);
  return {
    id: row.c.id,
    name: row.c.name,
    regionCode: row.c.regionCode,
    regionName: row.regionName ?? row.c.regionCode,
    leadOrgId: row.c.leadOrgId,
    description: row.c.description,
    members,
    programmes: programmes.map((p) => ({ id: p.id, name: p.name, description: p.description })),
    bases,
    canManage,
  };
}
