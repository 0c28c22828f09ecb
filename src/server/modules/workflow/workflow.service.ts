/**
 * The one transition function. In a single transaction it locks the entity row, checks the state and
 * the actor's role (and region), updates the status, and appends the workflow event and the audit row.
 * An illegal step answers 409 WORKFLOW_TRANSITION_NOT_ALLOWED with the actions that are allowed.
 */
import { eq, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../../../shared/errors.js';
import { allowedActions, type Workflow } from '../../../shared/workflow.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { assertInRegion } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { workflowEvents } from './workflow.tables.js';

type EntityTable = PgTable & { id: PgColumn; status: PgColumn; regionCode: PgColumn };

export interface WorkflowBinding<S extends string, A extends string, Row> {
  workflow: Workflow<S, A>;
  table: EntityTable;
  /** Extra guard beyond role and region (ownership, assignment). Throw AppError to refuse. */
  guard?: (ctx: Ctx & { actor: Actor }, row: Row, action: A) => void | Promise<void>;
  /** Side effects inside the same transaction (e.g. activate accounts when an organisation is verified). */
  after?: (ctx: Ctx & { actor: Actor }, row: Row, action: A, to: S) => Promise<void>;
  /** Columns to set alongside the status (e.g. updatedAt). */
  extraSet?: (ctx: Ctx) => Record<string, unknown>;
}

export interface TransitionInput {
  reason?: string | undefined;
}

export async function applyTransition<S extends string, A extends string, Row extends { id: string; status: string; regionCode: string }>(
  ctx: Ctx & { actor: Actor },
  binding: WorkflowBinding<S, A, Row>,
  id: string,
  action: string,
  input: TransitionInput = {},
): Promise<Row> {
  const { workflow, table } = binding;
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const t = { ...ctx, db: tx };
    const [row] = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, id))
      .for('update')) as unknown as Row[];
    if (!row) throw new AppError('NOT_FOUND', { status: 404 });
    assertInRegion(ctx.actor, row.regionCode);
    await binding.guard?.(t, row, action as A);
    const status = row.status as S;
    const allowed = allowedActions(workflow, status, [ctx.actor.role]);
    const spec = (workflow.transitions as Record<string, (typeof workflow.transitions)[A] | undefined>)[action];
    if (!spec || !allowed.includes(action as A)) {
      const roleMayNeverAct = spec && !spec.roles.includes(ctx.actor.role);
      if (roleMayNeverAct) throw new AppError('FORBIDDEN', { status: 403, params: { reason: 'role', action } });
      throw new AppError('WORKFLOW_TRANSITION_NOT_ALLOWED', { status: 409, params: { status, action, allowed } });
    }
    const reason = input.reason?.trim() || undefined;
    if (spec.reason === 'required' && !reason) {
      throw new AppError('WORKFLOW_REASON_REQUIRED', { status: 400, params: { field: 'reason', action } });
    }
    await tx
      .update(table)
      .set({ status: spec.to, ...(binding.extraSet?.(ctx) ?? {}) } as never)
      .where(eq(table.id, id));
    await tx.insert(workflowEvents).values({
      workflow: workflow.name,
      entityId: id,
      action,
      fromState: status,
      toState: spec.to,
      actorId: ctx.actor.userId,
      actorRole: ctx.actor.role,
      reason: reason ?? null,
      requestId: ctx.requestId,
      at: ctx.now,
    });
    await record(t, {
      action: `${workflow.name}.${action}`,
      objectType: workflow.name,
      objectId: id,
      regionCode: row.regionCode,
      detail: { from: status, to: spec.to, ...(reason ? { reason } : {}) },
    });
    await binding.after?.(t, row, action as A, spec.to);
    const [updated] = (await tx
      .select()
      .from(table as PgTable)
      .where(eq(table.id, id))) as unknown as Row[];
    return updated ?? row;
  });
}

/** The history of one entity, oldest first. */
export async function workflowHistory(ctx: Ctx, workflowName: string, entityId: string) {
  const rows = await ctx.db.execute(
    sql`select action, from_state, to_state, actor_role, reason, at from ${workflowEvents}
        where workflow = ${workflowName} and entity_id = ${entityId} order by id`,
  );
  return (rows as unknown as { rows: Record<string, unknown>[] }).rows.map((r) => ({
    action: String(r.action),
    fromState: r.from_state === null ? null : String(r.from_state),
    toState: String(r.to_state),
    actorRole: r.actor_role === null ? null : String(r.actor_role),
    reason: r.reason === null ? null : String(r.reason),
    at: new Date(String(r.at)).toISOString(),
  }));
}
