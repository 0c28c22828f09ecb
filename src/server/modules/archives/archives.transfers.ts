/**
 * 档案转递 (the archive_transfer workflow): the person asks for the archive to move to another custodian; the
 * sending custodian's staff approve, reject or dispatch it (with a tracking number); the receiving custodian's
 * staff receive it, which moves custody exactly once; the person may cancel. Each step is audited. Transfers are
 * shown on the archive and the custodian desk (archives.service.ts).
 */
import { and, eq, sql } from 'drizzle-orm';
import { type TransferAction, type TransferStatus, transferWorkflow } from '../../../shared/archives.js';
import { AppError } from '../../../shared/errors.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { record } from '../audit/audit.service.js';
import { applyTransition, type WorkflowBinding } from '../workflow/workflow.service.js';
import { isStaffOf } from './archives.service.js';
import { type ArchiveTransferRow, archiveCustodians, archiveTransfers, personArchives } from './archives.tables.js';

type ActorCtx = Ctx & { actor: Actor };

function tx<T>(ctx: ActorCtx, fn: (t: ActorCtx) => Promise<T>): Promise<T> {
  return ctx.db.transaction(async (d) => fn({ ...ctx, db: d as unknown as Db }));
}

/** Talent: ask for the archive to move to another custodian. 201; 409 ARCHIVES_TRANSFER_OPEN / _SAME_CUSTODIAN. */
export async function requestTransfer(ctx: ActorCtx, input: { toCustodianId: string; reason: string }) {
  return tx(ctx, async (t) => {
    const [archive] = await t.db.select().from(personArchives).where(eq(personArchives.personUserId, ctx.actor.userId)).for('update');
    if (!archive) throw new AppError('ARCHIVES_NO_ARCHIVE', { status: 404 });
    const [to] = await t.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, input.toCustodianId));
    if (!to) throw new AppError('NOT_FOUND', { status: 404, params: { field: 'toCustodianId' } });
    if (to.id === archive.custodianId) throw new AppError('ARCHIVES_SAME_CUSTODIAN', { status: 409 });
    const [row] = await t.db
      .insert(archiveTransfers)
      .values({
        archiveId: archive.id,
        fromCustodianId: archive.custodianId,
        toCustodianId: to.id,
        regionCode: archive.regionCode,
        status: transferWorkflow.initial,
        reason: input.reason,
        requestedBy: ctx.actor.userId,
        requestedAt: ctx.now,
        updatedAt: ctx.now,
      })
      .onConflictDoNothing()
      .returning();
    if (!row) throw new AppError('ARCHIVES_TRANSFER_OPEN', { status: 409 });
    await record(t, {
      action: 'archive_transfer.request',
      objectType: 'archive_transfer',
      objectId: row.id,
      regionCode: archive.regionCode,
      detail: { from: row.fromCustodianId, to: row.toCustodianId },
    });
    return { id: row.id, status: row.status };
  });
}

/**
 * approve / reject / dispatch (sending custodian; dispatch needs a tracking number and hands the transfer to
 * the receiver's region) / receive (receiving custodian: moves custody, only from the sending custodian) /
 * cancel (the person). The transfer row is locked by applyTransition, so of two concurrent receipts one wins
 * and the other gets 409 WORKFLOW_TRANSITION_NOT_ALLOWED.
 */
export async function transitionTransfer(
  ctx: ActorCtx,
  id: string,
  action: string,
  body: { reason?: string | undefined; trackingNumber?: string | undefined },
) {
  const tracking = body.trackingNumber?.trim();
  if (action === 'dispatch' && !(tracking && /^[A-Za-z0-9-]{6,40}$/.test(tracking)))
    throw new AppError('ARCHIVES_TRACKING_REQUIRED', { status: 400, params: { field: 'trackingNumber' } });
  const [pre] = await ctx.db.select({ to: archiveTransfers.toCustodianId }).from(archiveTransfers).where(eq(archiveTransfers.id, id));
  const [toC] = pre ? await ctx.db.select().from(archiveCustodians).where(eq(archiveCustodians.id, pre.to)) : [];
  const binding: WorkflowBinding<TransferStatus, TransferAction, ArchiveTransferRow> = {
    workflow: transferWorkflow,
    table: archiveTransfers,
    async guard(t, row, a) {
      if (a === 'cancel') {
        const [archive] = await t.db.select({ person: personArchives.personUserId }).from(personArchives).where(eq(personArchives.id, row.archiveId));
        if (archive?.person !== t.actor.userId) throw new AppError('NOT_FOUND', { status: 404 });
        return;
      }
      const [c] = await t.db
        .select()
        .from(archiveCustodians)
        .where(eq(archiveCustodians.id, a === 'receive' ? row.toCustodianId : row.fromCustodianId));
      if (!c || !isStaffOf(t.actor, c)) throw new AppError('NOT_FOUND', { status: 404 });
    },
    async after(t, row, a) {
      if (a !== 'receive') return;
      const moved = await t.db
        .update(personArchives)
        .set({ custodianId: row.toCustodianId, regionCode: toC?.regionCode ?? row.regionCode, version: sql`${personArchives.version} + 1`, updatedAt: t.now })
        .where(and(eq(personArchives.id, row.archiveId), eq(personArchives.custodianId, row.fromCustodianId)))
        .returning({ id: personArchives.id, version: personArchives.version });
      if (moved.length !== 1) throw new AppError('ARCHIVES_CUSTODY_CHANGED', { status: 409 });
      await record(t, {
        action: 'archive.custody_moved',
        objectType: 'person_archive',
        objectId: row.archiveId,
        regionCode: toC?.regionCode ?? row.regionCode,
        detail: { from: row.fromCustodianId, to: row.toCustodianId, transferId: row.id, version: moved[0]?.version },
      });
    },
    extraSet(t) {
      return { updatedAt: t.now, ...(action === 'dispatch' ? { trackingNumber: tracking, regionCode: toC?.regionCode } : {}) };
    },
  };
  const row = await applyTransition(ctx, binding, id, action, { reason: body.reason });
  return { id: row.id, status: row.status, trackingNumber: row.trackingNumber };
}
