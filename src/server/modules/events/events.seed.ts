/**
 * Demo recruitment events: the 2026 才聚江西 智荟赣鄱 campus tour (南昌 and 赣州 stops), a 数字经济
 * 专场招聘会 in 赣州 and an online recruitment month, with seeded verified employers and their
 * published postings taking part, and the demo talent registered for the job fair. Dates are relative
 * to the seeding day (China time). Runs once: nothing is added when events exist.
 */
import { randomUUID } from 'node:crypto';
import { and, count, desc, eq, sql } from 'drizzle-orm';
import { JobStatus } from '../../../shared/jobs.js';
import type { Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { jobPostings } from '../jobs/index.js';
import { organisations } from '../organisations/organisations.tables.js';
import { eventParticipants, eventRegistrations, recruitmentEvents } from './events.tables.js';
import { newTicketNonce, ticketCode } from './events.tickets.js';

const DAY_MS = 86_400_000;

interface DemoEvent {
  title: string;
  kind: 'campaign' | 'job_fair' | 'campus' | 'online';
  organiser: string;
  regionCode: string;
  venue: string | null;
  onlineUrl: string | null;
  /** Days from the seeding day, China time; hours are China local time. */
  day: number;
  from: number;
  to: number;
  days?: number;
  capacity: number;
  description: string;
  /** Employers in this city prefix take part. */
  employersIn: string;
}

const EVENTS: readonly DemoEvent[] = [
  {
    title: '2026年“才聚江西 智荟赣鄱”校园引才活动（南昌站）',
    kind: 'campus',
    organiser: '江西省人力资源和社会保障厅、南昌市人力资源和社会保障局',
    regionCode: '360113',
    venue: '南昌大学前湖校区 体育馆',
    onlineUrl: null,
    day: 10,
    from: 14,
    to: 17.5,
    capacity: 800,
    description:
      '面向2026届、2027届高校毕业生，省内重点企业、数字经济企业现场设展，提供软件开发、数据分析、人工智能训练等岗位。现场可投递简历、面谈，并设政策咨询台介绍人才落户、就业见习和技能提升补贴政策。请携带身份证和纸质简历。',
    employersIn: '3601',
  },
  {
    title: '2026年“才聚江西 智荟赣鄱”校园引才活动（赣州站）',
    kind: 'campus',
    organiser: '江西省人力资源和社会保障厅、赣州市人力资源和社会保障局',
    regionCode: '360702',
    venue: '赣南师范大学 师大南路校区 体育馆',
    onlineUrl: null,
    day: 17,
    from: 9,
    to: 12,
    capacity: 600,
    description:
      '赣州站聚焦电子信息、新能源、数字经济产业，组织市内重点用人单位进校招聘。到场请出示报名二维码签到；未报名的同学可在现场登记，名额有限，先到先得。',
    employersIn: '3607',
  },
  {
    title: '赣州市数字经济专场招聘会',
    kind: 'job_fair',
    organiser: '赣州市人力资源和社会保障局',
    regionCode: '360702',
    venue: '赣州市人力资源市场（章贡区）一楼招聘大厅',
    onlineUrl: null,
    day: 3,
    from: 9,
    to: 16.5,
    capacity: 300,
    description:
      '专场面向软件开发、大数据、电子商务、直播营销等数字岗位，邀请赣州数字经济企业现场招聘。求职者报名后凭二维码入场签到，可现场面试；提供简历指导和职业技能等级认定咨询。',
    employersIn: '3607',
  },
  {
    title: '江西省数字技能人才网络招聘月',
    kind: 'online',
    organiser: '江西省人力资源和社会保障厅',
    regionCode: '360000',
    venue: null,
    onlineUrl: 'https://www.jxhrss.gov.cn/',
    day: -2,
    from: 9,
    to: 18,
    days: 14,
    capacity: 5000,
    description: '线上招聘月期间，全省数字经济企业在平台集中发布岗位，求职者报名后可参加每周的直播带岗和线上面试，报名链接与直播时间表在活动开始后更新。',
    employersIn: '36',
  },
];

/** The instant of `hour` (China time, UTC+8) on the day `days` after `now`'s China date. */
function chinaTime(now: Date, days: number, hour: number): Date {
  const chinaMidnight = Math.floor((now.getTime() + 8 * 3_600_000) / DAY_MS) * DAY_MS - 8 * 3_600_000;
  return new Date(chinaMidnight + days * DAY_MS + hour * 3_600_000);
}

/** Verified employers of a region with published postings (the demo employer first when it qualifies). */
async function employersWithJobs(ctx: Ctx, prefix: string, limit: number) {
  const rows = await ctx.db
    .select({ orgId: organisations.id, n: count(jobPostings.id), demo: sql<boolean>`bool_or(${organisations.uscc} = '91360702MA35X8KQ16')` })
    .from(organisations)
    .innerJoin(jobPostings, and(eq(jobPostings.orgId, organisations.id), eq(jobPostings.status, JobStatus.enum.published)))
    .where(and(eq(organisations.kind, 'employer'), eq(organisations.status, 'verified'), sql`${organisations.regionCode} like ${`${prefix}%`}`))
    .groupBy(organisations.id)
    .orderBy(desc(sql`bool_or(${organisations.uscc} = '91360702MA35X8KQ16')`), desc(count(jobPostings.id)), organisations.id)
    .limit(limit);
  const out: { orgId: string; jobIds: string[] }[] = [];
  for (const r of rows) {
    const jobs = await ctx.db
      .select({ id: jobPostings.id })
      .from(jobPostings)
      .where(and(eq(jobPostings.orgId, r.orgId), eq(jobPostings.status, JobStatus.enum.published)))
      .orderBy(desc(jobPostings.publishedAt), jobPostings.id)
      .limit(3);
    out.push({ orgId: r.orgId, jobIds: jobs.map((j) => j.id) });
  }
  return out;
}

export async function seedEvents(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db.select({ n: count() }).from(recruitmentEvents);
  if ((existing?.n ?? 0) > 0) return 0;
  const [official] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'official.province'));
  const [talent] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
  for (const e of EVENTS) {
    const startsAt = chinaTime(ctx.now, e.day, e.from);
    const endsAt = chinaTime(ctx.now, e.day + (e.days ?? 0), e.to);
    const [row] = await ctx.db
      .insert(recruitmentEvents)
      .values({
        title: e.title,
        kind: e.kind,
        organiser: e.organiser,
        regionCode: e.regionCode,
        venue: e.venue,
        onlineUrl: e.onlineUrl,
        startsAt,
        endsAt,
        registrationDeadline: e.kind === 'online' ? endsAt : chinaTime(ctx.now, e.day - 1, 18),
        capacity: e.capacity,
        description: e.description,
        status: 'published',
        createdBy: official?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        publishedAt: ctx.now,
      })
      .returning({ id: recruitmentEvents.id });
    if (!row) continue;
    for (const p of await employersWithJobs(ctx, e.employersIn, 5)) {
      await ctx.db.insert(eventParticipants).values({
        eventId: row.id,
        orgId: p.orgId,
        regionCode: e.regionCode,
        status: 'approved',
        jobIds: p.jobIds,
        createdBy: official?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
    if (talent && e.kind === 'job_fair') {
      const id = randomUUID();
      const nonce = newTicketNonce();
      await ctx.db.insert(eventRegistrations).values({
        id,
        eventId: row.id,
        talentId: talent.id,
        regionCode: e.regionCode,
        status: 'registered',
        ticketNonce: nonce,
        ticketCode: ticketCode(ctx.platform.keys, id, nonce),
        registeredAt: ctx.now,
        updatedAt: ctx.now,
      });
    }
  }
  return EVENTS.length;
}
