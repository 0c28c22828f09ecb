/**
 * Idempotent commands: the first request with a given `Idempotency-Key` runs and its answer is stored
 * in the same transaction; a retry with the same key and body gets the stored answer and changes
 * nothing; the same key with a different body is refused (422 IDEMPOTENCY_KEY_REUSED).
 * Concurrent duplicates serialise on the key's primary key.
 */
import { and, eq } from 'drizzle-orm';
import { AppError } from '../../../shared/errors.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { sm3 } from '../../lib/crypto.js';
import { idempotencyKeys } from './workflow.tables.js';

export async function idempotent<T>(ctx: Ctx, scope: string, key: string | undefined, request: unknown, run: (ctx: Ctx) => Promise<T>): Promise<T> {
  if (!key) return run(ctx);
  const requestHash = sm3(JSON.stringify(request ?? null));
  const fullScope = `${scope}:${ctx.actor?.userId ?? 'anonymous'}`;
  try {
    return await ctx.db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const inserted = await tx
        .insert(idempotencyKeys)
        .values({ scope: fullScope, key, requestHash, status: 0, createdAt: ctx.now })
        .onConflictDoNothing()
        .returning({ key: idempotencyKeys.key });
      if (inserted.length === 0) throw new Replay();
      const result = await run({ ...ctx, db: tx });
      await tx
        .update(idempotencyKeys)
        .set({ status: 200, response: result as never })
        .where(and(eq(idempotencyKeys.scope, fullScope), eq(idempotencyKeys.key, key)));
      return result;
    });
  } catch (err) {
    if (!(err instanceof Replay)) throw err;
    const [stored] = await ctx.db
      .select()
      .from(idempotencyKeys)
      .where(and(eq(idempotencyKeys.scope, fullScope), eq(idempotencyKeys.key, key)));
    if (!stored || stored.requestHash !== requestHash) throw new AppError('IDEMPOTENCY_KEY_REUSED', { status: 422 });
    return stored.response as T;
  }
}

class Replay extends Error {}
