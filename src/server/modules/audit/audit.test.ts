import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/helpers.js';
import type { Db } from '../../db/client.js';
import { CHECKPOINT_EVERY, record } from './audit.service.js';
import { verifyAuditChain } from './audit.verify.js';

let t: TestApp;
beforeEach(async () => {
  t = await createTestApp();
});
afterEach(async () => t?.close());

async function append(n: number) {
  const ctx = t.ctx();
  await ctx.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++)
      await record({ ...ctx, db: tx as unknown as Db }, { action: 'test.event', objectType: 'test', objectId: String(i), detail: { i } });
  });
}

async function asSuperuser(sql: string) {
  await t.database.query('alter table audit_log disable trigger user');
  await t.database.query(sql);
  await t.database.query('alter table audit_log enable trigger user');
}

describe('audit chain', () => {
  it('verifies a clean chain', async () => {
    await append(30);
    const r = await verifyAuditChain(t.ctx());
    expect(r.ok).toBe(true);
    expect(r.entries).toBeGreaterThanOrEqual(30);
  });

  it('refuses UPDATE and DELETE from the application', async () => {
    await append(3);
    await expect(t.database.query(`update audit_log set action = 'x' where seq = 1`)).rejects.toThrow(/append-only/);
    await expect(t.database.query('delete from audit_log where seq = 1')).rejects.toThrow(/append-only/);
  });

  it('reports the first tampered entry', async () => {
    await append(20);
    await asSuperuser(`update audit_log set detail = '{"i": 99}' where seq = 7`);
    const r = await verifyAuditChain(t.ctx());
    expect(r.ok).toBe(false);
    expect(r.firstBad).toEqual(expect.objectContaining({ seq: 7, problem: 'hash_mismatch' }));
  });

  it('reports a deleted entry as a gap', async () => {
    await append(20);
    await asSuperuser('delete from audit_log where seq = 12');
    const r = await verifyAuditChain(t.ctx());
    expect(r.firstBad).toEqual(expect.objectContaining({ seq: 13, problem: 'sequence_gap', expectedSeq: 12 }));
  });

  it('reports reordered entries', async () => {
    await append(20);
    await asSuperuser('update audit_log set seq = -100 where seq = 5');
    await asSuperuser('update audit_log set seq = 5 where seq = 6');
    await asSuperuser('update audit_log set seq = 6 where seq = -100');
    const r = await verifyAuditChain(t.ctx());
    expect(r.ok).toBe(false);
    expect(r.firstBad?.seq).toBe(5);
  });

  it('detects a tail cut off after a sealed checkpoint', async () => {
    const [{ n } = { n: 0 }] = await t.database.query<{ n: number }>('select count(*)::int as n from audit_log');
    await append(CHECKPOINT_EVERY - n + 5);
    expect((await verifyAuditChain(t.ctx())).ok).toBe(true);
    await asSuperuser(`delete from audit_log where seq > ${CHECKPOINT_EVERY - 3}`);
    const r = await verifyAuditChain(t.ctx());
    expect(r.ok).toBe(false);
    expect(r.firstBad?.problem).toBe('tail_truncated');
  });

  it('rolls the business change back when the audit write fails', async () => {
    const ctx = t.ctx();
    await expect(
      ctx.db.transaction(async (tx) => {
        await tx.execute(`update users set display_name = 'changed' where username = 'reviewer'` as never);
        await record({ ...ctx, db: tx as unknown as Db }, { action: 'x'.repeat(10), detail: { bad: BigInt(1) as never } });
      }),
    ).rejects.toThrow();
    const [row] = await t.database.query<{ display_name: string }>(`select display_name from users where username = 'reviewer'`);
    expect(row?.display_name).not.toBe('changed');
  });
});
