/** Shared by the events tests (PGlite and PostgreSQL): an event body, talents registered through the API. */
import { expect } from 'vitest';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import { sessionFrom, type Session, type TestApp } from '../../../../test/helpers.js';

const HOUR_MS = 3_600_000;

export function eventBody(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    title: '赣州市数字经济专场招聘会',
    kind: 'job_fair',
    organiser: '赣州市人力资源和社会保障局',
    regionCode: '360702',
    venue: '赣州市人力资源市场一楼招聘大厅',
    onlineUrl: null,
    startsAt: new Date(now.getTime() + 72 * HOUR_MS).toISOString(),
    endsAt: new Date(now.getTime() + 80 * HOUR_MS).toISOString(),
    registrationDeadline: new Date(now.getTime() + 48 * HOUR_MS).toISOString(),
    capacity: 100,
    description: '面向软件开发、大数据、电子商务等数字岗位的专场招聘会，凭二维码签到入场。',
    ...overrides,
  };
}

/** Creates and publishes an event as `official`; returns its id. */
export async function publishedEvent(official: Session, body: Record<string, unknown>): Promise<string> {
  const created = await official.request({ method: 'POST', url: '/api/events', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await official.request({ method: 'POST', url: `/api/events/${id}/transitions/publish`, payload: {} });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}

/** Registers `n` new talents (赣州 章贡区) through the API; `tag` (0–27) keeps identifiers apart between calls. */
export async function newTalents(t: TestApp, n: number, tag: number): Promise<Session[]> {
  const out: Session[] = [];
  for (let i = 0; i < n; i++) {
    const seq = String(i).padStart(3, '0');
    const body17 = `360702199801${String(tag + 1).padStart(2, '0')}${seq}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/register/talent',
      payload: {
        username: `ev.${tag}.${i}`,
        password: 'Ganzhou#2026',
        displayName: `报名者${tag}${i}`,
        regionCode: '360702',
        idNumber: `${body17}${idNumberCheckChar(body17)}`,
        phone: `136${String(tag).padStart(2, '0')}79${String(i).padStart(4, '0')}`,
        consents: ['privacy_policy', 'sensitive_pi'],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    out.push(sessionFrom(t.app, res));
  }
  return out;
}
