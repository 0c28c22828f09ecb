import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { JOB_COLUMNS } from '../../../shared/imports.js';
import { idNumberIndex } from '../account/pi.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/jobs.tables.js';
import { chinaDate } from '../jobs/jobs.views.js';
import { talentProfiles } from '../profiles/profiles.tables.js';
import { syntheticIdNumber, syntheticPhone, TALENT_HEADER, talentRow, talentRows, toCsv, writeXlsxFile } from './imports.fixtures.js';
import { rejectedPath } from './imports.service.js';
import { importKeys } from './imports.tables.js';
import { type Batch, type ImportHelpers, importHelpers, XLSX } from './imports.test-support.js';

let t: TestApp;
let official: Session;
let nanchang: Session;
let employer: Session;
let talent: Session;
const dir = mkdtempSync(path.join(tmpdir(), 'gancai-import-'));

let upload: ImportHelpers['upload'];
let importFile: ImportHelpers['importFile'];
let rejectedCsv: ImportHelpers['rejectedCsv'];

beforeAll(async () => {
  t = await createTestApp();
  ({ upload, importFile, rejectedCsv } = importHelpers(t));
  official = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  employer = await t.signIn('employer.ganzhou');
  talent = await t.signIn('talent.ganzhou');
});
afterAll(async () => {
  await t?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('templates', () => {
  it('offers xlsx and CSV templates with the Chinese columns', async () => {
    const x = await t.app.inject({ method: 'GET', url: '/api/imports/templates/talents' });
    expect(x.statusCode).toBe(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['数据', '填写说明']);
    const sheet = wb.worksheets[0] as ExcelJS.Worksheet;
    expect((sheet.getRow(1).values as string[]).slice(1)).toEqual(['姓名*', '身份证号*', '手机号*', '所在地区代码*', ...TALENT_HEADER.slice(4)]);
    const c = await t.app.inject({ method: 'GET', url: '/api/imports/templates/jobs?format=csv' });
    expect(
      c.body
        .replace(/^\uFEFF/, '')
        .trim()
        .split(',')[2],
    ).toBe('岗位名称*');
  });
});

describe('job-seeker import', () => {
  const rows = [...talentRows(40, { badEvery: 5 })];
  const csv = toCsv(TALENT_HEADER, rows);
  let first: Batch;

  it('imports good rows and reports every bad one with its row number and reason', async () => {
    first = await importFile(official, 'talents', csv, '求职者.csv');
    expect(first).toMatchObject({ totalRows: 40, inserted: 32, updated: 0, unchanged: 0, rejected: 8 });
    expect(first.reasonCounts).toEqual({
      id_number_checksum: 1,
      phone_invalid: 1,
      region_unknown: 1,
      region_outside: 1,
      education_unknown: 1,
      salary_invalid: 1,
      required: 1,
      duplicate_in_file: 1,
    });
    // data row k sits on spreadsheet row k + 2; every fifth is bad
    expect(first.rejectedSample.map((r) => r.row)).toEqual([6, 11, 16, 21, 26, 31, 36, 41]);
    const file = await rejectedCsv(official, first.id);
    expect(file[0]).toEqual(['行号', ...TALENT_HEADER, '错误原因', '错误代码']);
    expect(file).toHaveLength(9);
    expect(file[1]?.[0]).toBe('6');
    expect(file[1]?.at(-2)).toBe('身份证号校验位错误');
    expect(file[4]?.at(-1)).toBe('region_outside');
    // on disk the rejected rows (which hold 身份证号 in clear) are sealed with SM4
    const onDisk = readFileSync(rejectedPath({ platform: t.app.platform }, first.id));
    expect(onDisk.toString('latin1')).not.toContain('行号');
    expect(onDisk.toString('utf8')).not.toContain(file[1]?.[2] ?? '行号');
  });

  it('creates talent records with sealed identifiers, a private profile and an account not yet activated', async () => {
    const db = t.ctx().db;
    const [k] = await db.select().from(importKeys).where(eq(importKeys.kind, 'talent')).limit(1);
    const [u] = await db
      .select()
      .from(users)
      .where(eq(users.id, k?.entityId as string));
    expect(u).toMatchObject({ role: 'talent', passwordHash: null, status: 'active' });
    expect(u?.idNumberEnc).not.toContain(syntheticIdNumber(0).slice(6, 14));
    expect(u?.username).toMatch(/^imp_/);
    const [p] = await db
      .select()
      .from(talentProfiles)
      .where(eq(talentProfiles.userId, u?.id as string));
    expect(p?.visibility).toBe('private');
    expect(p?.skills.length).toBeGreaterThan(0);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: u?.username, password: 'Gancai#2026' } });
    expect(login.statusCode).toBe(401);
  });

  it('lets the person activate the imported account by registering with the same ID and mobile number', async () => {
    const row = talentRow(2);
    const [before] = await t
      .ctx()
      .db.select()
      .from(users)
      .where(eq(users.idNumberBidx, idNumberIndex(t.app.platform.keys, row[1] as string) as string));
    const payload = {
      username: 'imported.person',
      password: 'Jiuye#2026abc',
      displayName: row[0],
      regionCode: row[3],
      idNumber: row[1],
      phone: row[2],
      consents: ['privacy_policy', 'sensitive_pi'],
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/register/talent', payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().user.id).toBe(before?.id);
    const profile = await t
      .ctx()
      .db.select()
      .from(talentProfiles)
      .where(eq(talentProfiles.userId, before?.id as string));
    expect(profile).toHaveLength(1);
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username: 'imported.person', password: 'Jiuye#2026abc' } });
    expect(login.statusCode).toBe(200);
  });

  it('changes nothing when the same file is imported again', async () => {
    const before = await t.ctx().db.select({ n: sql<number>`count(*)::int` }).from(users);
    const again = await importFile(official, 'talents', csv, '求职者.csv');
    expect(again).toMatchObject({ totalRows: 40, inserted: 0, updated: 0, unchanged: 32, rejected: 8 });
    const after = await t.ctx().db.select({ n: sql<number>`count(*)::int` }).from(users);
    expect(after).toEqual(before);
  });

  it('an overlapping later file updates what changed and adds what is new', async () => {
    const changed = talentRow(0);
    changed[2] = '13911112222';
    const later = toCsv(TALENT_HEADER, [changed, ...rows.slice(1, 10), talentRow(1000), talentRow(1001)]);
    const b = await importFile(official, 'talents', later);
    expect(b).toMatchObject({ totalRows: 12, inserted: 2, updated: 1, unchanged: 7, rejected: 2 });
  });

  it('reads xlsx, with identifiers typed as text and numbers as numbers', async () => {
    const file = path.join(dir, 'talents.xlsx');
    const xrows = [2000, 2001, 2002].map((i) => {
      const r: (string | number)[] = talentRow(i);
      r[7] = 2015; // 毕业年份 as a number cell
      return r;
    });
    xrows.push(talentRow(2003, 'phone'));
    await writeXlsxFile(file, TALENT_HEADER, xrows);
    const b = await importFile(official, 'talents', readFileSync(file), 'talents.xlsx', XLSX);
    expect(b).toMatchObject({ totalRows: 4, inserted: 3, rejected: 1, reasonCounts: { phone_invalid: 1 } });
    const again = await importFile(official, 'talents', readFileSync(file), 'talents.xlsx', XLSX);
    expect(again).toMatchObject({ inserted: 0, unchanged: 3, rejected: 1 });
  });

  it('reads CSV saved in GB18030 by Excel on Chinese Windows', async () => {
    // 姓名,身份证号,手机号,所在地区代码 and 张三 in GB18030 (no BOM), the rest ASCII
    const header = Buffer.from('d0d5c3fb2cc9edb7ddd6a4bac52ccad6bbfabac52ccbf9d4dab5d8c7f8b4fac2eb', 'hex');
    const name = Buffer.from('d5c5c8fd', 'hex');
    const body = Buffer.concat([header, Buffer.from('\r\n'), name, Buffer.from(`,${syntheticIdNumber(3000)},${syntheticPhone(3000)},360702\r\n`)]);
    const b = await importFile(official, 'talents', body, 'gbk.csv');
    expect(b).toMatchObject({ totalRows: 1, inserted: 1, rejected: 0 });
    const [u] = await t.ctx().db.select().from(users).where(eq(users.displayName, '张三'));
    expect(u?.role).toBe('talent');
  });

  it('refuses files without the required columns, empty files, and people who may not import', async () => {
    const bad = await upload(official, 'talents', '姓名,手机号\r\n张三,13800138000\r\n');
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toMatchObject({ code: 'IMPORT_HEADER_MISSING', params: { columns: '身份证号、所在地区代码' } });
    expect((await upload(official, 'talents', '')).json().code).toBe('IMPORT_FILE_EMPTY');
    expect((await upload(employer, 'talents', csv)).statusCode).toBe(403);
    expect((await upload(official, 'talents', '{"rows":[]}', 'x.json', 'application/json')).statusCode).toBe(415);
    expect((await upload(talent, 'jobs', csv)).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'POST', url: '/api/imports?kind=talents', payload: csv, headers: { 'content-type': 'text/csv' } })).statusCode).toBe(
      401,
    );
  });

  it('shows a batch and its rejected rows to the importer only', async () => {
    expect((await nanchang.request({ method: 'GET', url: `/api/imports/${first.id}` })).statusCode).toBe(404);
    expect((await nanchang.request({ method: 'GET', url: `/api/imports/${first.id}/rejected` })).statusCode).toBe(404);
    const list = (await official.request({ method: 'GET', url: '/api/imports?kind=talents' })).json();
    expect(list.total).toBeGreaterThanOrEqual(4);
    expect((await nanchang.request({ method: 'GET', url: '/api/imports' })).json().total).toBe(0);
  });

  it('rejects every row outside the importer region', async () => {
    const b = await importFile(nanchang, 'talents', toCsv(TALENT_HEADER, [talentRow(4000), talentRow(4001)]));
    expect(b).toMatchObject({ inserted: 0, rejected: 2, reasonCounts: { region_outside: 2 } });
  });
});

describe('posting import', () => {
  const header = JOB_COLUMNS.map((c) => c.header);
  const today = () => chinaDate(t.clock.now());
  function job(o: Record<string, string> = {}): string[] {
    const v: Record<string, string> = {
      uscc: '',
      externalId: '',
      title: '数据分析师',
      description: '负责业务数据的采集、清洗与分析，搭建数据看板。',
      occupationCode: '2-02-30-09',
      regionCode: '360702',
      salaryMin: '8000',
      salaryMax: '1.2万',
      education: '本科',
      experience: '2',
      headcount: '3',
      workMode: '现场',
      validFrom: '',
      validUntil: '',
      requiredSkills: 'Python、SQL',
      preferredSkills: '',
      ...o,
    };
    return JOB_COLUMNS.map((c) => v[c.key] ?? '');
  }
  const employerRows = () => [
    job({ externalId: 'E-1' }),
    job({ externalId: 'E-2', title: 'Java开发工程师', occupationCode: '2-02-10-03', description: '负责后端服务开发，限男性，35岁以下。' }),
    job({ title: '电商运营专员', occupationCode: '4-01-06-01', salaryMin: '5k', salaryMax: '7k' }),
    job({ externalId: 'E-4', salaryMin: '9000', salaryMax: '8000' }),
    job({ externalId: 'E-5', uscc: '91360703MA39Y2RT5U' }),
    job({ externalId: 'E-6', occupationCode: '9-99-99-99' }),
    job({ externalId: 'E-7', validFrom: '2026-13-01' }),
    job({ externalId: 'E-8', workMode: '弹性' }),
    job({ externalId: 'E-9', headcount: '0' }),
    job({ externalId: 'E-1', title: '数据工程师' }),
    job({ externalId: 'E-11', title: '' }),
  ];
  let batch: Batch;

  it('imports an employer file as postings waiting for review, vetted like any posting', async () => {
    batch = await importFile(employer, 'jobs', toCsv(header, employerRows()), '岗位.csv');
    expect(batch).toMatchObject({ totalRows: 11, inserted: 3, rejected: 8 });
    expect(batch.reasonCounts).toEqual({
      salary_range: 1,
      org_mismatch: 1,
      occupation_unknown: 1,
      date_invalid: 1,
      work_mode_invalid: 1,
      headcount_invalid: 1,
      duplicate_in_file: 1,
      required: 1,
    });
    const rows = await t.ctx().db.select().from(jobPostings).where(eq(jobPostings.status, 'pending_review'));
    const java = rows.find((r) => r.title === 'Java开发工程师');
    expect(java?.vetting.findings.map((f) => f.category).sort()).toEqual(['age', 'gender']);
    const ecommerce = rows.find((r) => r.title === '电商运营专员');
    expect(ecommerce).toMatchObject({ salaryMinFen: 500_000, salaryMaxFen: 700_000, educationCode: '21', validFrom: today() });
    // the official cannot publish the discriminatory one without an override, as for any posting
    const refused = await official.request({ method: 'POST', url: `/api/jobs/${java?.id}/transitions/approve`, payload: {} });
    expect(refused.json().code).toBe('JOBS_VETTING_FINDINGS');
  });

  it('changes nothing on re-import and updates a posting whose row changed', async () => {
    const again = await importFile(employer, 'jobs', toCsv(header, employerRows()));
    expect(again).toMatchObject({ inserted: 0, updated: 0, unchanged: 3, rejected: 8 });
    const edited = employerRows();
    edited[0] = job({ externalId: 'E-1', headcount: '5' });
    const third = await importFile(employer, 'jobs', toCsv(header, edited));
    expect(third).toMatchObject({ inserted: 0, updated: 1, unchanged: 2 });
  });

  it('lets an official import for verified employers of the region only', async () => {
    const rows = [
      job({ uscc: '91360702MA35X8KQ16', externalId: 'O-1', title: '数据标注员', occupationCode: '4-04-05-05' }),
      job({ uscc: '91360703MA39Y2RT5U', externalId: 'O-2' }),
      job({ uscc: '91360702MA35X8KQ17', externalId: 'O-3' }),
      job({ uscc: '91360000MA00000001', externalId: 'O-4' }),
      job({ externalId: 'O-5' }),
      job({ uscc: '91360702MA35X8KQ16', externalId: 'O-6', regionCode: '360102' }),
    ];
    const b = await importFile(official, 'jobs', toCsv(header, rows));
    expect(b.inserted).toBe(1);
    expect(b.reasonCounts).toMatchObject({ org_not_verified: 1, uscc_invalid: expect.any(Number), required: 1, region_outside: 1 });
    const nc = await importFile(nanchang, 'jobs', toCsv(header, [job({ uscc: '91360702MA35X8KQ16', externalId: 'N-1', regionCode: '360102' })]));
    expect(nc.reasonCounts).toEqual({ org_outside_region: 1 });
  });

  it('does not let an import change a published posting', async () => {
    const [row] = await t.ctx().db.select().from(jobPostings).where(eq(jobPostings.title, '电商运营专员'));
    const ok = await official.request({ method: 'POST', url: `/api/jobs/${row?.id}/transitions/approve`, payload: {} });
    expect(ok.statusCode, ok.body).toBe(200);
    const edited = employerRows();
    edited[2] = job({ title: '电商运营专员', occupationCode: '4-01-06-01', salaryMin: '5k', salaryMax: '7k', headcount: '9' });
    const b = await importFile(employer, 'jobs', toCsv(header, edited));
    expect(b.reasonCounts.posting_not_editable).toBe(1);
  });
});
