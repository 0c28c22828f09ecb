/** Bulk import when things go wrong or get big: a crash between chunks, a 20,000-row file, and how long files are kept. */
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, inArray, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { systemCtx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { TALENT_HEADER, talentRows, toCsv, writeCsvFile } from './imports.fixtures.js';
import { CHUNK, runImport } from './imports.process.js';
import { purgeImportFiles } from './imports.purge.js';
import { importDir, rejectedPath, uploadPath } from './imports.service.js';
import { importBatches, importKeys } from './imports.tables.js';
import { type ImportHelpers, importHelpers } from './imports.test-support.js';

let t: TestApp;
let official: Session;
let importFile: ImportHelpers['importFile'];
const dir = mkdtempSync(path.join(tmpdir(), 'gancai-import-'));

beforeAll(async () => {
  t = await createTestApp();
  official = await t.signIn('official.ganzhou');
  ({ importFile } = importHelpers(t));
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('a crash between chunks', () => {
  it('keeps whole chunks only, and re-importing the file adds the rest', async () => {
    const rows = [...talentRows(2_500, { offset: 300_000 })];
    (rows[1_700] as string[])[0] = '王\u0000五'; // a NUL that PostgreSQL would refuse is dropped
    const body = toCsv(TALENT_HEADER, rows);
    const ctx = t.ctx();
    const [me] = await ctx.db.select().from(users).where(eq(users.id, official.userId));
    const id = randomUUID();
    mkdirSync(importDir(ctx), { recursive: true });
    writeFileSync(uploadPath(ctx, id), body);
    await ctx.db.insert(importBatches).values({
      id,
      kind: 'talents',
      status: 'queued',
      fileName: 'crash.csv',
      fileFormat: 'csv',
      fileBytes: body.length,
      fileSha256: '-',
      ownerId: official.userId,
      ownerRole: 'official',
      regionCode: me?.regionCode as string,
    });
    // the process "dies" right after the first chunk has committed
    const dying = async () => {
      throw new Error('killed');
    };
    await expect(runImport(ctx, id, dying)).rejects.toThrow('killed');
    const [failed] = await ctx.db.select().from(importBatches).where(eq(importBatches.id, id));
    expect(failed).toMatchObject({ status: 'failed', totalRows: CHUNK, inserted: CHUNK });
    const keys = await ctx.db.select({ n: sql<number>`count(*)::int` }).from(importKeys).where(eq(importKeys.batchId, id));
    expect(keys[0]?.n).toBe(CHUNK);
    const again = await importFile(official, 'talents', body);
    expect(again).toMatchObject({ totalRows: 2_500, inserted: 2_500 - CHUNK, unchanged: CHUNK, rejected: 0 });
  });
});

describe('a large file', () => {
  it('streams 20,000 rows with bad ones in them, and re-imports them unchanged', async () => {
    const file = path.join(dir, 'big.csv');
    await writeCsvFile(file, TALENT_HEADER, talentRows(20_000, { badEvery: 100, offset: 100_000 }));
    const b = await importFile(official, 'talents', readFileSync(file));
    expect(b).toMatchObject({ totalRows: 20_000, rejected: 200, inserted: 19_800 });
    const again = await importFile(official, 'talents', readFileSync(file));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 19_800, rejected: 200 });
    const n = await t
      .ctx()
      .db.select({ n: sql<number>`count(*)::int` })
      .from(importKeys)
      .where(inArray(importKeys.kind, ['talent']));
    expect(n[0]?.n).toBeGreaterThanOrEqual(19_800);
  }, 300_000);
});

describe('retention of import files', () => {
  it('deletes a rejected-rows file 30 days after its batch finished, and uploads left by a crash', async () => {
    const batch = await importFile(official, 'talents', toCsv(TALENT_HEADER, [...talentRows(5, { badEvery: 5, offset: 7_000 })]), '保留期.csv');
    expect(batch.rejected).toBe(1);
    const orphan = uploadPath({ platform: t.app.platform }, randomUUID());
    writeFileSync(orphan, 'left behind');

    const early = await purgeImportFiles(systemCtx(t.app.platform));
    expect(early).toEqual({ uploads: 1, rejected: 0 });
    expect(existsSync(orphan)).toBe(false);
    expect(existsSync(rejectedPath({ platform: t.app.platform }, batch.id))).toBe(true);

    t.clock.advance(31 * 86_400_000);
    const late = await purgeImportFiles(systemCtx(t.app.platform));
    expect(late.rejected).toBeGreaterThanOrEqual(1);
    expect(existsSync(rejectedPath({ platform: t.app.platform }, batch.id))).toBe(false);
    const again = await t.signIn('official.ganzhou');
    expect((await again.request({ method: 'GET', url: `/api/imports/${batch.id}/rejected` })).statusCode).toBe(404);
  });
});
