/**
 * Login lockout: 5 consecutive failures lock the name for 30 minutes. Keyed by the SM3 digest of the
 * lower-cased username, for unknown names too, so the answer never tells whether an account exists.
 */
import { eq, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { sm3 } from '../../lib/crypto.js';
import { loginThrottle } from './auth.tables.js';

export const MAX_FAILURES = 5;
export const LOCK_MINUTES = 30;

export function throttleKey(username: string) {
  return sm3(`login:${username.trim().toLowerCase()}`);
}

export async function lockedUntil(ctx: Ctx, username: string): Promise<Date | null> {
  const [row] = await ctx.db
    .select()
    .from(loginThrottle)
    .where(eq(loginThrottle.key, throttleKey(username)));
  return row?.lockedUntil && row.lockedUntil > ctx.now ? row.lockedUntil : null;
}

/** Counts a failure; returns the lock end when this failure locks the name. */
export async function registerFailure(ctx: Ctx, username: string): Promise<Date | null> {
  const key = throttleKey(username);
  const until = new Date(ctx.now.getTime() + LOCK_MINUTES * 60_000);
  const [row] = await ctx.db
    .insert(loginThrottle)
    .values({ key, failures: 1, updatedAt: ctx.now })
    .onConflictDoUpdate({
      target: loginThrottle.key,
      set: {
        // a failure after an expired lock starts a new count
        failures: sql`case when ${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${ctx.now} then 1 else ${loginThrottle.failures} + 1 end`,
        lockedUntil: sql`case when ${loginThrottle.lockedUntil} is not null and ${loginThrottle.lockedUntil} <= ${ctx.now} then null else ${loginThrottle.lockedUntil} end`,
        updatedAt: ctx.now,
      },
    })
    .returning();
  if (row && row.failures >= MAX_FAILURES) {
    await ctx.db.update(loginThrottle).set({ lockedUntil: until }).where(eq(loginThrottle.key, key));
    return until;
  }
  return null;
}

export async function clearFailures(ctx: Ctx, username: string) {
  await ctx.db.delete(loginThrottle).where(eq(loginThrottle.key, throttleKey(username)));
}
