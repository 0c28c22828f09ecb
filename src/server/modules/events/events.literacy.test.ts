/**
 * 数字素养活动 over HTTP (PGlite and PostgreSQL): the public list by category, registration and check-in,
 * the walk-in headcount (audited, integer ≥ 0, official of the region only, closed once finished), attendance
 * = check-ins + walk-ins, and the dashboard's 数字素养活动参与人次 equal to it by region and month.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { rebuildRollups, shanghaiMonth, syncFacts } from '../dashboard/index.js';
import { seedLiteracyActivities } from './index.js';
import { eventBody, newTalents, publishedEvent } from './events.test-support.js';

const HOUR_MS = 3_600_000;
let t: TestApp;
let official: Session;
let nanchang: Session;
let province: Session;
let talent: Session;

beforeAll(async () => {
  t = await createTestApp();
  official = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  province = await t.signIn('official.province');
  talent = await t.signIn('talent.ganzhou');
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });

/** A rural literacy activity in 于都县 (360731) starting in `startsInHours`. */
function ruralBody(startsInHours: number, title = '于都县农民数字素养培训进村活动') {
  const now = t.clock.now().getTime();
  return eventBody(t.clock.now(), {
    title,
    kind: 'literacy_rural',
    organiser: '于都县人力资源和社会保障局',
    regionCode: '360731',
    venue: '于都县贡江镇党群服务中心',
    startsAt: new Date(now + startsInHours * HOUR_MS).toISOString(),
    endsAt: new Date(now + (startsInHours + 3) * HOUR_MS).toISOString(),
    registrationDeadline: new Date(now + startsInHours * HOUR_MS).toISOString(),
    description: '讲解手机直播带货、农产品网店运营和防范电信网络诈骗，凭二维码签到，未报名群众现场登记。',
  });
}

async function indicator(s: Session, regionCode: string, key: string, year: number) {
  const res = await get(s, `/api/dashboard/summary?regionCode=${regionCode}&year=${year}`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().indicators.find((i: { key: string }) => i.key === key) as { value: number | null; available: boolean };
}

describe('digital-literacy activities', () => {
  it('lists literacy activities by category for the public; employers cannot take part', async () => {
    const id = await publishedEvent(official, ruralBody(72, '于都县数字素养公开课'));
    const ids = async (q: string) => (await t.app.inject({ url: `/api/events?${q}` })).json().items.map((e: { id: string }) => e.id);
    expect(await ids('category=literacy&city=360700')).toContain(id);
    expect(await ids('category=recruitment')).not.toContain(id);
    expect(await ids('kind=literacy_rural')).toContain(id);
    expect((await t.app.inject({ url: '/api/events?category=other' })).statusCode).toBe(400);
    const anon = (await t.app.inject({ url: `/api/events/${id}` })).json();
    expect(anon).toMatchObject({ category: 'literacy', kind: 'literacy_rural', attendance: null });
    const employer = await t.signIn('employer.ganzhou');
    expect((await post(employer, `/api/events/${id}/participants`, { jobIds: [] })).json().code).toBe('EVENTS_NOT_OPEN_TO_EMPLOYERS');
  });

  it('refuses a headcount from the wrong role, region, kind, value or time', async () => {
    const later = await publishedEvent(official, ruralBody(72, '于都县数字素养夜校'));
    expect((await post(official, `/api/events/${later}/headcount`, { walkInCount: 5 })).json()).toMatchObject({
      code: 'EVENTS_HEADCOUNT_CLOSED',
      params: { status: 'published' },
    });
    const running = await publishedEvent(official, ruralBody(1, '于都县数字素养课堂'));
    for (const bad of [{ walkInCount: -1 }, { walkInCount: 2.5 }, { walkInCount: '7' }, {}, { walkInCount: 100_001 }]) {
      const res = await post(official, `/api/events/${running}/headcount`, bad);
      expect(res.statusCode, JSON.stringify(bad)).toBe(400);
    }
    expect((await post(talent, `/api/events/${running}/headcount`, { walkInCount: 5 })).statusCode).toBe(403);
    expect((await post(nanchang, `/api/events/${running}/headcount`, { walkInCount: 5 })).statusCode).toBe(404);
    const now = t.clock.now().getTime();
    const fair = await publishedEvent(
      official,
      eventBody(t.clock.now(), {
        title: '章贡区现场招聘会',
        startsAt: new Date(now + HOUR_MS).toISOString(),
        endsAt: new Date(now + 5 * HOUR_MS).toISOString(),
        registrationDeadline: new Date(now + HOUR_MS).toISOString(),
      }),
    );
    expect((await post(official, `/api/events/${fair}/headcount`, { walkInCount: 5 })).json().code).toBe('EVENTS_HEADCOUNT_NOT_APPLICABLE');
    const fairView = (await get(official, `/api/events/${fair}`)).json();
    expect(fairView).toMatchObject({ category: 'recruitment', attendance: null });
  });

  it('counts registrations, check-ins and walk-ins, and the dashboard reads the same figure by region and month', async () => {
    const id = await publishedEvent(official, ruralBody(1));
    const people = await newTalents(t, 4, 11);
    for (const s of people) expect((await post(s, `/api/events/${id}/registration`)).statusCode).toBe(200);
    for (const s of people.slice(0, 3)) {
      const code = (await get(s, `/api/events/${id}`)).json().myRegistration.ticket.code as string;
      expect((await post(official, `/api/events/${id}/check-in`, { code })).json().result).toBe('checked_in');
    }
    const first = await post(official, `/api/events/${id}/headcount`, { walkInCount: 40, note: '村委会纸质签到表' });
    expect(first.statusCode, first.body).toBe(200);
    const corrected = await post(official, `/api/events/${id}/headcount`, { walkInCount: 37 });
    expect(corrected.json()).toMatchObject({ checkedIn: 3, walkIn: 37, attended: 40, headcountOpen: true });
    const audit = await t.database.query<{ detail: Record<string, unknown>; region_code: string }>(
      `select detail, region_code from audit_log where action = 'event.headcount' and object_id = $1 order by seq`,
      [id],
    );
    expect(audit.map((a) => a.detail)).toEqual([
      { from: 0, to: 40, note: '村委会纸质签到表' },
      { from: 40, to: 37 },
    ]);
    expect(audit[0]?.region_code).toBe('360731');

    const view = (await get(official, `/api/events/${id}`)).json();
    expect(view.counts).toMatchObject({ registered: 4, checkedIn: 3 });
    expect(view.attendance).toMatchObject({ checkedIn: 3, walkIn: 37, attended: 40 });
    const stats = (await get(official, '/api/events/attendance?category=literacy')).json();
    expect(stats.items.find((e: { id: string }) => e.id === id)).toMatchObject({ registered: 4, checkedIn: 3, walkIn: 37, attended: 40 });
    expect(stats.items.every((e: { kind: string }) => e.kind.startsWith('literacy_'))).toBe(true);
    expect((await get(nanchang, '/api/events/attendance?category=literacy')).json().items.map((e: { id: string }) => e.id)).not.toContain(id);

    const startsAt = new Date(view.startsAt);
    const year = Number(shanghaiMonth(startsAt).slice(0, 4));
    const before = await indicator(official, '360731', 'literacy_participants', year);
    expect(before).toMatchObject({ available: true, value: null }); // 暂无数据 until an activity is finished
    expect((await indicator(official, '360731', 'literacy_registrations', year)).value).toBe(4);
    expect((await indicator(official, '360731', 'event_registrations', year)).value).toBe(0);

    expect((await post(official, `/api/events/${id}/transitions/finish`)).statusCode).toBe(200);
    expect((await post(official, `/api/events/${id}/headcount`, { walkInCount: 50 })).json().code).toBe('EVENTS_HEADCOUNT_CLOSED');
    const finished = (await get(official, `/api/events/${id}`)).json();
    expect(finished.attendance).toMatchObject({ attended: 40, headcountOpen: false });

    expect((await indicator(official, '360731', 'literacy_participants', year)).value).toBe(40);
    expect((await indicator(official, '360700', 'literacy_participants', year)).value).toBe(40);
    expect((await indicator(province, '360000', 'literacy_participants', year)).value).toBe(40);
    expect((await indicator(official, '360731', 'literacy_activities_held', year)).value).toBe(1);
    expect((await indicator(official, '360731', 'events_held', year)).value).toBe(0);
    const breakdown = (await get(official, `/api/dashboard/breakdown?regionCode=360700&indicator=literacy_participants&year=${year}`)).json();
    expect(breakdown.rows.find((r: { regionCode: string }) => r.regionCode === '360731')?.value).toBe(40);
    expect(breakdown.rows.find((r: { regionCode: string }) => r.regionCode === '360702')?.value).toBeNull();
    const trend = (await get(official, `/api/dashboard/trend?regionCode=360731&indicator=literacy_participants&year=${year}`)).json();
    expect(trend.points.find((p: { month: string }) => p.month === shanghaiMonth(startsAt))?.value).toBe(40);
    expect(trend.points.filter((p: { value: number | null }) => p.value !== null)).toHaveLength(1);

    // region scope: 南昌 sees no literacy attendance and cannot read 赣州's figures
    expect((await indicator(nanchang, '360100', 'literacy_participants', year)).value).toBeNull();
    expect((await get(nanchang, `/api/dashboard/summary?regionCode=360731&year=${year}`)).statusCode).toBe(404);

    // the sync task and a full rebuild find the same facts: nothing is counted twice
    await syncFacts(t.database.db);
    await rebuildRollups(t.database.db);
    expect((await indicator(official, '360731', 'literacy_participants', year)).value).toBe(40);
  });

  it('seeds a finished 提升月 activity and an open rural one in 赣州, counted on the dashboard after the sync', async () => {
    const fresh = await createTestApp();
    try {
      expect(await seedLiteracyActivities(fresh.ctx())).toBe(2);
      expect(await seedLiteracyActivities(fresh.ctx())).toBe(0);
      await syncFacts(fresh.database.db);
      const list = (await fresh.app.inject({ url: '/api/events?category=literacy&upcoming=false&pageSize=100' })).json().items as {
        id: string;
        kind: string;
        regionCode: string;
        status: string;
        startsAt: string;
      }[];
      const month = list.find((e) => e.kind === 'literacy_month');
      const rural = list.find((e) => e.kind === 'literacy_rural');
      expect(month).toMatchObject({ regionCode: '360702', status: 'finished' });
      expect(rural).toMatchObject({ regionCode: '360731', status: 'published' });
      const [row] = await fresh.database.query<{ checked: number; walk_in: number }>(
        `select (select count(*) from event_registrations r where r.event_id = e.id and r.checked_in_at is not null)::int as checked, e.walk_in_count as walk_in
         from recruitment_events e where e.id = $1`,
        [month?.id],
      );
      expect(row?.walk_in).toBe(86);
      expect(row?.checked).toBeGreaterThan(0);
      const year = Number(shanghaiMonth(new Date(month?.startsAt ?? '')).slice(0, 4));
      const ganzhou = await fresh.signIn('official.ganzhou');
      expect((await indicator(ganzhou, '360702', 'literacy_participants', year)).value).toBe((row?.checked ?? 0) + 86);
      const demo = await fresh.signIn('talent.ganzhou');
      const mine = (await get(demo, '/api/events/registrations/mine')).json().items as { eventId: string }[];
      expect(mine.map((r) => r.eventId)).toContain(rural?.id);
    } finally {
      await fresh.close();
    }
  });
});
