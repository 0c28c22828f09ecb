/**
 * Demo data: one 企业薪酬调查 batch for 赣州市 (last calendar year, synthetic, marked 演示数据 in its file
 * name), then the wage and demand tables are computed from it and from the seeded postings. One occupation
 * has only 6 workers, so the demo shows a suppressed cell. Idempotent: the same rows give the same digest.
 */
import type { Ctx } from '../../context.js';
import { mulberry32 } from '../../lib/random.js';
import { refreshDemand } from '../opendata/index.js';
import { storeSurvey } from './wages.survey.js';
import type { SurveyRow } from './wages.survey-parse.js';
import { refreshWages } from './wages.tasks.js';

/** [occupation 细类, workers, median monthly pay in 元]. */
const SURVEY: readonly [string, number, number][] = [
  ['2-02-10-03', 64, 8200], // 计算机软件工程技术人员
  ['2-02-38-03', 27, 9000], // 大数据工程技术人员
  ['2-02-38-04', 18, 8600], // 云计算工程技术人员
  ['4-04-05-05', 35, 5200], // 人工智能训练师
  ['4-01-06-01', 42, 5600], // 电子商务师
  ['4-04-04-02', 22, 6300], // 网络与信息安全管理员
  ['2-02-38-08', 6, 10500], // 区块链工程技术人员 (suppressed: under 10)
];
const COUNTIES = ['360702', '360703', '360704', '360702', '360722'];

export async function seedWages(ctx: Ctx): Promise<{ surveyRows: number; postingCells: number; surveyCells: number }> {
  const rng = mulberry32(20_260_416);
  const year = Number(new Date(ctx.now.getTime() + 8 * 3_600_000).toISOString().slice(0, 4)) - 1;
  const rows: SurveyRow[] = [];
  for (const [occupationCode, workers, median] of SURVEY) {
    for (let i = 0; i < workers; i++) {
      // log-normal spread around the median (σ ≈ 0.3), to the nearest 10 元
      const z = Math.sqrt(-2 * Math.log(1 - rng())) * Math.cos(2 * Math.PI * rng());
      const yuan = Math.round((median * Math.exp(0.3 * z)) / 10) * 10;
      rows.push({ rowNo: rows.length + 2, occupationCode, regionCode: COUNTIES[i % COUNTIES.length] as string, monthlyFen: Math.max(yuan, 1900) * 100 });
    }
  }
  await storeSurvey(ctx, { year, fileName: `赣州市${year}年企业薪酬调查（演示数据）.xlsx`, regionCode: '360700', rows, skippedNotDigital: 0 });
  const cells = await refreshWages(ctx.db, ctx.now);
  await refreshDemand(ctx.db, ctx.now);
  return { surveyRows: rows.length, ...cells };
}
