/** Sign-in, self-registration of talents, and the signed-in account summary. */
import { and, eq, isNull, ne, sql } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { type Role, SECOND_FACTOR_ROLES } from '../../../shared/roles.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { decrypt } from '../../lib/crypto.js';
import { assertRequiredConsents, grantConsents } from '../account/consents.service.js';
import { maskedIdNumber, maskedPhone, sealIdNumber, sealPhone } from '../account/pi.js';
import { record, recordAlone } from '../audit/audit.service.js';
import { recordFactsFor } from '../dashboard/dashboard.sources.js';
import { findRegion, getRegion } from '../catalog/regions.service.js';
import { organisations } from '../organisations/organisations.tables.js';
import { users } from './auth.tables.js';
import { checkPasswordPolicy, hashPassword, verifyPassword } from './password.js';
import { createSession } from './sessions.service.js';
import { clearFailures, lockedUntil, registerFailure } from './throttle.js';
import { matchTotp } from './totp.js';

export interface LoginInput {
  username: string;
  password: string;
  totp?: string | undefined;
}

async function fail(ctx: Ctx, username: string, userId: string | null, code: 'AUTH_INVALID_CREDENTIALS' | 'AUTH_TOTP_INVALID'): Promise<never> {
  const until = await registerFailure(ctx, username);
  await recordAlone(ctx, {
    action: 'auth.login',
    result: 'failed',
    objectType: 'user',
    objectId: userId ?? undefined,
    detail: { code, locked: Boolean(until) },
  });
  if (until) throw new AppError('AUTH_ACCOUNT_LOCKED', { status: 423, params: { until: until.toISOString() } });
  throw new AppError(code, { status: 401 });
}

export async function login(ctx: Ctx, input: LoginInput) {
  const username = input.username.trim();
  const until = await lockedUntil(ctx, username);
  if (until) {
    await recordAlone(ctx, { action: 'auth.login', result: 'denied', detail: { code: 'AUTH_ACCOUNT_LOCKED' } });
    throw new AppError('AUTH_ACCOUNT_LOCKED', { status: 423, params: { until: until.toISOString() } });
  }
  const [user] = await ctx.db.select().from(users).where(eq(users.username, username));
  const passwordOk = await verifyPassword(user?.status === 'active' ? user.passwordHash : null, input.password);
  if (!user || !passwordOk) return fail(ctx, username, null, 'AUTH_INVALID_CREDENTIALS');
  const needsTotp = SECOND_FACTOR_ROLES.includes(user.role as Role);
  if (needsTotp) {
    if (!user.totpSecretEnc) throw new AppError('AUTH_TOTP_ENROLMENT_REQUIRED', { status: 401 });
    if (!input.totp) throw new AppError('AUTH_TOTP_REQUIRED', { status: 401 });
    const step = matchTotp(decrypt(ctx.platform.keys, user.totpSecretEnc), input.totp, ctx.now);
    if (step === null || (user.totpLastStep !== null && step <= user.totpLastStep)) {
      return fail(ctx, username, user.id, 'AUTH_TOTP_INVALID');
    }
    await ctx.db.update(users).set({ totpLastStep: step }).where(eq(users.id, user.id));
  }
  await clearFailures(ctx, username);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    await tx.update(users).set({ lastLoginAt: ctx.now }).where(eq(users.id, user.id));
    const session = await createSession(t, user, needsTotp);
    await record(
      {
        ...t,
        actor: {
          userId: user.id,
          username: user.username,
          role: user.role as Role,
          regionCode: user.regionCode,
          department: null,
          orgId: user.orgId,
          sessionId: '',
        },
      },
      { action: 'auth.login', objectType: 'user', objectId: user.id, regionCode: user.regionCode, detail: { secondFactor: needsTotp } },
    );
    return { userId: user.id, ...session };
  });
}

export interface RegisterTalentInput {
  username: string;
  password: string;
  displayName: string;
  regionCode: string;
  idNumber: string;
  phone: string;
  consents: string[];
}

export async function assertPassword(password: string, username: string) {
  const problem = checkPasswordPolicy(password, username);
  if (problem) throw new AppError('AUTH_PASSWORD_POLICY', { status: 400, params: { field: 'password', problem } });
}

export async function assertUsernameFree(ctx: Ctx, username: string) {
  const [taken] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, username));
  if (taken) throw new AppError('AUTH_USERNAME_TAKEN', { status: 409, params: { field: 'username' } });
}

/**
 * A job-seeker registered by a public employment service (批量导入, modules/imports) has an account with
 * no password. Registering with the same 身份证号 AND the mobile number given at the service point
 * activates that account (its profile included) instead of creating a second one.
 */
async function activateImported(t: Ctx, input: RegisterTalentInput & { passwordHash: string }, idBidx: string, phoneBidx: string) {
  const [user] = await t.db
    .update(users)
    .set({ username: input.username, passwordHash: input.passwordHash, displayName: input.displayName, regionCode: input.regionCode, passwordChangedAt: t.now })
    .where(
      and(eq(users.idNumberBidx, idBidx), eq(users.phoneBidx, phoneBidx), eq(users.role, 'talent'), eq(users.status, 'active'), isNull(users.passwordHash)),
    )
    .returning();
  if (user) await t.db.execute(sql`update talent_profiles set region_code = ${input.regionCode} where user_id = ${user.id}`);
  return user;
}

/**
 * A 身份证号 belongs to one talent account. An imported account whose mobile differs is not taken over
 * either: the person updates the mobile at the service point (or signs in to the account they have).
 */
async function assertIdNumberFree(t: Ctx, idBidx: string) {
  const [taken] = await t.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.idNumberBidx, idBidx), eq(users.role, 'talent'), ne(users.status, 'closed')))
    .limit(1);
  if (taken) throw new AppError('AUTH_ID_NUMBER_REGISTERED', { status: 409, params: { field: 'idNumber' } });
}

export async function registerTalent(ctx: Ctx, input: RegisterTalentInput) {
  await assertPassword(input.password, input.username);
  await getRegion(ctx, input.regionCode);
  assertRequiredConsents(input.consents);
  const id = sealIdNumber(ctx.platform.keys, input.idNumber);
  const phone = sealPhone(ctx.platform.keys, input.phone);
  await assertUsernameFree(ctx, input.username);
  const passwordHash = await hashPassword(input.password);
  return ctx.db.transaction(async (tx) => {
    const t = { ...ctx, db: tx as unknown as Db };
    // one talent account per 身份证号: serialise registrations of the same number, then look
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`talent-id:${id.bidx}`}))`);
    const claimed = await activateImported(t, { ...input, passwordHash }, id.bidx, phone.bidx);
    if (!claimed) await assertIdNumberFree(t, id.bidx);
    const [user] = claimed
      ? [claimed]
      : await tx
          .insert(users)
          .values({
            username: input.username,
            passwordHash,
            role: 'talent',
            displayName: input.displayName,
            regionCode: input.regionCode,
            idNumberEnc: id.enc,
            idNumberBidx: id.bidx,
            phoneEnc: phone.enc,
            phoneBidx: phone.bidx,
            passwordChangedAt: ctx.now,
            createdAt: ctx.now,
          })
          .onConflictDoNothing({ target: users.username })
          .returning();
    if (!user) throw new AppError('AUTH_USERNAME_TAKEN', { status: 409, params: { field: 'username' } });
    await grantConsents(t, user.id, input.consents);
    await record(t, {
      action: claimed ? 'account.activate' : 'account.register',
      objectType: 'user',
      objectId: user.id,
      regionCode: user.regionCode,
      detail: { role: 'talent' },
    });
    await recordFactsFor(tx as unknown as Db, 'talent.registered', user.id);
    const session = await createSession(t, user, false);
    return { userId: user.id, ...session };
  });
}

/** What the signed-in person sees about their own account (identifiers masked). */
export async function accountSummary(ctx: Ctx, userId: string) {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, userId));
  if (!u) throw new AppError('NOT_FOUND', { status: 404 });
  const region = await findRegion(ctx, u.regionCode);
  const [org] = u.orgId
    ? await ctx.db
        .select({ id: organisations.id, name: organisations.name, kind: organisations.kind, status: organisations.status })
        .from(organisations)
        .where(eq(organisations.id, u.orgId))
    : [];
  const keys = ctx.platform.keys;
  return {
    id: u.id,
    username: u.username,
    role: u.role as Role,
    displayName: u.displayName,
    regionCode: u.regionCode,
    regionName: region?.name ?? null,
    department: u.department,
    organisation: org ?? null,
    idNumberMasked: maskedIdNumber(keys, u.idNumberEnc),
    phoneMasked: maskedPhone(keys, u.phoneEnc),
    secondFactor: Boolean(u.totpSecretEnc),
    lastLoginAt: u.lastLoginAt?.toISOString() ?? null,
    createdAt: u.createdAt.toISOString(),
  };
}
