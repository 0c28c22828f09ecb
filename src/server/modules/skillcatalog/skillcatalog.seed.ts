/**
 * Demo catalogues, dated relative to the seeding day (China time):
 *  - 江西省职业培训补贴目录 in force since 1 January (digital occupations at 五/四/三级, the 数字技术工程师
 *    occupations at 初级/中级/高级 = 5/4/3, a few non-digital trades), and its successor, published, taking
 *    effect on the first day of next month with changed standards (the current one ends the day before);
 *  - 赣州市职业培训补贴目录 in force (replaces the province's in 赣州), and a 赣州 draft for next month;
 *  - 江西省重点产业职业培训需求指导目录 and 急需紧缺职业(工种)目录 in force.
 * Occupation codes are 细类 of the classification in data/reference/occupations; the digital mark is read
 * from it. Standards are plausible figures in 分, not an official schedule. Runs once.
 */
import { count, inArray } from 'drizzle-orm';
import type { CatalogueKind } from '../../../shared/skillcatalog.js';
import type { Ctx } from '../../context.js';
import { occupations } from '../catalog/catalog.tables.js';
import { workflowEvents } from '../workflow/workflow.tables.js';
import { chinaDate } from './skillcatalog.lookup.js';
import { dayBefore } from './skillcatalog.service.js';
import { catalogueEntries, catalogueVersions } from './skillcatalog.tables.js';

const YUAN = 100;

/** [code, 五级, 四级, 三级] standards in 元 of the current province version. */
const PROVINCE_SUBSIDY: ReadonlyArray<[string, number, number, number]> = [
  ['4-04-05-05', 1000, 1500, 2000], // 人工智能训练师
  ['4-04-05-01', 1000, 1500, 2000], // 计算机程序设计员
  ['4-04-05-02', 1000, 1400, 1800], // 计算机软件测试员
  ['4-04-05-13', 1200, 1600, 2100], // 生成式人工智能系统应用员
  ['4-04-04-02', 1000, 1500, 2000], // 网络与信息安全管理员
  ['4-01-06-01', 900, 1300, 1800], // 电子商务师
  ['4-01-06-02', 900, 1300, 1800], // 互联网营销师
  ['4-07-02-05', 1000, 1400, 1900], // 商务数据分析师
  ['4-13-01-05', 900, 1300, 1700], // 全媒体运营师
  ['6-31-07-01', 1200, 1700, 2200], // 工业机器人系统运维员
  ['6-31-07-04', 1200, 1700, 2200], // 智能制造系统运维员
  ['2-02-38-01', 2400, 3200, 4000], // 人工智能工程技术人员 (数字技术工程师 初级/中级/高级)
  ['2-02-38-03', 2400, 3200, 4000], // 大数据工程技术人员
  ['2-02-38-04', 2400, 3200, 4000], // 云计算工程技术人员
  ['2-02-38-06', 2400, 3200, 4000], // 工业互联网工程技术人员
  ['2-02-38-12', 2400, 3200, 4000], // 数据安全工程技术人员
  ['6-31-01-03', 800, 1200, 1600], // 电工
  ['4-10-01-05', 800, 1200, 1600], // 养老护理员
  ['4-10-01-03', 800, 1100, 1500], // 保育师
];

/** Next month's province version: these standards change (元), 4-04-05-14 is added, 4-10-01-03 removed. */
const NEXT_CHANGES: Record<string, [number, number, number]> = {
  '4-04-05-05': [1200, 1700, 2300],
  '2-02-38-01': [2800, 3600, 4500],
  '4-01-06-02': [800, 1200, 1600],
};
const NEXT_ADDED: [string, number, number, number] = ['4-04-05-14', 1200, 1700, 2200]; // 工业互联网运维员
const NEXT_REMOVED = '4-10-01-03';

/** 赣州's own list: the province's digital lines, with higher standards for the electronic-information cluster. */
const GANZHOU_SUBSIDY: ReadonlyArray<[string, number, number, number]> = [
  ['4-04-05-05', 1100, 1600, 2100],
  ['4-04-05-01', 1100, 1600, 2100],
  ['4-04-05-02', 1000, 1400, 1800],
  ['4-04-05-13', 1200, 1600, 2100],
  ['4-01-06-01', 1000, 1400, 1900], // 电子商务师 (赣南脐橙 e-commerce)
  ['4-01-06-02', 1000, 1400, 1900],
  ['4-07-02-05', 1000, 1400, 1900],
  ['6-31-07-01', 1300, 1800, 2300],
  ['2-02-38-01', 2400, 3200, 4000],
  ['2-02-38-03', 2400, 3200, 4000],
  ['2-02-38-04', 2400, 3200, 4000],
  ['6-31-01-03', 800, 1200, 1600],
  ['4-10-01-05', 900, 1300, 1700],
];

const KEY_INDUSTRY = [
  '2-02-38-01',
  '2-02-38-03',
  '2-02-38-05',
  '2-02-38-06',
  '2-02-38-09',
  '4-04-05-05',
  '4-04-05-13',
  '6-31-07-01',
  '6-31-07-04',
  '4-08-08-23',
];
const SHORTAGE: ReadonlyArray<[string, string]> = [
  ['4-04-05-05', ''],
  ['4-04-05-01', ''],
  ['4-04-04-02', ''],
  ['6-31-07-01', ''],
  ['6-31-01-03', ''],
  ['6-18-02-04', '电焊工'],
  ['4-10-01-05', ''],
  ['2-02-38-03', ''],
];

function firstOfMonth(date: string, deltaMonths: number): string {
  const d = new Date(`${date.slice(0, 7)}-01T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + deltaMonths);
  return d.toISOString().slice(0, 10);
}

type Line = { occupationCode: string; workType?: string; levelCode?: string; subsidyFen?: number | null };

function subsidyLines(rows: ReadonlyArray<[string, number, number, number]>): Line[] {
  return rows.flatMap(([code, l5, l4, l3]) => [
    { occupationCode: code, levelCode: '5', subsidyFen: l5 * YUAN },
    { occupationCode: code, levelCode: '4', subsidyFen: l4 * YUAN },
    { occupationCode: code, levelCode: '3', subsidyFen: l3 * YUAN },
  ]);
}

export async function seedSkillCatalogues(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(catalogueVersions);
  if ((existing?.n ?? 0) > 0) return 0;
  const today = chinaDate(ctx.now);
  const yearStart = `${today.slice(0, 4)}-01-01`;
  const nextMonth = firstOfMonth(today, 1);
  const year = today.slice(0, 4);
  const codes = [
    ...new Set([...PROVINCE_SUBSIDY.map((r) => r[0]), ...GANZHOU_SUBSIDY.map((r) => r[0]), ...KEY_INDUSTRY, ...SHORTAGE.map((r) => r[0]), NEXT_ADDED[0]]),
  ];
  const known = new Map(
    (await ctx.db.select({ code: occupations.code, digital: occupations.isDigital }).from(occupations).where(inArray(occupations.code, codes))).map((r) => [
      r.code,
      r.digital,
    ]),
  );
  let made = 0;
  await ctx.db.transaction(async (tx) => {
    const add = async (v: {
      kind: CatalogueKind;
      regionCode: string;
      label: string;
      documentNo: string | null;
      status: 'draft' | 'published';
      effectiveFrom: string;
      effectiveTo?: string | null;
      lines: Line[];
    }) => {
      const [row] = await tx
        .insert(catalogueVersions)
        .values({
          kind: v.kind,
          regionCode: v.regionCode,
          label: v.label,
          documentNo: v.documentNo,
          status: v.status,
          effectiveFrom: v.effectiveFrom,
          effectiveTo: v.effectiveTo ?? null,
          publishedAt: v.status === 'published' ? ctx.now : null,
          createdAt: ctx.now,
          updatedAt: ctx.now,
        })
        .returning({ id: catalogueVersions.id });
      const id = (row as { id: string }).id;
      // only codes present in the loaded classification (a trimmed reference set never breaks the seed)
      const lines = v.lines.filter((l) => known.has(l.occupationCode));
      if (lines.length) {
        await tx.insert(catalogueEntries).values(
          lines.map((l) => ({
            versionId: id,
            occupationCode: l.occupationCode,
            workType: l.workType ?? '',
            levelCode: l.levelCode ?? '',
            subsidyFen: l.subsidyFen ?? null,
            digital: known.get(l.occupationCode) ?? false,
          })),
        );
      }
      if (v.status === 'published') {
        await tx.insert(workflowEvents).values({
          workflow: 'catalogue_version',
          entityId: id,
          action: 'publish',
          fromState: 'draft',
          toState: 'published',
          actorId: null,
          actorRole: null,
          reason: null,
          requestId: ctx.requestId,
          at: ctx.now,
        });
      }
      made++;
      return id;
    };
    const nextLines = subsidyLines(
      PROVINCE_SUBSIDY.filter(([code]) => code !== NEXT_REMOVED).map(
        ([code, ...rest]) => [code, ...(NEXT_CHANGES[code] ?? rest)] as [string, number, number, number],
      ),
    ).concat(subsidyLines([NEXT_ADDED]));
    await add({
      kind: 'training_subsidy',
      regionCode: '360000',
      label: `${year}年版`,
      documentNo: `赣人社字〔${year}〕12号`,
      status: 'published',
      effectiveFrom: yearStart,
      effectiveTo: nextMonth > yearStart ? dayBefore(nextMonth) : null,
      lines: subsidyLines(PROVINCE_SUBSIDY),
    });
    if (nextMonth > yearStart) {
      await add({
        kind: 'training_subsidy',
        regionCode: '360000',
        label: `${year}年第二版（${nextMonth.slice(0, 7)}起）`,
        documentNo: `赣人社字〔${year}〕87号`,
        status: 'published',
        effectiveFrom: nextMonth,
        lines: nextLines,
      });
    }
    await add({
      kind: 'training_subsidy',
      regionCode: '360700',
      label: `${year}年版`,
      documentNo: `赣市人社字〔${year}〕9号`,
      status: 'published',
      effectiveFrom: yearStart,
      lines: subsidyLines(GANZHOU_SUBSIDY),
    });
    await add({
      kind: 'training_subsidy',
      regionCode: '360700',
      label: `${year}年调整版（草稿）`,
      documentNo: null,
      status: 'draft',
      effectiveFrom: nextMonth,
      lines: subsidyLines(GANZHOU_SUBSIDY.map(([c, a, b, d]) => (c === '4-04-05-05' ? [c, 1300, 1800, 2400] : [c, a, b, d]))),
    });
    await add({
      kind: 'key_industry_demand',
      regionCode: '360000',
      label: `${year}年版`,
      documentNo: `赣人社字〔${year}〕8号`,
      status: 'published',
      effectiveFrom: yearStart,
      lines: KEY_INDUSTRY.map((c) => ({ occupationCode: c })),
    });
    await add({
      kind: 'shortage',
      regionCode: '360000',
      label: `${year}年版`,
      documentNo: `赣人社字〔${year}〕10号`,
      status: 'published',
      effectiveFrom: yearStart,
      lines: SHORTAGE.map(([c, w]) => ({ occupationCode: c, workType: w })),
    });
  });
  return made;
}
