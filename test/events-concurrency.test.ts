/**
 * Event registration races, on PostgreSQL only (PGlite has one connection and hides races).
 * Runs when DATABASE_URL is set, as in `.ci/run`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventBody, newTalents, publishedEvent } from '../src/server/modules/events/events.test-support.js';
import { createTestApp, type Session, type TestApp } from './helpers.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let official: Session;
let talents: Session[] = [];
beforeAll(async () => {
  if (!onPostgres) return;
  t = await createTestApp();
  official = await t.signIn('official.ganzhou');
  talents = await newTalents(t, 30, 20);
}, 120_000);
afterAll(async () => t?.close());

const seats = async (eventId: string) =>
  t.database.query<{ status: string; n: number }>('select status, count(*)::int as n from event_registrations where event_id = $1 group by status', [eventId]);

describe.skipIf(!onPostgres)('event registration on PostgreSQL', () => {
  it('never seats more than the capacity when 30 talents register at once', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '并发报名测试招聘会', capacity: 10 }));
    const results = await Promise.all(talents.map((s) => s.request({ method: 'POST', url: `/api/events/${id}/registration`, payload: {} })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    const byStatus = Object.fromEntries((await seats(id)).map((r) => [r.status, r.n]));
    expect(byStatus).toEqual({ registered: 10, waitlisted: 20 });
    const positions = results.map((r) => r.json().waitlistPosition).filter((p) => p !== null);
    expect(positions).toHaveLength(20);
  });

  it('registers once when the same talent registers 10 times at once', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '并发重复报名测试', capacity: 5 }));
    const [one] = talents;
    if (!one) throw new Error('talent');
    const results = await Promise.all(Array.from({ length: 10 }, () => one.request({ method: 'POST', url: `/api/events/${id}/registration`, payload: {} })));
    expect(results.every((r) => r.statusCode === 200)).toBe(true);
    expect(new Set(results.map((r) => r.json().id)).size).toBe(1);
    expect(await seats(id)).toEqual([{ status: 'registered', n: 1 }]);
  });

  it('keeps the seats full and the count exact when cancellations and registrations race', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '并发退订测试招聘会', capacity: 5 }));
    const first = talents.slice(0, 15);
    for (const s of first) await s.request({ method: 'POST', url: `/api/events/${id}/registration`, payload: {} });
    const cancelling = first.slice(0, 5);
    const late = talents.slice(15, 25);
    await Promise.all([
      ...cancelling.map((s) => s.request({ method: 'POST', url: `/api/events/${id}/registration/cancel`, payload: {} })),
      ...late.map((s) => s.request({ method: 'POST', url: `/api/events/${id}/registration`, payload: {} })),
    ]);
    const byStatus = Object.fromEntries((await seats(id)).map((r) => [r.status, r.n]));
    expect(byStatus).toEqual({ registered: 5, waitlisted: 15, cancelled: 5 });
    const promoted = await t.database.query<{ n: number }>(
      `select count(*)::int as n from event_registrations where event_id = $1 and promoted_at is not null and status = 'registered'`,
      [id],
    );
    expect(promoted[0]?.n).toBe(5);
  });
});
