/**
 * Demo competitions, through the services (so the data obeys the same rules): the 数据要素× contest in
 * judging (five teams, the demo talent's among them; the demo reviewer 胡教授 and two more judges assigned
 * to the preliminary round, some sheets still missing so the demo can be clicked through), a provincial
 * 数字技能大赛 open for registration, and the 中国创新创业大赛（江西赛区） with 初创组 / 成长组. Runs once.
 */
import { asc, count, eq, sql } from 'drizzle-orm';
import type { Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD } from '../../seed/demo-accounts.js';
import { organisations } from '../organisations/organisations.tables.js';
import { registerEntry } from './competitions.entries.js';
import { assignJudges, submitScore } from './competitions.judging.js';
import { createCompetition, transitionCompetition, transitionRound } from './competitions.service.js';
import { competitions } from './competitions.tables.js';

const DAY_MS = 86_400_000;

async function actorOf(ctx: Ctx, username: string): Promise<Ctx & { actor: Actor }> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
  if (!u) throw new Error(`seed: no account ${username}`);
  return {
    ...ctx,
    actor: { userId: u.id, username: u.username, role: u.role as Role, regionCode: u.regionCode, department: null, orgId: u.orgId, sessionId: 'seed' },
  };
}

/** Two more reviewer accounts (评审专家) with the demo password, for three-judge panels. */
async function ensureJudges(ctx: Ctx): Promise<string[]> {
  const names = [
    ['judge.wang', '王评委'],
    ['judge.li', '李评委'],
  ] as const;
  const hash = await hashPassword(DEMO_PASSWORD);
  for (const [username, displayName] of names)
    await ctx.db
      .insert(users)
      .values({ username, passwordHash: hash, role: 'reviewer', displayName, regionCode: '360000', passwordChangedAt: ctx.now, isDemo: true })
      .onConflictDoNothing();
  return ['reviewer', ...names.map((n) => n[0])];
}

const CRITERIA = [
  { code: 'innovation', name: '创新性', weight: 30 },
  { code: 'value', name: '数据价值与应用成效', weight: 40 },
  { code: 'feasibility', name: '可行性与可推广性', weight: 30 },
];

export async function seedCompetitions(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(competitions);
  if ((existing?.n ?? 0) > 0) return 0;
  const province = await actorOf(ctx, 'official.province');
  const judges = await ensureJudges(ctx);
  const deadline = (days: number) => new Date(ctx.now.getTime() + days * DAY_MS).toISOString();

  const data = await createCompetition(province, {
    kind: 'data_elements',
    title: '2026年“数据要素×”大赛江西分赛',
    organiser: '江西省数据局、江西省人力资源和社会保障厅',
    regionCode: '360000',
    description:
      '聚焦数据要素开发利用，围绕工业制造、现代农业、交通运输、医疗健康、城市治理等场景，挖掘一批让社会有感、企业有感、群众有感的数据开发利用好技术、好产品、好方案。初赛由三名评委盲评，去掉最高分和最低分后取平均，前三名进入决赛。',
    registrationDeadline: deadline(5),
    groups: [
      { code: 'industry', name: '工业制造', rule: {} },
      { code: 'agriculture', name: '现代农业', rule: {} },
      { code: 'transport', name: '交通运输', rule: {} },
      { code: 'health', name: '医疗健康', rule: {} },
      { code: 'city', name: '城市治理', rule: {} },
    ],
    categories: [],
    rounds: [
      { kind: 'preliminary', advanceCount: 3 },
      { kind: 'final', advanceCount: null },
    ],
    criteria: CRITERIA,
    aggregation: { method: 'trimmed', trimMinJudges: 3 },
    awards: [
      { name: '一等奖', count: 1, grantsLevel: false },
      { name: '二等奖', count: 2, grantsLevel: false },
    ],
    rules: { entrant: 'either', minMembers: 1, maxMembers: 5, requireOrganisation: false, membersInRegion: false },
    occupationCode: null,
    levelCode: null,
    provincialManaged: false,
  });
  await transitionCompetition(province, data.id, 'publish');
  const talents = await ctx.db
    .select({ username: users.username })
    .from(users)
    .where(sql`${users.role} = 'talent' and ${users.username} ~ '^t[0-9]{7}$'`)
    .orderBy(asc(users.username))
    .limit(10);
  const orgs = await ctx.db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.status, 'verified'))
    .orderBy(asc(organisations.uscc))
    .limit(4);
  const teams = [
    {
      leader: 'talent.ganzhou',
      name: '赣南脐橙产销数据服务平台',
      groupCode: 'agriculture',
      members: [] as string[],
      orgId: null as string | null,
      summary: '汇聚种植、气象、冷链和电商销售数据，为果农和合作社提供产量预测与订单撮合。',
    },
    {
      leader: talents[0]?.username,
      name: '稀土冶炼过程数据优化',
      groupCode: 'industry',
      members: [talents[1]?.username],
      orgId: orgs[0]?.id ?? null,
      summary: '利用生产过程数据建立能耗与收率模型，优化冶炼工艺参数。',
    },
    {
      leader: talents[2]?.username,
      name: '城市公交客流预测',
      groupCode: 'transport',
      members: [],
      orgId: orgs[1]?.id ?? null,
      summary: '融合刷卡、定位和天气数据预测公交客流，辅助线路与班次调整。',
    },
    {
      leader: talents[3]?.username,
      name: '基层医疗影像数据共享',
      groupCode: 'health',
      members: [talents[4]?.username],
      orgId: null,
      summary: '在隐私计算框架下实现县乡医疗影像数据安全共享与辅助诊断。',
    },
    {
      leader: talents[5]?.username,
      name: '城市内涝风险预警',
      groupCode: 'city',
      members: [],
      orgId: orgs[2]?.id ?? null,
      summary: '基于管网、降雨和地形数据的内涝风险实时预警。',
    },
  ];
  const entryIds: string[] = [];
  for (const team of teams) {
    if (!team.leader) continue;
    const leader = await actorOf(ctx, team.leader);
    const e = await registerEntry(leader, data.id, {
      name: team.name,
      groupCode: team.groupCode,
      categoryCode: null,
      memberUsernames: team.members.filter((m): m is string => !!m),
      orgId: team.orgId,
      companyFoundedOn: null,
      annualRevenueFen: null,
      summary: team.summary,
    });
    entryIds.push(e.id);
  }
  const preliminary = data.rounds[0];
  if (preliminary) {
    await assignJudges(
      province,
      preliminary.id,
      judges.map((username) => ({ username, affiliationOrgId: null })),
    );
    await transitionCompetition(province, data.id, 'close_registration');
    await transitionCompetition(province, data.id, 'start_judging');
    await transitionRound(province, preliminary.id, 'open_scoring');
    // 王评委 has scored every entry, 李评委 the first three; 胡教授 (the demo reviewer) none yet
    const sheets: [string, number, number[]][] = [
      ['judge.wang', 0, [86, 90, 84]],
      ['judge.wang', 1, [78, 82, 80]],
      ['judge.wang', 2, [72, 75, 88]],
      ['judge.wang', 3, [91, 85, 79]],
      ['judge.wang', 4, [68, 74, 70]],
      ['judge.li', 0, [80, 88, 86]],
      ['judge.li', 1, [84, 79, 77]],
      ['judge.li', 2, [70, 72, 85]],
    ];
    for (const [judge, i, [a, b, c]] of sheets) {
      const entryId = entryIds[i];
      if (!entryId) continue;
      await submitScore(await actorOf(ctx, judge), preliminary.id, entryId, { scores: { innovation: a ?? 0, value: b ?? 0, feasibility: c ?? 0 } });
    }
  }

  const skills = await createCompetition(province, {
    kind: 'skills',
    title: '2026年江西省数字技能大赛（人工智能训练师赛项）',
    organiser: '江西省人力资源和社会保障厅',
    regionCode: '360000',
    description: '纳入省级竞赛管理的数字职业技能竞赛。理论知识占30%，实际操作占70%。获得一等奖的选手按规定晋升职业技能等级（无该职业证书的授予三级/高级工）。',
    registrationDeadline: deadline(20),
    groups: [
      { code: 'staff', name: '职工组', rule: {} },
      { code: 'student', name: '学生组', rule: {} },
    ],
    categories: [],
    rounds: [
      { kind: 'preliminary', advanceCount: 10 },
      { kind: 'final', advanceCount: null },
    ],
    criteria: [
      { code: 'theory', name: '理论知识', weight: 30 },
      { code: 'practice', name: '实际操作', weight: 70 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 5 },
    awards: [
      { name: '一等奖', count: 3, grantsLevel: true },
      { name: '二等奖', count: 5, grantsLevel: false },
    ],
    rules: { entrant: 'individual', minMembers: 1, maxMembers: 1, requireOrganisation: false, membersInRegion: false },
    occupationCode: '4-04-05-05',
    levelCode: '3',
    provincialManaged: true,
  });
  await transitionCompetition(province, skills.id, 'publish');

  const innovation = await createCompetition(province, {
    kind: 'innovation',
    title: '第十五届中国创新创业大赛（江西赛区）',
    organiser: '江西省科学技术厅',
    regionCode: '360000',
    description: '以新一代信息技术作为划分初创组和成长组的类别之一，组织省内优秀企业人才团队参赛，发掘源头创新与早期项目，搭建产融对接平台。',
    registrationDeadline: deadline(30),
    groups: [
      { code: 'startup', name: '初创组', rule: { maxCompanyAgeYears: 5, maxRevenueFen: 2_000_000_000 } },
      { code: 'growth', name: '成长组', rule: { minCompanyAgeYears: 1 } },
    ],
    categories: [
      { code: 'ngit', name: '新一代信息技术' },
      { code: 'bio', name: '生物医药' },
      { code: 'new_materials', name: '新材料' },
      { code: 'advanced_mfg', name: '先进制造' },
    ],
    rounds: [
      { kind: 'preliminary', advanceCount: 20 },
      { kind: 'semi_final', advanceCount: 8 },
      { kind: 'final', advanceCount: null },
    ],
    criteria: [
      { code: 'tech', name: '技术及创新性', weight: 30 },
      { code: 'market', name: '商业模式及市场前景', weight: 30 },
      { code: 'team', name: '团队', weight: 20 },
      { code: 'finance', name: '财务及融资', weight: 20 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 5 },
    awards: [{ name: '优胜奖', count: 10, grantsLevel: false }],
    rules: { entrant: 'team', minMembers: 2, maxMembers: 8, requireOrganisation: true, membersInRegion: false },
    occupationCode: null,
    levelCode: null,
    provincialManaged: false,
  });
  await transitionCompetition(province, innovation.id, 'publish');
  return 3;
}
