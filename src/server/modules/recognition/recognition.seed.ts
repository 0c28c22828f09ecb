/**
 * Demo data for 高层次人才认定 and the talent registries: the province's categories A–E (criteria as data),
 * the demo reviewer's pool entry plus two more experts, a handful of applications of seeded 赣州 and 南昌
 * talents in various states — one past its statutory deadline and escalated, one recognised with its
 * benefits partly fulfilled — 赣鄱英才计划 / 赣鄱俊才支持计划 applications, 柔性引才 records, and the stations of
 * host.nanchang. Everything goes through the services (workflow events and audit entries included), with
 * the clock set back to when each step happened. Runs once: nothing is added when applications exist.
 */
import { and, asc, count, eq, like } from 'drizzle-orm';
import type { BenefitCode, CategoryInput } from '../../../shared/recognition.js';
import type { Actor, Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { watchDeadlines } from './recognition.alerts.js';
import { departmentBenefits, transitionBenefit } from './recognition.benefits.js';
import { uploadMaterial } from './recognition.materials.js';
import { applyProgramme, transitionProgramme } from './recognition.programmes.js';
import { createFlexRecord, createStation, transitionStation } from './recognition.registry.js';
import { upsertReviewer } from './recognition.pool.js';
import { assignReviewer, scoreReview } from './recognition.reviews.js';
import { applyRecognition, transitionApplication } from './recognition.service.js';
import { recognitionApplications, recognitionCategories, recognitionReviews } from './recognition.tables.js';

const ALL_BENEFITS: BenefitCode[] = [
  'housing',
  'medical',
  'spouse_employment',
  'children_school',
  'transport_tourism',
  'position_allowance',
  'finance_venture',
];

/**
 * 江西省高层次人才分类认定 (demo wording after the province's tiered catalogue, 参照《江西省高层次人才分类目录》):
 * A 国内外顶尖人才, B 国家级领军人才, C 省级领军人才, D 市级领军人才, E 青年骨干人才.
 */
export const DEMO_CATEGORIES: readonly CategoryInput[] = [
  {
    code: 'A',
    name: 'A类 国内外顶尖人才',
    rank: 1,
    criteria: ['中国科学院院士、中国工程院院士，或相当层次的国外科学院院士', '国家最高科学技术奖获得者', '在数字技术领域取得国际公认重大原创成果的顶尖科学家'],
    limitWorkingDays: 20,
    benefits: ALL_BENEFITS,
    active: true,
  },
  {
    code: 'B',
    name: 'B类 国家级领军人才',
    rank: 2,
    criteria: ['国家级重大人才工程入选者', '国家杰出青年科学基金获得者', '国家科学技术奖（自然、发明、进步）二等奖以上主要完成人（排名前三）'],
    limitWorkingDays: 20,
    benefits: ALL_BENEFITS,
    active: true,
  },
  {
    code: 'C',
    name: 'C类 省级领军人才',
    rank: 3,
    criteria: [
      '“赣鄱英才计划”入选者',
      '江西省科学技术奖一等奖主要完成人（排名前三）',
      '省级以上数字经济重点企业首席技术官、首席数据官，近三年主持省级以上重大项目',
    ],
    limitWorkingDays: 20,
    benefits: ALL_BENEFITS,
    active: true,
  },
  {
    code: 'D',
    name: 'D类 市级领军人才',
    rank: 4,
    criteria: ['“赣鄱俊才支持计划”入选者', '获得正高级专业技术职称并在数字领域从业满五年', '数字技术工程师（高级）且主持完成市级以上数字化转型项目'],
    limitWorkingDays: 20,
    benefits: ['housing', 'medical', 'spouse_employment', 'children_school', 'transport_tourism', 'position_allowance'],
    active: true,
  },
  {
    code: 'E',
    name: 'E类 青年骨干人才',
    rank: 5,
    criteria: [
      '35周岁以下，具有博士学位并在我省数字经济企业全职工作',
      '获得副高级专业技术职称或高级技师职业资格、从事数字职业满三年',
      '省级以上数字职业技能竞赛获奖（前三名）',
    ],
    limitWorkingDays: 15,
    benefits: ['housing', 'transport_tourism', 'position_allowance'],
    active: true,
  },
];

/** The categories (inserted when missing; an existing category is left as configured). */
export async function seedRecognitionCategories(ctx: Ctx): Promise<number> {
  let n = 0;
  for (const c of DEMO_CATEGORIES) {
    const inserted = await ctx.db
      .insert(recognitionCategories)
      .values({ ...c, criteria: [...c.criteria], benefits: [...c.benefits], updatedAt: ctx.now })
      .onConflictDoNothing()
      .returning({ code: recognitionCategories.code });
    n += inserted.length;
  }
  return n;
}

const DAY_MS = 86_400_000;
/** A minimal valid PDF (the demo materials). */
export function demoPdf(title: string): Buffer {
  return Buffer.from(`%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n% ${title}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');
}

function actorOf(u: typeof users.$inferSelect): Actor {
  return {
    userId: u.id,
    username: u.username,
    role: u.role as Actor['role'],
    regionCode: u.regionCode,
    department: (u.department as Actor['department']) ?? null,
    orgId: u.orgId,
    sessionId: 'seed',
  };
}

async function user(db: Db, username: string) {
  const [u] = await db.select().from(users).where(eq(users.username, username));
  return u;
}

async function ensureReviewer(ctx: Ctx, username: string, displayName: string) {
  const existing = await user(ctx.db, username);
  if (existing) return existing;
  const [u] = await ctx.db.insert(users).values({ username, role: 'reviewer', displayName, regionCode: '360000', isDemo: true }).returning();
  if (!u) throw new Error('insert failed');
  return u;
}

export async function seedRecognition(ctx: Ctx): Promise<{ categories: number; applications: number; stations: number }> {
  const categories = await seedRecognitionCategories(ctx);
  const [existing] = await ctx.db.select({ n: count() }).from(recognitionApplications);
  if ((existing?.n ?? 0) > 0) return { categories, applications: 0, stations: 0 };
  const official = await user(ctx.db, 'official.ganzhou');
  const officialNc = await user(ctx.db, 'official.nanchang');
  const province = await user(ctx.db, 'official.province');
  const reviewer = await user(ctx.db, 'reviewer');
  const host = await user(ctx.db, 'host.nanchang');
  if (!official || !officialNc || !province || !reviewer || !host) return { categories, applications: 0, stations: 0 };
  const gz = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.role, 'talent'), like(users.regionCode, '3607%'), like(users.username, 't%')))
    .orderBy(asc(users.username))
    .limit(5);
  const nc = await ctx.db
    .select()
    .from(users)
    .where(and(eq(users.role, 'talent'), like(users.regionCode, '3601%'), like(users.username, 't%')))
    .orderBy(asc(users.username))
    .limit(2);
  const [employer] = await ctx.db.select().from(organisations).where(eq(organisations.uscc, '91360702MA35X8KQ16'));

  const as = (u: typeof users.$inferSelect, daysAgo: number) => ({ ...ctx, now: new Date(ctx.now.getTime() - daysAgo * DAY_MS), actor: actorOf(u) });
  const provinceNow = as(province, 60);
  const zhao = await ensureReviewer(ctx, 'reviewer.zhao', '赵教授');
  const sun = await ensureReviewer(ctx, 'reviewer.sun', '孙高工');
  await upsertReviewer(provinceNow, { userId: reviewer.id, affiliationName: '南昌大学信息工程学院', expertise: '人工智能、软件工程' });
  await upsertReviewer(provinceNow, { userId: zhao.id, affiliationName: '江西理工大学', expertise: '大数据、工业互联网' });
  await upsertReviewer(provinceNow, {
    userId: sun.id,
    affiliationName: employer?.name ?? '赣州云智信息技术有限公司',
    affiliationOrgId: employer?.id ?? null,
    expertise: '云计算、信息系统集成',
  });

  interface Plan {
    who: typeof users.$inferSelect | undefined;
    category: string;
    field: string;
    achievements: string;
    /** Steps: [action, days ago, by] */
    steps: Array<[string, number, 'official' | 'talent' | 'review', string?]>;
    submittedDaysAgo: number;
  }
  const plans: Plan[] = [
    {
      who: gz[0],
      category: 'E',
      field: '工业互联网平台开发',
      achievements: '主持赣州稀土行业工业互联网平台数据采集子系统开发，获江西省数字职业技能竞赛二等奖；持有数字技术工程师（中级）证书。',
      submittedDaysAgo: 2,
      steps: [],
    },
    {
      who: gz[1],
      category: 'D',
      field: '智能制造数据分析',
      achievements: '正高级工程师，从事制造业数据分析十年，主持完成赣州市家具产业数字化转型项目两项，发表论文八篇。',
      submittedDaysAgo: 26,
      steps: [['accept', 25, 'official']],
    },
    {
      who: gz[2],
      category: 'C',
      field: '人工智能算法',
      achievements: '“赣鄱英才计划”入选者，现任赣州某数字经济重点企业首席技术官，主持省级重大科技专项一项。',
      submittedDaysAgo: 62,
      steps: [['accept', 60, 'official']],
    },
    {
      who: gz[3],
      category: 'E',
      field: '大数据运维',
      achievements: '博士，32周岁，全职在赣州从事政务大数据平台运维与数据治理。',
      submittedDaysAgo: 20,
      steps: [
        ['accept', 19, 'official'],
        ['request_supplement', 12, 'official', '请补充博士学位证书及劳动合同扫描件。'],
      ],
    },
    {
      who: gz[4],
      category: 'D',
      field: '软件工程',
      achievements: '数字技术工程师（高级），主持完成赣州市智慧社区管理平台建设，获市科技进步二等奖。',
      submittedDaysAgo: 30,
      steps: [
        ['accept', 29, 'official'],
        ['review', 20, 'review'],
        ['start_review', 20, 'official'],
        ['score', 15, 'review'],
        ['recognise', 10, 'official', '经专家评审，符合D类认定条件。'],
      ],
    },
    {
      who: nc[0],
      category: 'C',
      field: '云计算',
      achievements: '省级数字经济重点企业首席数据官，近三年主持省级以上重大项目两项。',
      submittedDaysAgo: 15,
      steps: [
        ['accept', 14, 'official'],
        ['review', 10, 'review'],
        ['start_review', 9, 'official'],
      ],
    },
  ];
  let applications = 0;
  for (const p of plans) {
    if (!p.who) continue;
    const off = p.who.regionCode.startsWith('3601') ? officialNc : official;
    const material = await uploadMaterial(as(p.who, p.submittedDaysAgo), {
      fileName: '人才认定申报材料.pdf',
      contentType: 'application/pdf',
      body: demoPdf(p.field),
    });
    const app = await applyRecognition(as(p.who, p.submittedDaysAgo), {
      categoryCode: p.category,
      employerName: p.who.regionCode.startsWith('3601') ? '江西智算软件股份有限公司' : '赣州市数字经济产业园企业',
      field: p.field,
      achievements: p.achievements,
      materialIds: [material.id],
    });
    applications++;
    for (const [action, daysAgo, by, reason] of p.steps) {
      if (by === 'official') await transitionApplication(as(off, daysAgo), app.id, action, { reason });
      else if (action === 'review') {
        await assignReviewer(as(off, daysAgo), 'recognition', app.id, reviewer.id);
        await assignReviewer(as(off, daysAgo), 'recognition', app.id, zhao.id);
      } else if (action === 'score') {
        const reviews = await ctx.db.select().from(recognitionReviews).where(eq(recognitionReviews.subjectId, app.id));
        for (const r of reviews) {
          const who = r.reviewerUserId === reviewer.id ? reviewer : zhao;
          await scoreReview(as(who, daysAgo), r.id, { score: who === reviewer ? 86 : 82, comment: '业绩突出，材料齐全，符合认定条件。' });
        }
      }
    }
  }
  // the recognised talent's benefits: 人社 has already granted the spouse-employment service
  const hrssBenefits = await departmentBenefits(as(official, 5), {});
  const spouse = hrssBenefits.items.find((b) => b.benefit === 'spouse_employment');
  if (spouse) await transitionBenefit(as(official, 5), spouse.id, 'grant', { reason: '已推荐至赣州经开区重点企业人力资源岗位。' });
  // reminders and escalations as the daily task would have created them
  await watchDeadlines(ctx);

  // 赣鄱英才计划 / 赣鄱俊才支持计划
  if (gz[0]) {
    const m = await uploadMaterial(as(gz[0], 8), { fileName: '项目申报书.pdf', contentType: 'application/pdf', body: demoPdf('programme') });
    await applyProgramme(as(gz[0], 8), {
      programme: 'ganpo_junior',
      employerName: '赣州市数字经济产业园企业',
      projectTitle: '稀土永磁电机产线数字孪生系统研发',
      summary: '面向赣州稀土永磁电机产线，研发设备级数字孪生与预测性维护系统，预计三年内在十家企业推广应用。',
      materialIds: [m.id],
    });
  }
  if (nc[1]) {
    const prog = await applyProgramme(as(nc[1], 30), {
      programme: 'ganpo_talent',
      employerName: '江西智算软件股份有限公司',
      projectTitle: '面向赣江新区的算力调度平台',
      summary: '建设跨数据中心的算力调度与计量平台，服务省内人工智能企业模型训练需求。',
      materialIds: [],
    });
    await transitionProgramme(as(officialNc, 25), prog.id, 'return', { reason: '请补充项目预算明细和单位推荐意见。' });
  }

  // 柔性引才
  const flex: Array<[typeof users.$inferSelect, Parameters<typeof createFlexRecord>[1]]> = [
    [
      official,
      {
        personName: '周明远',
        kind: 'tech_vice_president',
        hostName: '赣州云智信息技术有限公司',
        hostOrgId: employer?.id ?? null,
        homeInstitution: '江西理工大学信息工程学院',
        regionCode: '360702',
        startsOn: '2026-03-01',
        endsOn: '2028-02-29',
        note: '选派科技副总，负责工业互联网平台技术路线。',
      },
    ],
    [
      official,
      {
        personName: '郭慧',
        kind: 'industry_professor',
        hostName: '赣南师范大学',
        homeInstitution: '赣州云智信息技术有限公司',
        regionCode: '360702',
        startsOn: '2026-09-01',
        endsOn: '2027-08-31',
        note: '受聘产业教授，讲授《数据工程实践》。',
      },
    ],
    [
      officialNc,
      {
        personName: '林嘉禾',
        kind: 'talent_enclave',
        hostName: '南昌数字经济人才飞地（深圳）',
        homeInstitution: '江西智算软件股份有限公司',
        regionCode: '360102',
        startsOn: '2026-01-15',
        endsOn: null,
        note: '在深圳人才飞地从事大模型推理优化研发，成果在南昌转化。',
      },
    ],
    [
      officialNc,
      {
        personName: '吴思远',
        kind: 'leave_startup',
        hostName: '南昌思远数据科技有限公司',
        homeInstitution: '南昌大学',
        regionCode: '360111',
        startsOn: '2025-07-01',
        endsOn: '2028-06-30',
        note: '离岗创办企业，三年内保留人事关系。',
      },
    ],
  ];
  for (const [who, input] of flex) await createFlexRecord(as(who, 20), input);

  // stations of host.nanchang
  const ws = await createStation(as(host, 90), {
    kind: 'postdoc_workstation',
    name: '江西智算软件股份有限公司博士后科研工作站',
    field: '人工智能与智能计算',
    digitalEconomy: true,
    approvalDocNo: '赣人社字〔2026〕18号',
    approvedOn: '2026-03-20',
  });
  await transitionStation(as(officialNc, 80), ws.id, 'approve', {});
  await createStation(as(host, 7), { kind: 'innovation_base', name: '江西智算博士后创新实践基地', field: '数据要素与隐私计算', digitalEconomy: true });
  return { categories, applications, stations: 2 };
}
