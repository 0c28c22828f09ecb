/**
 * Demo 助创业 data, through the services (so it obeys the same rules): two carriers (a 南昌 众创空间 run by
 * host.nanchang's company, a 赣州 孵化器 run by host.ganzhou's), three published
 * projects — talent.ganzhou's in 赣州, employer.ganzhou's (applied to the 南昌 carrier, waiting for
 * host.nanchang) and a 南昌 maker's (incubating, one milestone done, one overdue) — one investor interest
 * of investor.nanchang, and the 小巨人 list with employer.ganzhou's company. Names marked （演示）. Runs once.
 */
import { and, asc, count, eq, like, type SQL } from 'drizzle-orm';
import type { Department, Role } from '../../../shared/roles.js';
import type { ProjectInput } from '../../../shared/ventures.js';
import type { Actor, Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { createInterest } from './ventures.finance.js';
import { addGiant, transitionGiant } from './ventures.giants.js';
import { addMilestone, applyToCarrier, completeMilestone, createCarrier, transitionIncubation } from './ventures.incubations.js';
import { type ActorCtx, createProject, transitionProject } from './ventures.projects.js';
import { ventureProjects } from './ventures.tables.js';

const DAY_MS = 86_400_000;

async function actorOf(ctx: Ctx, where: SQL | undefined): Promise<ActorCtx | null> {
  const [u] = await ctx.db.select().from(users).where(where).orderBy(asc(users.username)).limit(1);
  if (!u) return null;
  const actor: Actor = {
    userId: u.id,
    username: u.username,
    role: u.role as Role,
    regionCode: u.regionCode,
    department: (u.department as Department | null) ?? null,
    orgId: u.orgId,
    sessionId: 'seed',
  };
  return { ...ctx, actor };
}
const byName = (ctx: Ctx, username: string) => actorOf(ctx, eq(users.username, username));

async function publishedProject(owner: ActorCtx, official: ActorCtx, input: ProjectInput): Promise<string> {
  const p = await createProject(owner, input);
  await transitionProject(owner, p.id, 'submit');
  await transitionProject(official, p.id, 'publish');
  return p.id;
}

export async function seedVentures(ctx: Ctx): Promise<{ projects: number; carriers: number }> {
  const [existing] = await ctx.db.select({ n: count() }).from(ventureProjects);
  if ((existing?.n ?? 0) > 0) return { projects: 0, carriers: 0 };
  const [nanchang, ganzhou, host, gzHost, talent, employer, investor] = await Promise.all(
    ['official.nanchang', 'official.ganzhou', 'host.nanchang', 'host.ganzhou', 'talent.ganzhou', 'employer.ganzhou', 'investor.nanchang'].map((u) =>
      byName(ctx, u),
    ),
  );
  if (!nanchang || !ganzhou || !host?.actor.orgId || !gzHost?.actor.orgId || !talent || !employer?.actor.orgId || !investor)
    return { projects: 0, carriers: 0 };
  const usccOf = async (orgId: string) => (await ctx.db.select({ uscc: organisations.uscc }).from(organisations).where(eq(organisations.id, orgId)))[0]?.uscc;
  const [hostUscc, gzHostUscc] = await Promise.all([usccOf(host.actor.orgId), usccOf(gzHost.actor.orgId)]);
  if (!hostUscc || !gzHostUscc) return { projects: 0, carriers: 0 };

  const ncCarrier = await createCarrier(nanchang, {
    name: '南昌东湖数字经济众创空间（演示）',
    kind: 'maker_space',
    level: 'provincial',
    regionCode: '360102',
    focusFields: ['vr', 'software', 'ai', 'data_elements'],
    capacity: 30,
    managerUscc: hostUscc,
    address: '南昌市东湖区（演示地址）',
    description: '面向虚拟现实、软件和人工智能方向的早期项目，提供工位、导师辅导和投融资对接（演示数据）。',
  });
  await createCarrier(ganzhou, {
    name: '赣州章贡数字产业孵化器（演示）',
    kind: 'incubator',
    level: 'municipal',
    regionCode: '360702',
    focusFields: ['big_data', 'industrial_internet', 'smart_manufacturing'],
    capacity: 20,
    managerUscc: gzHostUscc,
    address: '赣州市章贡区（演示地址）',
    description: '服务稀土新材料、现代家居等产业数字化的孵化器，提供场地、中试和产业链对接（演示数据）。',
  });

  await publishedProject(talent, ganzhou, {
    name: '脐橙果园智能分拣视觉系统（演示）',
    stage: 'startup',
    industryCode: '6513',
    digitalField: 'ai',
    regionCode: '360702',
    summary: '用机器视觉识别赣南脐橙的大小、色泽和表面瑕疵，为合作社的分拣线提供低成本的自动分级方案，已在两家合作社试用。',
    teamSize: 5,
    fundingSoughtFen: 300_000_000,
    needs: ['funding', 'mentor', 'market'],
  });
  const employerProject = await publishedProject(employer, ganzhou, {
    name: '稀土永磁电机产线工业互联网平台（演示）',
    stage: 'growth',
    industryCode: '6531',
    digitalField: 'industrial_internet',
    regionCode: '360702',
    summary: '为稀土永磁电机企业提供设备联网、工艺参数追溯和能耗分析，帮助中小企业低成本完成产线数字化改造。',
    teamSize: 18,
    fundingSoughtFen: 1_000_000_000,
    needs: ['funding', 'market'],
  });
  await applyToCarrier(employer, employerProject, { carrierId: ncCarrier.id, note: '希望入驻南昌对接省会市场和投资机构。' });

  // a 南昌 maker (a seeded talent) with a project in incubation at the 南昌 众创空间
  const maker = await actorOf(ctx, and(eq(users.role, 'talent'), eq(users.status, 'active'), like(users.regionCode, '3601%')));
  let projects = 2;
  if (maker) {
    const makerProject = await publishedProject(maker, nanchang, {
      name: 'VR 职业技能实训课件云平台（演示）',
      stage: 'idea',
      industryCode: '6579',
      digitalField: 'vr',
      regionCode: maker.actor.regionCode,
      summary: '把焊接、电工等实训项目做成虚拟现实课件，职业院校按需租用，降低实训耗材和安全风险。',
      teamSize: 3,
      fundingSoughtFen: 50_000_000,
      needs: ['space', 'mentor'],
    });
    projects++;
    const applied = await applyToCarrier(maker, makerProject, { carrierId: ncCarrier.id, note: '申请入驻众创空间。' });
    await transitionIncubation(host, applied.id, 'accept');
    await transitionIncubation(host, applied.id, 'start');
    const day = (d: number) => new Date(ctx.now.getTime() + d * DAY_MS).toISOString().slice(0, 10);
    const done = await addMilestone(host, applied.id, { title: '完成首个实训课件原型', plannedOn: day(-20) });
    const first = done.milestones[0];
    if (first) {
      await completeMilestone(maker, first.id, { doneOn: day(-22), evidence: '焊接实训课件原型已在合作院校演示（演示数据）。' });
    }
    await addMilestone(host, applied.id, { title: '与两所职业院校签订试用协议', plannedOn: day(-3) });
    await addMilestone(host, applied.id, { title: '完成天使轮融资路演', plannedOn: day(45) });
  }

  await createInterest(investor, {
    title: '早期数字科技项目（天使轮至 A 轮）',
    investorKind: 'vc',
    fields: ['ai', 'big_data', 'industrial_internet', 'vr', 'data_elements'],
    stages: ['startup', 'growth'],
    ticketMinFen: 100_000_000,
    ticketMaxFen: 500_000_000,
    regions: ['360000'],
    note: '关注江西省内人工智能、大数据和工业互联网方向的早期项目（演示数据）。',
    active: true,
  });

  const [employerOrg] = await ctx.db.select({ uscc: organisations.uscc }).from(organisations).where(eq(organisations.id, employer.actor.orgId));
  if (employerOrg) {
    const g = await addGiant(ganzhou, { uscc: employerOrg.uscc, field: 'industrial_internet', year: 2025, note: '数字经济细分领域培育对象（演示数据）' });
    await transitionGiant(ganzhou, g.id, 'list');
  }
  return { projects, carriers: 2 };
}
