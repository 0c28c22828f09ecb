/** Shared by the wages and open-data tests: postings inserted as fixtures, survey workbooks built with exceljs. */
import ExcelJS from 'exceljs';
import type { Database } from '../../db/client.js';

export const SOFTWARE = '2-02-10-03'; // 计算机软件工程技术人员 (S)
export const NOT_DIGITAL = '4-03-01-01'; // 前厅服务员

export interface PostingFixture {
  occupationCode?: string;
  regionCode: string;
  minYuan: number;
  maxYuan: number;
  publishedAt: string | null;
  headcount?: number;
}

/** Inserts postings as the jobs module stores them (monthly pay in 分), for a verified organisation of the template. */
export async function insertPostings(database: Database, rows: readonly PostingFixture[]): Promise<void> {
  const [org] = await database.query<{ id: string }>(`select id from organisations order by created_at limit 1`);
  if (!org) throw new Error('no organisation in the template database');
  for (const [i, r] of rows.entries()) {
    await database.query(
      `insert into job_postings (org_id, region_code, title, description, occupation_code, salary_min_fen, salary_max_fen, headcount,
         work_mode, valid_from, valid_until, is_digital, status, dedupe_key, search_tokens, published_at)
       values ($1, $2, $3, '负责软件开发与维护工作。', $4, $5, $6, $7, 'on_site', '2019-01-01', '2019-12-31', true, $8, $9, '软件', $10)`,
      [
        org.id,
        r.regionCode,
        `工资测试岗位${i}`,
        r.occupationCode ?? SOFTWARE,
        r.minYuan * 100,
        r.maxYuan * 100,
        r.headcount ?? 1,
        r.publishedAt ? 'published' : 'draft',
        `wage-test-${i}-${Math.random()}`,
        r.publishedAt,
      ],
    );
  }
}

export const SURVEY_HEADER = ['职业代码', '职业名称', '地区代码', '计薪周期', '工资（元）'];

export async function surveyXlsx(rows: readonly (string | number)[][], header: readonly string[] = SURVEY_HEADER): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('薪酬调查');
  ws.addRow([...header]);
  for (const r of rows) ws.addRow([...r]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The cross-region matrix's 南昌 record: a wage-survey batch uploaded by the 南昌 official; returns its id. */
export async function nanchangWageSurvey(official: {
  request: (o: import('fastify').InjectOptions) => Promise<import('fastify').LightMyRequestResponse>;
}): Promise<string> {
  const body = await surveyXlsx(Array.from({ length: 3 }, (_, i) => [SOFTWARE, '', '360102', '月', 8000 + i * 100]));
  const res = await official.request({ method: 'POST', url: '/api/wages/surveys?year=2020', payload: body, headers: { 'content-type': XLSX_TYPE } });
  if (res.statusCode !== 201) throw new Error(`survey fixture: ${res.statusCode} ${res.body}`);
  return res.json().id as string;
}
