/**
 * 支付批次: an official gathers the approved claims of the region into a batch, exports it as an Excel
 * file for the finance system (the only place a full payee account leaves the platform; audited), and
 * records the result back, line by line or by uploading the finance system's result file
 * (申请编号 + 支付结果 成功/失败 + 失败原因). Paid lines move the budget's paid amount; failed lines go
 * back to approved for the next batch. A batch closes when no line is left open.
 */
import { randomInt } from 'node:crypto';
import type { Readable } from 'node:stream';
import { and, desc, eq, inArray, type SQL, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { AppError } from '../../../shared/errors.js';
import type { PaymentResults } from '../../../shared/policies.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { decrypt } from '../../lib/crypto.js';
import { chinaDate } from '../../lib/workdays.js';
import { assertInRegion, regionFilter } from '../access/region-scope.js';
import { record } from '../audit/audit.service.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { batchStep } from './policies.claims.js';
import { type PaymentBatchRow, paymentBatches, policies, policyClaims } from './policies.tables.js';

const MAX_LINES = 5000;

function batchView(b: PaymentBatchRow) {
  return {
    id: b.id,
    number: b.number,
    regionCode: b.regionCode,
    status: b.status,
    claimCount: b.claimCount,
    totalFen: b.totalFen,
    createdAt: b.createdAt.toISOString(),
    exportedAt: b.exportedAt?.toISOString() ?? null,
    closedAt: b.closedAt?.toISOString() ?? null,
  };
}

export async function loadBatch(ctx: Ctx & { actor: Actor }, id: string): Promise<PaymentBatchRow> {
  const [b] = /^[0-9a-f-]{36}$/i.test(id) ? await ctx.db.select().from(paymentBatches).where(eq(paymentBatches.id, id)) : [];
  if (!b) throw new AppError('NOT_FOUND', { status: 404 });
  assertInRegion(ctx.actor, b.regionCode);
  return b;
}

/** POST /api/policies/batches: every approved claim of the official's region (oldest first, ≤ 5,000). */
export async function createBatch(ctx: Ctx & { actor: Actor }) {
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const t = { ...ctx, db: tx };
    const where: SQL[] = [eq(policyClaims.status, 'approved')];
    const scope = regionFilter(ctx.actor, policyClaims.regionCode);
    if (scope) where.push(scope);
    const rows = await tx
      .select({ id: policyClaims.id, amountFen: policyClaims.amountFen })
      .from(policyClaims)
      .where(and(...where))
      .orderBy(policyClaims.approvedAt)
      .limit(MAX_LINES)
      .for('update', { skipLocked: true });
    if (rows.length === 0) throw new AppError('POLICIES_BATCH_EMPTY', { status: 409 });
    const number = `ZF${chinaDate(ctx.now).replaceAll('-', '')}${String(randomInt(0, 1_000_000)).padStart(6, '0')}`;
    const [batch] = await tx
      .insert(paymentBatches)
      .values({
        number,
        regionCode: ctx.actor.regionCode,
        status: 'open',
        claimCount: rows.length,
        totalFen: rows.reduce((s, r) => s + r.amountFen, 0),
        createdBy: ctx.actor.userId,
        createdAt: ctx.now,
      })
      .returning();
    if (!batch) throw new Error('insert failed');
    for (const r of rows) await batchStep(t, r.id, 'add_to_batch', undefined, { batchId: batch.id });
    await record(t, {
      action: 'payment_batch.create',
      objectType: 'payment_batch',
      objectId: batch.id,
      regionCode: batch.regionCode,
      detail: { claims: rows.length, totalFen: batch.totalFen },
    });
    return batchView(batch);
  });
}

/** GET /api/policies/batches */
export async function listBatches(ctx: Ctx & { actor: Actor }) {
  const scope = regionFilter(ctx.actor, paymentBatches.regionCode);
  const rows = await ctx.db.select().from(paymentBatches).where(scope).orderBy(desc(paymentBatches.createdAt)).limit(200);
  return { items: rows.map(batchView), total: rows.length };
}

async function batchLines(db: Db, batchId: string) {
  return db
    .select({
      id: policyClaims.id,
      status: policyClaims.status,
      amountFen: policyClaims.amountFen,
      policyName: policies.name,
      regionCode: policyClaims.regionCode,
      payeeBank: policyClaims.payeeBank,
      payeeAccountEnc: policyClaims.payeeAccountEnc,
      payeeAccountMasked: policyClaims.payeeAccountMasked,
      person: users.displayName,
      org: organisations.name,
      paymentNote: policyClaims.paymentNote,
    })
    .from(policyClaims)
    .innerJoin(policies, eq(policies.id, policyClaims.policyId))
    .leftJoin(users, eq(users.id, policyClaims.applicantUserId))
    .leftJoin(organisations, eq(organisations.id, policyClaims.applicantOrgId))
    .where(eq(policyClaims.batchId, batchId))
    .orderBy(policyClaims.approvedAt, policyClaims.id);
}

/** GET /api/policies/batches/:id: the batch and its lines (accounts masked). */
export async function getBatch(ctx: Ctx & { actor: Actor }, id: string) {
  const b = await loadBatch(ctx, id);
  const lines = (await batchLines(ctx.db, id)).map((l) => ({
    claimId: l.id,
    status: l.status,
    amountFen: l.amountFen,
    policyName: l.policyName,
    payeeName: l.org ?? l.person ?? '',
    payeeBank: l.payeeBank,
    payeeAccountMasked: l.payeeAccountMasked,
    paymentNote: l.paymentNote,
  }));
  return { ...batchView(b), lines };
}

const fenToYuan = (fen: number) => `${Math.trunc(fen / 100)}.${String(Math.abs(fen) % 100).padStart(2, '0')}`;

/** GET /api/policies/batches/:id/export: the xlsx for the finance system (full accounts; audited). */
export async function exportBatch(ctx: Ctx & { actor: Actor }, id: string): Promise<{ fileName: string; body: Buffer }> {
  const b = await loadBatch(ctx, id);
  const lines = await batchLines(ctx.db, id);
  const wb = new ExcelJS.Workbook();
  wb.creator = '赣才';
  const ws = wb.addWorksheet('支付清单');
  ws.columns = [
    { header: '序号', key: 'n', width: 6 },
    { header: '申请编号', key: 'id', width: 38 },
    { header: '政策名称', key: 'policy', width: 28 },
    { header: '收款人', key: 'name', width: 20 },
    { header: '开户银行', key: 'bank', width: 24 },
    { header: '银行账号', key: 'account', width: 26 },
    { header: '金额（元）', key: 'yuan', width: 12 },
    { header: '金额（分）', key: 'fen', width: 12 },
    { header: '支付结果', key: 'result', width: 10 },
    { header: '失败原因', key: 'reason', width: 24 },
  ];
  lines.forEach((l, i) => {
    ws.addRow({
      n: i + 1,
      id: l.id,
      policy: l.policyName,
      name: l.org ?? l.person ?? '',
      bank: l.payeeBank ?? '',
      account: l.payeeAccountEnc ? decrypt(ctx.platform.keys, l.payeeAccountEnc) : '',
      yuan: fenToYuan(l.amountFen),
      fen: l.amountFen,
      result: '',
      reason: '',
    });
  });
  ws.getColumn('account').numFmt = '@';
  const body = Buffer.from(await wb.xlsx.writeBuffer());
  await ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    await tx
      .update(paymentBatches)
      .set({ exportedAt: ctx.now, status: b.status === 'open' ? 'exported' : b.status })
      .where(eq(paymentBatches.id, id));
    await record(
      { ...ctx, db: tx },
      { action: 'payment_batch.export', objectType: 'payment_batch', objectId: id, regionCode: b.regionCode, detail: { lines: lines.length } },
    );
  });
  return { fileName: `${b.number}.xlsx`, body };
}

/** POST /api/policies/batches/:id/results: paid / failed per line; closes the batch when no line is open. */
export async function recordResults(ctx: Ctx & { actor: Actor }, id: string, input: PaymentResults) {
  const b = await loadBatch(ctx, id);
  if (b.status === 'closed') throw new AppError('POLICIES_BATCH_CLOSED', { status: 409 });
  return ctx.db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const t = { ...ctx, db: tx };
    const ids = input.lines.map((l) => l.claimId);
    const inBatch = await tx
      .select({ id: policyClaims.id, status: policyClaims.status })
      .from(policyClaims)
      .where(and(inArray(policyClaims.id, ids), eq(policyClaims.batchId, id)));
    const known = new Map(inBatch.map((r) => [r.id, r.status]));
    let paid = 0;
    let failed = 0;
    let skipped = 0;
    for (const l of input.lines) {
      const status = known.get(l.claimId);
      if (status !== 'in_batch') {
        if (status === undefined) throw new AppError('POLICIES_NOT_IN_BATCH', { status: 400, params: { claimId: l.claimId } });
        skipped++; // already recorded (a result file uploaded twice changes nothing)
        continue;
      }
      if (l.result === 'paid') {
        await batchStep(t, l.claimId, 'mark_paid', undefined, { paymentNote: null });
        paid++;
      } else {
        const reason = l.reason || '支付失败';
        await batchStep(t, l.claimId, 'mark_failed', reason, { paymentNote: reason, batchId: null });
        failed++;
      }
    }
    const [open] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(policyClaims)
      .where(and(eq(policyClaims.batchId, id), eq(policyClaims.status, 'in_batch')));
    if ((open?.n ?? 0) === 0) await tx.update(paymentBatches).set({ status: 'closed', closedAt: ctx.now }).where(eq(paymentBatches.id, id));
    await record(t, {
      action: 'payment_batch.results',
      objectType: 'payment_batch',
      objectId: id,
      regionCode: b.regionCode,
      detail: { paid, failed, skipped },
    });
    return { paid, failed, skipped, open: open?.n ?? 0 };
  });
}

/** Reads the finance system's result file (the exported sheet with 支付结果 filled in). */
export async function parseResultFile(stream: Readable): Promise<PaymentResults> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += (c as Buffer).length;
    if (size > 5 * 1024 * 1024) throw new AppError('PAYLOAD_TOO_LARGE', { status: 413 });
    chunks.push(c as Buffer);
  }
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch {
    throw new AppError('IMPORT_FILE_UNREADABLE', { status: 400 });
  }
  const ws = wb.worksheets[0];
  if (!ws) throw new AppError('IMPORT_FILE_UNREADABLE', { status: 400 });
  const header = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? '').trim());
  const col = (name: string) => header.indexOf(name);
  const [idCol, resultCol, reasonCol] = [col('申请编号'), col('支付结果'), col('失败原因')];
  if (idCol < 0 || resultCol < 0) throw new AppError('IMPORT_HEADER_MISSING', { status: 400, params: { columns: '申请编号、支付结果' } });
  const lines: PaymentResults['lines'] = [];
  ws.eachRow((row, n) => {
    if (n === 1) return;
    const id = String(row.getCell(idCol).value ?? '').trim();
    const result = String(row.getCell(resultCol).value ?? '').trim();
    if (!id || !result) return;
    const reason = reasonCol > 0 ? String(row.getCell(reasonCol).value ?? '').trim() : '';
    lines.push({ claimId: id, result: /^(成功|已支付|paid)$/i.test(result) ? 'paid' : 'failed', ...(reason ? { reason: reason.slice(0, 200) } : {}) });
  });
  if (lines.length === 0) throw new AppError('IMPORT_FILE_EMPTY', { status: 400 });
  return { lines };
}
