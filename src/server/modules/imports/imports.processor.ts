/**
 * What the import task and the two row processors (imports.talents.ts, imports.jobs.ts) share.
 */
import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { RejectReason } from '../../../shared/imports.js';
import type { Actor, Ctx } from '../../context.js';
import type { SheetRow } from './imports.parse.js';
import type { Cells } from './imports.rows.js';

export type Outcome = 'inserted' | 'updated' | 'unchanged';

export const digest = (v: unknown) => createHash('sha256').update(JSON.stringify(v)).digest('hex');

export interface Rejection {
  row: SheetRow;
  reasons: RejectReason[];
}

export type ImportCtx = Ctx & { actor: Actor };

export type Rows = { row: SheetRow; get: Cells }[];

/**
 * `prepare` does what needs no transaction (checks, blind indexes, digests, the classifier) and may run
 * while the previous chunk's transaction is still writing; `chunk` runs inside the chunk's transaction.
 * Both are called in file order.
 */
export interface Processor<P = unknown> {
  prepare(rows: Rows): Promise<P>;
  chunk(t: ImportCtx, rows: Rows, prepared: P): Promise<{ rejections: Rejection[]; write: (t: ImportCtx) => Promise<Record<Outcome, number>> }>;
}

/** A text[] built by the server from one JSON parameter (instead of one bind parameter per element). */
export function textArray(values: string[]) {
  return sql`array(select jsonb_array_elements_text(${JSON.stringify(values)}::jsonb))`;
}

export function rowsOf<T>(result: unknown): T[] {
  return (result as { rows: T[] }).rows;
}

export async function insertKeys(t: Ctx, kind: 'talent' | 'job', keys: { k: string; e: string; h: string }[], batchId: string) {
  await t.db.execute(sql`
    insert into import_keys (kind, natural_key, entity_id, content_hash, batch_id, updated_at)
    select ${kind}, v.k, v.e, v.h, ${batchId}, ${t.now}
    from jsonb_to_recordset(${JSON.stringify(keys)}::jsonb) as v(k text, e uuid, h text)`);
}
