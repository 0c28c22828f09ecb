/**
 * Officials look people up by 身份证号 or phone through the blind index (no plain-text search),
 * see them masked, and may reveal a full identifier with a stated reason — always audited.
 */
import { and, eq, type SQL } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import { maskName } from '../../../shared/identifiers.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { idNumberIndex, maskedIdNumber, maskedPhone, openValue, phoneIndex } from '../account/pi.js';
import { record } from '../audit/audit.service.js';
import { type UserRow, users } from '../auth/auth.tables.js';
import { verifyPassword } from '../auth/password.js';

function personView(ctx: Ctx, u: UserRow) {
  return {
    id: u.id,
    displayName: maskName(u.displayName),
    role: u.role,
    regionCode: u.regionCode,
    status: u.status,
    idNumberMasked: maskedIdNumber(ctx.platform.keys, u.idNumberEnc),
    phoneMasked: maskedPhone(ctx.platform.keys, u.phoneEnc),
    createdAt: u.createdAt.toISOString(),
  };
}

export async function searchPeople(ctx: Ctx & { actor: Actor }, q: { idNumber?: string | undefined; phone?: string | undefined }) {
  const keys = ctx.platform.keys;
  const conds: (SQL | undefined)[] = [regionFilter(ctx.actor, users.regionCode), eq(users.role, 'talent')];
  if (q.idNumber) {
    const bidx = idNumberIndex(keys, q.idNumber);
    if (!bidx) throw new AppError('PI_ID_NUMBER_INVALID', { status: 400, params: { field: 'idNumber' } });
    conds.push(eq(users.idNumberBidx, bidx));
  } else if (q.phone) {
    const bidx = phoneIndex(keys, q.phone);
    if (!bidx) throw new AppError('PI_PHONE_INVALID', { status: 400, params: { field: 'phone' } });
    conds.push(eq(users.phoneBidx, bidx));
  } else throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'idNumber' } });
  const rows = await ctx.db
    .select()
    .from(users)
    .where(and(...conds))
    .limit(20);
  await ctx.db.transaction((tx) =>
    record(
      { ...ctx, db: tx as unknown as Db },
      { action: 'person.search', regionCode: ctx.actor.regionCode, detail: { by: q.idNumber ? 'idNumber' : 'phone', hits: rows.length } },
    ),
  );
  return { items: rows.map((u) => personView(ctx, u)) };
}

async function loadPerson(ctx: Ctx & { actor: Actor }, id: string): Promise<UserRow> {
  const [u] = await ctx.db.select().from(users).where(eq(users.id, id));
  if (u?.role !== 'talent') throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, u.regionCode);
  return u;
}

export async function getPerson(ctx: Ctx & { actor: Actor }, id: string) {
  const person = await loadPerson(ctx, id);
  await ctx.db.transaction((tx) =>
    record({ ...ctx, db: tx as unknown as Db }, { action: 'person.read', objectType: 'user', objectId: id, regionCode: person.regionCode }),
  );
  return personView(ctx, person);
}

/** Reveal needs the hrss department, a stated reason and the official's password again (re-authentication). */
export async function revealIdentifier(ctx: Ctx & { actor: Actor }, id: string, input: { field: 'idNumber' | 'phone'; reason: string; password: string }) {
  const { field, reason } = input;
  if (ctx.actor.department !== 'hrss') throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'department' } });
  if (reason.trim().length < 4) throw new AppError('PI_REVEAL_REASON_REQUIRED', { status: 400, params: { field: 'reason' } });
  const u = await loadPerson(ctx, id);
  const [me] = await ctx.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, ctx.actor.userId));
  if (!(await verifyPassword(me?.hash, input.password))) throw new AppError('AUTH_REAUTH_REQUIRED', { status: 401, params: { field: 'password' } });
  const value = openValue(ctx.platform.keys, field === 'idNumber' ? u.idNumberEnc : u.phoneEnc);
  if (value === null) throw new AppError('NOT_FOUND', { status: 404 });
  await ctx.db.transaction((tx) =>
    record(
      { ...ctx, db: tx as unknown as Db },
      { action: 'person.reveal', objectType: 'user', objectId: id, regionCode: u.regionCode, detail: { field, reason: reason.trim() } },
    ),
  );
  return { field, value };
}
