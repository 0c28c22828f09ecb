/**
 * Seeding by size: `ci` (small, for tests), `demo` (a realistic province in miniature, first start),
 * `province` (1,000,000 talents and 40,000 employers, for benchmarks).
 */
import { count, eq } from 'drizzle-orm';
import type { Ctx } from '../context.js';
import type { Db } from '../db/client.js';
import { record } from '../modules/audit/audit.service.js';
import type { Progress } from '../lib/progress.js';
import { auditLog } from '../modules/audit/audit.tables.js';
import { seedEvents } from '../modules/events/index.js';
import { seedBulk, SEED_SIZES, type SeedSize } from './bulk.js';
import { seedDemoAccounts } from './demo-accounts.js';
import { seedDemoTalentProfile } from './demo-profile.js';

export type { SeedSize };

/** A finished seed leaves a `system.seed` audit entry; an interrupted one is resumed on the next start. */
export async function isSeeded(ctx: Ctx): Promise<boolean> {
  const [row] = await ctx.db.select({ n: count() }).from(auditLog).where(eq(auditLog.action, 'system.seed'));
  return (row?.n ?? 0) > 0;
}

export async function seed(ctx: Ctx, size: SeedSize, progress: Progress) {
  const started = Date.now();
  await seedDemoAccounts(ctx);
  const counts = await seedBulk(ctx, SEED_SIZES[size], progress);
  const events = await seedEvents(ctx);
  const demoProfile = await seedDemoTalentProfile(ctx);
  const result = { size, ...counts, events, demoProfile, seconds: (Date.now() - started) / 1000 };
  await ctx.db.transaction((tx) => record({ ...ctx, db: tx as unknown as Db }, { action: 'system.seed', detail: { ...result } }));
  return result;
}
