/**
 * Walks the whole chain in order and reports the first entry that was changed, deleted,
 * inserted or reordered, and whether the tail was cut off after the last sealed checkpoint.
 */
import { asc, gt, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import { GENESIS_HASH, chainHash } from './audit.chain.js';
import { checkpointSeal } from './audit.service.js';
import { auditCheckpoints, auditLog } from './audit.tables.js';

export type VerifyProblem = 'hash_mismatch' | 'link_broken' | 'sequence_gap' | 'tail_truncated' | 'checkpoint_forged';

export interface VerifyResult {
  ok: boolean;
  entries: number;
  headSeq: number;
  headHash: string;
  firstBad?: { seq: number; problem: VerifyProblem; expectedSeq?: number };
}

const BATCH = 5000;

export async function verifyAuditChain(ctx: Ctx, onProgress?: (done: number, total: number) => Promise<void>): Promise<VerifyResult> {
  const [count] = onProgress ? await ctx.db.select({ n: sql<number>`count(*)::int` }).from(auditLog) : [];
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let entries = 0;
  const sealed = new Map<number, string>();
  for (const cp of await ctx.db.select().from(auditCheckpoints)) {
    if (checkpointSeal(ctx, cp.seq, cp.hash) !== cp.seal) {
      return { ok: false, entries: 0, headSeq: 0, headHash: GENESIS_HASH, firstBad: { seq: cp.seq, problem: 'checkpoint_forged' } };
    }
    sealed.set(cp.seq, cp.hash);
  }
  for (;;) {
    const rows = await ctx.db
      .select()
      .from(auditLog)
      .where(gt(auditLog.seq, expectedSeq - 1))
      .orderBy(asc(auditLog.seq))
      .limit(BATCH);
    for (const r of rows) {
      const bad = (problem: VerifyProblem): VerifyResult => ({
        ok: false,
        entries,
        headSeq: expectedSeq - 1,
        headHash: prevHash,
        firstBad: { seq: r.seq, problem, expectedSeq },
      });
      if (r.seq !== expectedSeq) return bad('sequence_gap');
      if (r.prevHash !== prevHash) return bad('link_broken');
      if (chainHash(prevHash, r) !== r.hash) return bad('hash_mismatch');
      // A rewritten chain re-hashes consistently; the sealed checkpoint does not move with it.
      const seal = sealed.get(r.seq);
      if (seal !== undefined && seal !== r.hash) return bad('hash_mismatch');
      prevHash = r.hash;
      expectedSeq++;
      entries++;
    }
    await onProgress?.(entries, count?.n ?? entries);
    if (rows.length < BATCH) break;
  }
  const headSeq = expectedSeq - 1;
  const lastSealed = Math.max(0, ...sealed.keys());
  if (lastSealed > headSeq) {
    return { ok: false, entries, headSeq, headHash: prevHash, firstBad: { seq: headSeq + 1, problem: 'tail_truncated' } };
  }
  return { ok: true, entries, headSeq, headHash: prevHash };
}

export const AUDIT_VERIFY_TASK = 'audit.verify';

/** Background-task handler: verifies the chain, reporting progress per batch. */
export async function auditVerifyTask(ctx: Ctx, _params: unknown, report: (done: number, total?: number, message?: string) => Promise<void>) {
  const result = await verifyAuditChain(ctx, (done, total) => report(done, total));
  return { ...result };
}
