/** Account administration: the platform operator creates staff accounts (officials, reviewers, admins, auditors). */
import { and, count, desc, eq, ilike, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { Department, Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { encrypt } from '../../lib/crypto.js';
import { record } from '../audit/audit.service.js';
import { findRegion, getRegion } from '../catalog/regions.service.js';
import { assertPassword, assertUsernameFree } from './auth.service.js';
import { users } from './auth.tables.js';
import { hashPassword } from './password.js';
import { destroyUserSessions } from './sessions.service.js';
import { newTotpSecret, totpUri } from './totp.js';

export const STAFF_ROLES = ['official', 'reviewer', 'admin', 'auditor'] as const satisfies readonly Role[];

export interface CreateStaffInput {
  username: string;
  password: string;
  role: (typeof STAFF_ROLES)[number];
  displayName: string;
  regionCode: string;
  department?: Department | undefined;
}

export async function createStaffAccount(ctx: Ctx & { actor: Actor }, input: CreateStaffInput) {
  await assertPassword(input.password, input.username);
  await getRegion(ctx, input.regionCode);
  if (input.role === 'official' && !input.department) {
    throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'department' } });
  }
  await assertUsernameFree(ctx, input.username);
  const secret = newTotpSecret();
  const passwordHash = await hashPassword(input.password);
  const user = await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [u] = await tx
      .insert(users)
      .values({
        username: input.username,
        passwordHash,
        role: input.role,
        displayName: input.displayName,
        regionCode: input.regionCode,
        department: input.role === 'official' ? (input.department ?? null) : null,
        totpSecretEnc: input.role === 'reviewer' ? null : encrypt(ctx.platform.keys, secret),
        passwordChangedAt: ctx.now,
        createdAt: ctx.now,
      })
      .returning();
    if (!u) throw new AppError('AUTH_USERNAME_TAKEN', { status: 409, params: { field: 'username' } });
    await record({ ...ctx, db: tx }, { action: 'account.create', objectType: 'user', objectId: u.id, regionCode: u.regionCode, detail: { role: u.role } });
    return u;
  });
  const needsTotp = input.role !== 'reviewer';
  return {
    user: await staffView(ctx, user),
    totpSecret: needsTotp ? secret : null,
    totpUri: needsTotp ? totpUri(secret, input.username) : null,
  };
}

async function staffView(ctx: Ctx, u: typeof users.$inferSelect) {
  return {
    id: u.id,
    username: u.username,
    role: u.role,
    displayName: u.displayName,
    regionCode: u.regionCode,
    regionName: (await findRegion(ctx, u.regionCode))?.name ?? null,
    department: u.department,
    status: u.status,
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
  };
}

export async function listAccounts(ctx: Ctx & { actor: Actor }, q: { role?: string | undefined; q?: string | undefined; page: number; pageSize: number }) {
  const conds: (SQL | undefined)[] = [];
  if (q.role) conds.push(eq(users.role, q.role));
  if (q.q) conds.push(ilike(users.username, `%${q.q.replace(/[%_\\]/g, '\\$&')}%`));
  const where = and(...conds);
  const [rows, [total]] = await Promise.all([
    ctx.db
      .select()
      .from(users)
      .where(where)
      .orderBy(desc(users.createdAt), users.id)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize),
    ctx.db.select({ n: count() }).from(users).where(where),
  ]);
  return { items: await Promise.all(rows.map((u) => staffView(ctx, u))), total: total?.n ?? 0 };
}

/** Disabling an account ends all its sessions at once (ASVS 7.4.2). */
export async function setAccountStatus(ctx: Ctx & { actor: Actor }, id: string, status: 'active' | 'disabled') {
  if (id === ctx.actor.userId) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'self' } });
  await ctx.db.transaction(async (txRaw) => {
    const t = { ...ctx, db: txRaw as unknown as Db };
    const [u] = await t.db
      .update(users)
      .set({ status })
      .where(and(eq(users.id, id), eq(users.status, status === 'active' ? 'disabled' : 'active')))
      .returning();
    if (!u) throw new AppError('NOT_FOUND', { status: 404 });
    if (status === 'disabled') await destroyUserSessions(t, id);
    await record(t, { action: `account.${status === 'active' ? 'enable' : 'disable'}`, objectType: 'user', objectId: id, regionCode: u.regionCode });
  });
}
