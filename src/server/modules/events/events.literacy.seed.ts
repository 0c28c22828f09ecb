/**
 * Demo digital-literacy activities in 赣州 (measures 五/六): the city's 全民数字素养与技能提升月 opening
 * activity in 章贡区 (finished: a dozen 赣州 talents checked in and 86 walk-ins counted, so the dashboard's
 * 数字素养活动参与人次 has a figure once `syncFacts` runs) and a rural activity in 于都县, open for
 * registration, with the demo talent registered. Dates are relative to the seeding day (China time). Runs
 * once: nothing is added when a literacy activity exists.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, count, eq, inArray, like } from 'drizzle-orm';
import { LITERACY_EVENT_KINDS } from '../../../shared/events.js';
import type { Ctx } from '../../context.js';
import { users } from '../auth/auth.tables.js';
import { eventRegistrations, recruitmentEvents } from './events.tables.js';
import { newTicketNonce, ticketCode } from './events.tickets.js';

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;

/** The instant of `hour` (China time, UTC+8) on the day `days` after `now`'s China date. */
function chinaTime(now: Date, days: number, hour: number): Date {
  const chinaMidnight = Math.floor((now.getTime() + 8 * HOUR_MS) / DAY_MS) * DAY_MS - 8 * HOUR_MS;
  return new Date(chinaMidnight + days * DAY_MS + hour * HOUR_MS);
}

const ACTIVITIES = [
  {
    title: '2026年赣州市全民数字素养与技能提升月启动活动',
    kind: 'literacy_month' as const,
    organiser: '中共赣州市委网络安全和信息化委员会办公室、赣州市人力资源和社会保障局',
    regionCode: '360702',
    venue: '赣州市章贡区 赣州市图书馆 一楼报告厅',
    day: -12,
    from: 9,
    to: 12,
    capacity: 300,
    description:
      '提升月期间围绕数字生活、数字工作、数字学习和数字创新，开展智能手机应用、网络安全防护、政务服务“赣服通”使用和人工智能工具入门等公益课堂。现场设体验区和咨询台，报名者凭二维码签到，未报名的市民可到现场登记参加。',
    finished: true,
  },
  {
    title: '“数字乡村 e起学”于都县农民数字素养培训进村活动',
    kind: 'literacy_rural' as const,
    organiser: '于都县人力资源和社会保障局、于都县农业农村局',
    regionCode: '360731',
    venue: '于都县贡江镇党群服务中心 二楼会议室',
    day: 5,
    from: 9,
    to: 11.5,
    capacity: 120,
    description:
      '面向农民、返乡创业人员和农村电商从业者，讲解手机直播带货、农产品网店运营、网上办理社保和防范电信网络诈骗。活动在村里举办，报名后凭二维码签到；没有智能手机的群众可直接到现场，由工作人员登记人数。',
    finished: false,
  },
];

/** Walk-ins counted at the finished opening activity. */
const DEMO_WALK_INS = 86;

export async function seedLiteracyActivities(ctx: Ctx): Promise<number> {
  const [existing] = await ctx.db
    .select({ n: count() })
    .from(recruitmentEvents)
    .where(inArray(recruitmentEvents.kind, [...LITERACY_EVENT_KINDS]));
  if ((existing?.n ?? 0) > 0) return 0;
  const [official] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'official.ganzhou'));
  const [demoTalent] = await ctx.db.select({ id: users.id }).from(users).where(eq(users.username, 'talent.ganzhou'));
  const locals = await ctx.db
    .select({ id: users.id })
    .from(users)
    .where(and(eq(users.role, 'talent'), like(users.regionCode, '3607%')))
    .orderBy(asc(users.createdAt), asc(users.id))
    .limit(12);
  for (const a of ACTIVITIES) {
    const startsAt = chinaTime(ctx.now, a.day, a.from);
    const endsAt = chinaTime(ctx.now, a.day, a.to);
    const [row] = await ctx.db
      .insert(recruitmentEvents)
      .values({
        title: a.title,
        kind: a.kind,
        organiser: a.organiser,
        regionCode: a.regionCode,
        venue: a.venue,
        onlineUrl: null,
        startsAt,
        endsAt,
        registrationDeadline: chinaTime(ctx.now, a.day - 1, 18),
        capacity: a.capacity,
        description: a.description,
        status: a.finished ? 'finished' : 'published',
        createdBy: official?.id ?? null,
        createdAt: ctx.now,
        updatedAt: ctx.now,
        publishedAt: ctx.now,
        walkInCount: a.finished ? DEMO_WALK_INS : 0,
        walkInRecordedAt: a.finished ? endsAt : null,
        walkInRecordedBy: a.finished ? (official?.id ?? null) : null,
      })
      .returning({ id: recruitmentEvents.id });
    if (!row) continue;
    const attendees = a.finished ? locals : demoTalent ? [demoTalent] : [];
    for (const [i, person] of attendees.entries()) {
      const id = randomUUID();
      const nonce = newTicketNonce();
      await ctx.db.insert(eventRegistrations).values({
        id,
        eventId: row.id,
        talentId: person.id,
        regionCode: a.regionCode,
        status: 'registered',
        ticketNonce: nonce,
        ticketCode: ticketCode(ctx.platform.keys, id, nonce),
        registeredAt: new Date(startsAt.getTime() - (3 + i) * DAY_MS),
        checkedInAt: a.finished ? new Date(startsAt.getTime() - 20 * 60_000 + i * 60_000) : null,
        checkedInBy: a.finished ? (official?.id ?? null) : null,
        updatedAt: ctx.now,
      });
    }
  }
  return ACTIVITIES.length;
}
