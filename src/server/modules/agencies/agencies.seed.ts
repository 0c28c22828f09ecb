/**
 * Demo HR service agencies, through the services (so the data obeys the same rules): agency.nanchang
 * (江西赣才人力资源服务有限公司) registered and approved by official.nanchang, with last year's annual report filed on
 * 10 March and accepted; and a second 南昌 agency (东湖区, account agency.donghu) whose registration waits for
 * official.nanchang's review. Runs once.
 */
import { count, eq } from 'drizzle-orm';
import { usccCheckChar } from '../../../shared/identifiers.js';
import type { Department, Role } from '../../../shared/roles.js';
import type { Actor, Ctx } from '../../context.js';
import { sealPhone } from '../account/pi.js';
import { users } from '../auth/auth.tables.js';
import { hashPassword } from '../auth/password.js';
import { DEMO_PASSWORD } from '../../seed/demo-accounts.js';
import { organisations } from '../organisations/organisations.tables.js';
import { register, transitionRegistration } from './agencies.registry.js';
import { createReport, lastFinishedYear, transitionReport } from './agencies.reports.js';
import { agencyRegistrations } from './agencies.tables.js';
import { chinaDate } from './agencies.views.js';

async function actorOf(ctx: Ctx, username: string): Promise<(Ctx & { actor: Actor }) | null> {
  const [u] = await ctx.db.select().from(users).where(eq(users.username, username));
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

/** A verified 东湖区 agency with its own account (demo password), for the pending registration. */
async function ensureDonghuAgency(ctx: Ctx): Promise<void> {
  const first17 = '91360102MA3A8K2N4';
  const uscc = `${first17}${usccCheckChar(first17)}`;
  const phone = sealPhone(ctx.platform.keys, '13907913456');
  const [org] = await ctx.db
    .insert(organisations)
    .values({
      kind: 'agency',
      name: '南昌东湖英才人力资源服务有限公司',
      uscc,
      regionCode: '360102',
      industryCode: '7262',
      size: 'small',
      contactName: '熊丽华',
      contactPhoneEnc: phone.enc,
      contactPhoneBidx: phone.bidx,
      status: 'verified',
      createdAt: ctx.now,
      updatedAt: ctx.now,
    })
    .onConflictDoNothing()
    .returning({ id: organisations.id });
  if (!org) return;
  await ctx.db
    .insert(users)
    .values({
      username: 'agency.donghu',
      passwordHash: await hashPassword(DEMO_PASSWORD),
      role: 'agency',
      displayName: '熊丽华',
      regionCode: '360102',
      orgId: org.id,
      passwordChangedAt: ctx.now,
      isDemo: true,
    })
    .onConflictDoNothing();
}

const SCOPE = '职业介绍；人力资源供求信息的收集和发布；就业和创业指导；人力资源管理咨询；人力资源测评；人力资源服务外包；网络招聘服务';

export async function seedAgencies(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(agencyRegistrations);
  if ((existing?.n ?? 0) > 0) return 0;
  const official = await actorOf(ctx, 'official.nanchang');
  const agency = await actorOf(ctx, 'agency.nanchang');
  if (!official || !agency) return 0;
  const year = Number(chinaDate(ctx.now).slice(0, 4));
  const reg = await register(agency, {
    licenceNumber: `（赣）人服证字〔${year - 2}〕第0100023号`,
    issuingAuthority: '南昌市人力资源和社会保障局',
    validFrom: `${year - 2}-06-15`,
    validTo: `${year + 3}-06-14`,
    businessScope: SCOPE,
    services: ['internet_recruitment', 'ai_recruitment', 'hr_outsourcing', 'talent_assessment', 'personnel_agency'],
    description: '立足南昌、服务全省的数字化人力资源服务机构，提供线上招聘、智能人岗匹配、人才测评和流动人员人事档案服务。',
  });
  const regId = reg.registration?.id;
  if (!regId) return 0;
  await transitionRegistration(official, regId, 'approve', { reason: '许可证信息与原件核对一致' });

  // last year's report, filed on 10 March (before the 31 March deadline) and accepted a week later
  const reportYear = lastFinishedYear(ctx.now);
  const filedOn = new Date(`${reportYear + 1}-03-10T02:00:00Z`);
  const filed = filedOn < ctx.now ? filedOn : new Date(ctx.now.getTime() - 60_000);
  const accepted = new Date(Math.min(filed.getTime() + 7 * 86_400_000, ctx.now.getTime()));
  const report = await createReport(
    { ...agency, now: filed },
    {
      year: reportYear,
      personsServed: 12_460,
      employersServed: 386,
      placements: 2_315,
      eventsHeld: 24,
      revenueBand: 'from_10m_to_50m',
      staffCount: 68,
      aiServices: '上线“智能人岗匹配”系统，对求职者简历与岗位要求自动解析和匹配，全年推荐岗位 3.1 万次；试点 AI 面试初筛，覆盖 1,200 人次。',
    },
  );
  await transitionReport({ ...agency, now: filed }, report.id, 'submit', undefined);
  await transitionReport({ ...official, now: accepted }, report.id, 'accept', '数据完整，予以受理');

  // the second agency's registration waits for review
  await ensureDonghuAgency(ctx);
  const donghu = await actorOf(ctx, 'agency.donghu');
  if (donghu) {
    await register(donghu, {
      licenceNumber: `（赣）人服证字〔${year - 1}〕第0100157号`,
      issuingAuthority: '南昌市东湖区人力资源和社会保障局',
      validFrom: `${year - 1}-09-01`,
      validTo: `${year + 4}-08-31`,
      businessScope: '职业介绍；人力资源供求信息的收集和发布；劳务派遣；高级人才寻访',
      services: ['internet_recruitment', 'labour_dispatch', 'headhunting', 'training'],
      description: '面向东湖区中小企业的招聘、劳务派遣和猎头服务。',
    });
  }
  return donghu ? 2 : 1;
}
