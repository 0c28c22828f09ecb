import { and, eq, isNull } from 'drizzle-orm';
import { ConsentPurpose, PRIVACY_POLICY_VERSION, REQUIRED_CONSENTS } from '../../../shared/consent.js';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { consents } from './account.tables.js';

/** Records consents given at registration; the required ones must be among them. */
/** Refuses a registration that lacks a required consent (checked before anything is looked up or written). */
export function assertRequiredConsents(purposes: readonly string[], required: readonly ConsentPurpose[] = REQUIRED_CONSENTS) {
  for (const p of required) {
    if (!purposes.includes(p)) throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'consents', missing: p } });
  }
}

export async function grantConsents(ctx: Ctx, userId: string, purposes: readonly string[], required: readonly ConsentPurpose[] = REQUIRED_CONSENTS) {
  assertRequiredConsents(purposes, required);
  const valid = [...new Set(purposes)].filter((p) => ConsentPurpose.safeParse(p).success);
  if (valid.length) {
    await ctx.db.insert(consents).values(valid.map((purpose) => ({ userId, purpose, policyVersion: PRIVACY_POLICY_VERSION, grantedAt: ctx.now })));
  }
}

export async function listConsents(ctx: Ctx, userId: string) {
  const rows = await ctx.db.select().from(consents).where(eq(consents.userId, userId));
  return rows.map((r) => ({
    purpose: r.purpose,
    policyVersion: r.policyVersion,
    grantedAt: r.grantedAt.toISOString(),
    withdrawnAt: r.withdrawnAt?.toISOString() ?? null,
  }));
}

/** Gives or withdraws one optional consent; withdrawal is as easy as giving (PIPL art. 15). */
export async function setConsent(ctx: Ctx, userId: string, purpose: ConsentPurpose, granted: boolean) {
  if (!granted && REQUIRED_CONSENTS.includes(purpose)) {
    throw new AppError('VALIDATION_FAILED', { status: 400, params: { field: 'purpose', reason: 'required_consent_close_account_instead' } });
  }
  const active = and(eq(consents.userId, userId), eq(consents.purpose, purpose), isNull(consents.withdrawnAt));
  await ctx.db.transaction(async (txRaw) => {
    const t = { ...ctx, db: txRaw as unknown as Db };
    const [current] = await t.db.select().from(consents).where(active).for('update');
    if (granted && !current) {
      await t.db.insert(consents).values({ userId, purpose, policyVersion: PRIVACY_POLICY_VERSION, grantedAt: ctx.now });
    } else if (!granted && current) {
      await t.db.update(consents).set({ withdrawnAt: ctx.now }).where(active);
    } else return;
    const action = granted ? 'consent.grant' : 'consent.withdraw';
    await record(t, { action, objectType: 'user', objectId: userId, regionCode: ctx.actor?.regionCode, detail: { purpose } });
  });
}

export async function hasConsent(ctx: Ctx, userId: string, purpose: ConsentPurpose): Promise<boolean> {
  const [row] = await ctx.db
    .select({ id: consents.id })
    .from(consents)
    .where(and(eq(consents.userId, userId), eq(consents.purpose, purpose), isNull(consents.withdrawnAt)));
  return Boolean(row);
}
