/**
 * The audit module exports only record() and the readers: the trail is append-only.
 * record() runs inside the caller's transaction, so the entry commits or rolls back with the change.
 */
import { and, asc, desc, eq, gt, lt, type SQL, sql } from 'drizzle-orm';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { hmacSm3 } from '../../lib/crypto.js';
import { regionFilter } from '../access/region-scope.js';
import { GENESIS_HASH, chainHash } from './audit.chain.js';
import { auditCheckpoints, auditLog } from './audit.tables.js';

export const CHECKPOINT_EVERY = 1000;
const AUDIT_LOCK = 7301;

export interface AuditEntry {
  action: string;
  objectType?: string | undefined;
  objectId?: string | undefined;
  regionCode?: string | null | undefined;
  result?: 'ok' | 'denied' | 'failed';
  /** Never personal identifiers: ids, codes, states and reasons only. */
  detail?: Record<string, unknown> | undefined;
}

export function checkpointSeal(ctx: Pick<Ctx, 'platform'>, seq: number, hash: string): string {
  return hmacSm3(ctx.platform.keys.mac, `audit-checkpoint:${seq}:${hash}`).toString('hex');
}

/** Appends one entry. Must be called with ctx.db bound to the business transaction. */
export async function record(ctx: Ctx, entry: AuditEntry): Promise<void> {
  const db = ctx.db;
  await db.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
  const [last] = await db.select({ seq: auditLog.seq, hash: auditLog.hash }).from(auditLog).orderBy(desc(auditLog.seq)).limit(1);
  const seq = (last?.seq ?? 0) + 1;
  const prevHash = last?.hash ?? GENESIS_HASH;
  const row = {
    seq,
    at: ctx.now,
    actorId: ctx.actor?.userId ?? null,
    actorRole: ctx.actor?.role ?? null,
    actorRegion: ctx.actor?.regionCode ?? null,
    ip: ctx.ip,
    requestId: ctx.requestId,
    action: entry.action,
    objectType: entry.objectType ?? null,
    objectId: entry.objectId ?? null,
    regionCode: entry.regionCode ?? null,
    result: entry.result ?? 'ok',
    detail: entry.detail ?? null,
  } as const;
  const hash = chainHash(prevHash, row);
  await db.insert(auditLog).values({ ...row, prevHash, hash });
  if (seq % CHECKPOINT_EVERY === 0) {
    await db.insert(auditCheckpoints).values({ seq, hash, at: ctx.now, seal: checkpointSeal(ctx, seq, hash) });
  }
}

/** Records an entry in its own transaction (denials and failed logins, which change nothing else). */
export async function recordAlone(ctx: Ctx, entry: AuditEntry): Promise<void> {
  await ctx.platform.database.db.transaction(async (tx) => record({ ...ctx, db: tx as unknown as Db }, entry));
}

export interface AuditQuery {
  objectType?: string | undefined;
  objectId?: string | undefined;
  actorId?: string | undefined;
  afterSeq?: number | undefined;
  /** Paging back through older entries: entries with seq below this, newest first. */
  beforeSeq?: number | undefined;
  limit: number;
}

/** Audit entries visible to the actor (officials: their region only). */
export async function listAudit(ctx: Ctx, q: AuditQuery) {
  const conds: (SQL | undefined)[] = [];
  if (ctx.actor) conds.push(regionFilter(ctx.actor, auditLog.regionCode));
  if (q.objectType) conds.push(eq(auditLog.objectType, q.objectType));
  if (q.objectId) conds.push(eq(auditLog.objectId, q.objectId));
  if (q.actorId) conds.push(eq(auditLog.actorId, q.actorId));
  if (q.afterSeq) conds.push(gt(auditLog.seq, q.afterSeq));
  if (q.beforeSeq) conds.push(lt(auditLog.seq, q.beforeSeq));
  return ctx.db
    .select()
    .from(auditLog)
    .where(and(...conds))
    .orderBy(q.afterSeq ? asc(auditLog.seq) : desc(auditLog.seq))
    .limit(q.limit);
}
