/** Recruitment events over HTTP: official manages, employers take part, talents register, staff check in. */
import jsqrModule from 'jsqr';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { eventBody, newTalents, publishedEvent } from './events.test-support.js';

const HOUR_MS = 3_600_000;
type Decode = (data: Uint8ClampedArray, width: number, height: number) => { data: string } | null;
/** jsqr is CommonJS: its function is the module itself or its `default`, depending on the loader. */
const jsQR = ((jsqrModule as unknown as { default?: Decode }).default ?? jsqrModule) as unknown as Decode;
let t: TestApp;
let official: Session;
let talent: Session;
let employer: Session;

beforeAll(async () => {
  t = await createTestApp();
  official = await t.signIn('official.ganzhou');
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const auditRows = async (action: string) =>
  t.database.query<{ object_id: string; result: string; detail: Record<string, unknown> }>(
    `select object_id, result, detail from audit_log where action = $1 order by seq`,
    [action],
  );

/** Decodes a PNG data URL with jsQR, as the check-in page does with camera frames. */
async function decodeQr(dataUrl: string): Promise<string | null> {
  const { PNG } = (await import('pngjs' as string)) as { PNG: { sync: { read(b: Buffer): { width: number; height: number; data: Buffer } } } };
  const png = PNG.sync.read(Buffer.from(dataUrl.replace(/^data:image\/png;base64,/, ''), 'base64'));
  return jsQR(new Uint8ClampedArray(png.data), png.width, png.height)?.data ?? null;
}

describe('managing events', () => {
  it('creates a draft, hidden from the public until published, and lists it by filters', async () => {
    const created = await post(official, '/api/events', eventBody(t.clock.now(), { title: '章贡区数字岗位专场招聘会' }));
    expect(created.statusCode, created.body).toBe(201);
    const ev = created.json();
    expect(ev).toMatchObject({ status: 'draft', regionName: '章贡区', allowedActions: ['publish', 'cancel'], seatsLeft: 100 });
    expect((await t.app.inject({ url: `/api/events/${ev.id}` })).statusCode).toBe(404);
    expect((await get(talent, `/api/events/${ev.id}`)).statusCode).toBe(404);
    const published = await post(official, `/api/events/${ev.id}/transitions/publish`);
    expect(published.json()).toMatchObject({ status: 'published', registrationOpen: true });
    const anon = await t.app.inject({ url: `/api/events/${ev.id}` });
    expect(anon.statusCode).toBe(200);
    expect(anon.json()).toMatchObject({ allowedActions: [], counts: { registered: 0 } });
    expect(anon.json().counts.waitlisted).toBeUndefined();
    const ganzhou = await t.app.inject({ url: '/api/events?city=360700&kind=job_fair&upcoming=true' });
    expect(ganzhou.json().items.map((e: { id: string }) => e.id)).toContain(ev.id);
    const nanchang = await t.app.inject({ url: '/api/events?city=360100' });
    expect(nanchang.json().items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
    const campus = await t.app.inject({ url: '/api/events?city=360700&kind=campus' });
    expect(campus.json().items.map((e: { id: string }) => e.id)).not.toContain(ev.id);
    const audit = await auditRows('event.publish');
    expect(audit.map((a) => a.object_id)).toContain(ev.id);
  });

  it('scopes the management list to the official region', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '区域范围测试招聘会' }));
    const ids = async (s: Session) => (await get(s, '/api/events/manage?pageSize=100')).json().items.map((e: { id: string }) => e.id);
    expect(await ids(official)).toContain(id);
    expect(await ids(await t.signIn('official.nanchang'))).not.toContain(id);
    expect(await ids(await t.signIn('official.province'))).toContain(id);
    expect((await get(talent, '/api/events/manage')).statusCode).toBe(403);
    const nanchang = await t.signIn('official.nanchang');
    expect((await nanchang.request({ method: 'PATCH', url: `/api/events/${id}`, payload: { capacity: 5 } })).statusCode).toBe(404);
    expect((await post(nanchang, `/api/events/${id}/transitions/cancel`, { reason: '越权' })).statusCode).toBe(404);
    expect((await get(nanchang, `/api/events/${id}/registrations`)).statusCode).toBe(404);
  });

  it('refuses bad input, the wrong role and another region', async () => {
    const online = await post(official, '/api/events', eventBody(t.clock.now(), { kind: 'online', venue: null, onlineUrl: null }));
    expect(online.statusCode).toBe(400);
    expect(online.json().code).toBe('VALIDATION_FAILED');
    const backwards = await post(official, '/api/events', eventBody(t.clock.now(), { endsAt: new Date(t.clock.now().getTime() - HOUR_MS).toISOString() }));
    expect(backwards.json().issues.map((i: { path: string }) => i.path)).toContain('body/endsAt');
    expect((await post(talent, '/api/events', eventBody(t.clock.now()))).statusCode).toBe(403);
    expect((await post(employer, '/api/events', eventBody(t.clock.now()))).statusCode).toBe(403);
    const elsewhere = await post(official, '/api/events', eventBody(t.clock.now(), { regionCode: '360102' }));
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().code).toBe('FORBIDDEN_REGION');
    const unknown = await post(official, '/api/events', eventBody(t.clock.now(), { regionCode: '360799' }));
    expect(unknown.json().code).toBe('CATALOG_UNKNOWN_CODE');
  });

  it('edits, cancels with a reason only, and then refuses edits', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '待取消的招聘会' }));
    const edited = await official.request({
      method: 'PATCH',
      url: `/api/events/${id}`,
      payload: eventBody(t.clock.now(), { title: '待取消的招聘会（改期）', capacity: 50 }),
    });
    expect(edited.json()).toMatchObject({ title: '待取消的招聘会（改期）', capacity: 50 });
    const online = await official.request({ method: 'PATCH', url: `/api/events/${id}`, payload: { kind: 'online' } });
    expect(online.json()).toMatchObject({ code: 'VALIDATION_FAILED', params: { fields: ['onlineUrl'] } });
    const noReason = await post(official, `/api/events/${id}/transitions/cancel`);
    expect(noReason.json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await post(official, `/api/events/${id}/transitions/cancel`, { reason: '场地调整' })).json().status).toBe('cancelled');
    const again = await official.request({ method: 'PATCH', url: `/api/events/${id}`, payload: { capacity: 20 } });
    expect(again.json().code).toBe('EVENTS_NOT_EDITABLE');
    expect((await post(official, `/api/events/${id}/transitions/publish`)).json().code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');
    expect((await t.app.inject({ url: `/api/events/${id}` })).statusCode).toBe(404);
  });
});

describe('registration with capacity', () => {
  it('seats up to capacity, waitlists the rest, is idempotent and promotes on cancel', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '小型招聘会（两个名额）', capacity: 2 }));
    const [a, b, c] = await newTalents(t, 3, 1);
    if (!a || !b || !c) throw new Error('talents');
    const ra = await post(a, `/api/events/${id}/registration`);
    expect(ra.statusCode, ra.body).toBe(200);
    expect(ra.json()).toMatchObject({ status: 'registered', waitlistPosition: null });
    expect(ra.json().ticket.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const again = await post(a, `/api/events/${id}/registration`);
    expect(again.json().id).toBe(ra.json().id);
    expect((await post(b, `/api/events/${id}/registration`)).json().status).toBe('registered');
    const rc = await post(c, `/api/events/${id}/registration`);
    expect(rc.json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1, ticket: null });
    const full = await get(official, `/api/events/${id}`);
    expect(full.json()).toMatchObject({ seatsLeft: 0, counts: { registered: 2, waitlisted: 1, checkedIn: 0 } });

    const cancelled = await post(a, `/api/events/${id}/registration/cancel`);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', ticket: null });
    const promoted = (await get(c, `/api/events/${id}`)).json().myRegistration;
    expect(promoted).toMatchObject({ status: 'registered' });
    expect(promoted.ticket.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    expect((await auditRows('event_registration.promote')).map((r) => r.object_id)).toContain(rc.json().id);
    expect((await post(a, `/api/events/${id}/registration/cancel`)).statusCode).toBe(404);

    const regs = await get(official, `/api/events/${id}/registrations`);
    expect(regs.json().total).toBe(3);
    for (const r of regs.json().items) {
      expect(r.nameMasked).toMatch(/^报\*+$/);
      expect(r.phoneMasked).toMatch(/^136\*{4}\d{4}$/);
    }
    expect((await get(talent, `/api/events/${id}/registrations`)).statusCode).toBe(403);
  });

  it('raising the capacity promotes the waitlist; lowering it below the seats taken is refused', async () => {
    const body = eventBody(t.clock.now(), { title: '扩容测试招聘会', capacity: 1 });
    const id = await publishedEvent(official, body);
    const [a, b] = await newTalents(t, 2, 2);
    if (!a || !b) throw new Error('talents');
    await post(a, `/api/events/${id}/registration`);
    expect((await post(b, `/api/events/${id}/registration`)).json().status).toBe('waitlisted');
    const bigger = await official.request({ method: 'PATCH', url: `/api/events/${id}`, payload: { capacity: 2 } });
    expect(bigger.json().counts).toMatchObject({ registered: 2, waitlisted: 0 });
    const smaller = await official.request({ method: 'PATCH', url: `/api/events/${id}`, payload: { capacity: 1 } });
    expect(smaller.json()).toMatchObject({ code: 'EVENTS_CAPACITY_BELOW_REGISTRATIONS', params: { registered: 2 } });
  });

  it('refuses registration after the deadline and for drafts; officials may not register', async () => {
    const now = t.clock.now().getTime();
    const id = await publishedEvent(
      official,
      eventBody(t.clock.now(), { title: '截止测试招聘会', registrationDeadline: new Date(now - HOUR_MS).toISOString() }),
    );
    const late = await post(talent, `/api/events/${id}/registration`);
    expect(late.statusCode).toBe(409);
    expect(late.json().code).toBe('EVENTS_REGISTRATION_CLOSED');
    const draft = (await post(official, '/api/events', eventBody(t.clock.now(), { title: '草稿招聘会' }))).json().id;
    expect((await post(talent, `/api/events/${draft}/registration`)).statusCode).toBe(404);
    expect((await post(official, `/api/events/${id}/registration`)).statusCode).toBe(403);
  });
});

describe('participating employers', () => {
  it('lets a verified employer apply with its published jobs; the organiser approves; the page lists them', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '参会单位测试招聘会' }));
    const jobId = await publishJob(employer, official, jobBody(t.clock.now(), { title: '招聘会专场数据工程师' }));
    const draftJob = (await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now(), { title: '未发布岗位' }) })).json().id;
    const bad = await post(employer, `/api/events/${id}/participants`, { jobIds: [draftJob] });
    expect(bad.json()).toMatchObject({ code: 'EVENTS_JOB_NOT_PUBLISHED', params: { jobId: draftJob } });
    const applied = await post(employer, `/api/events/${id}/participants`, { jobIds: [jobId], note: '设两个展位' });
    expect(applied.statusCode, applied.body).toBe(201);
    expect(applied.json()).toMatchObject({ status: 'applied', orgName: '赣州云智信息技术有限公司', allowedActions: ['withdraw'] });
    const dup = await post(employer, `/api/events/${id}/participants`, { jobIds: [jobId] });
    expect(dup.json()).toMatchObject({ code: 'EVENTS_PARTICIPATION_EXISTS', params: { participantId: applied.json().id } });
    expect((await t.app.inject({ url: `/api/events/${id}` })).json().participants).toEqual([]);

    const pid = applied.json().id;
    expect((await post(official, `/api/events/participants/${pid}/transitions/reject`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    expect((await post(employer, `/api/events/participants/${pid}/transitions/approve`)).statusCode).toBe(403);
    const approved = await post(official, `/api/events/participants/${pid}/transitions/approve`);
    expect(approved.json().status).toBe('approved');
    const page = (await t.app.inject({ url: `/api/events/${id}` })).json();
    expect(page.participants).toHaveLength(1);
    expect(page.participants[0]).toMatchObject({ orgName: '赣州云智信息技术有限公司', jobs: [{ id: jobId, title: '招聘会专场数据工程师' }] });
    const mine = (await get(employer, '/api/events/participating')).json().items;
    expect(mine.find((p: { eventId: string }) => p.eventId === id)).toMatchObject({ status: 'approved', event: { title: '参会单位测试招聘会' } });
    expect((await auditRows('event_participant.approve')).map((r) => r.object_id)).toContain(pid);
  });

  it('refuses unverified employers; the organiser invites and the employer accepts', async () => {
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '邀请测试招聘会' }));
    const pending = await t.signIn('employer.pending');
    expect((await post(pending, `/api/events/${id}/participants`, {})).json().code).toBe('EVENTS_ORG_NOT_VERIFIED');
    const orgId = (await get(employer, '/api/auth/me')).json().user.organisation.id;
    expect((await post(official, `/api/events/${id}/participants`, {})).json()).toMatchObject({ code: 'VALIDATION_FAILED', params: { fields: ['orgId'] } });
    const invited = await post(official, `/api/events/${id}/participants`, { orgId });
    expect(invited.json()).toMatchObject({ status: 'invited' });
    expect((await post(employer, `/api/events/participants/${invited.json().id}/transitions/accept`)).json().status).toBe('approved');
    const withdrawn = await post(employer, `/api/events/participants/${invited.json().id}/transitions/withdraw`);
    expect(withdrawn.json()).toMatchObject({ status: 'withdrawn', allowedActions: ['reapply'] });
    const again = await post(employer, `/api/events/${id}/participants`, { jobIds: [] });
    expect(again.json()).toMatchObject({ id: invited.json().id, status: 'applied' });
    const outsider = await t.signIn('employer.pending');
    expect((await post(outsider, `/api/events/participants/${invited.json().id}/transitions/withdraw`)).statusCode).toBe(404);
  });
});

describe('check-in', () => {
  it('checks a ticket in once by QR, then by typed code, and refuses the wrong tickets', async () => {
    const now = t.clock.now().getTime();
    const soon = { startsAt: new Date(now + HOUR_MS).toISOString(), endsAt: new Date(now + 9 * HOUR_MS).toISOString() };
    const id = await publishedEvent(official, eventBody(t.clock.now(), { title: '签到测试招聘会', ...soon, registrationDeadline: soon.startsAt }));
    const other = await publishedEvent(official, eventBody(t.clock.now(), { title: '另一场招聘会' }));
    const [a, b, c] = await newTalents(t, 3, 3);
    if (!a || !b || !c) throw new Error('talents');
    for (const s of [a, b, c]) expect((await post(s, `/api/events/${id}/registration`)).statusCode).toBe(200);
    const ticketOther = (await post(a, `/api/events/${other}/registration`)).json().ticket;
    const mine = (await get(a, '/api/events/registrations/mine')).json().items.find((r: { eventId: string }) => r.eventId === id);
    const token = await decodeQr(mine.ticket.qrDataUrl);
    expect(token).toBe(mine.ticket.token);
    expect(token).not.toContain('报名者');

    const early = await post(official, `/api/events/${other}/check-in`, { token: ticketOther.token });
    expect(early.json().code).toBe('EVENTS_NOT_RUNNING');
    {
      const first = await post(official, `/api/events/${id}/check-in`, { token });
      expect(first.statusCode, first.body).toBe(200);
      expect(first.json()).toMatchObject({ result: 'checked_in', attendee: { nameMasked: '报****' }, counts: { checkedIn: 1 } });
      const second = await post(official, `/api/events/${id}/check-in`, { token });
      expect(second.json()).toMatchObject({ result: 'already_checked_in', checkedInAt: first.json().checkedInAt });

      const codeB = (await get(b, `/api/events/${id}`)).json().myRegistration.ticket.code as string;
      const byCode = await post(official, `/api/events/${id}/check-in`, { code: codeB.toLowerCase().replace('-', ' ') });
      expect(byCode.json().result).toBe('checked_in');

      const forged = await post(official, `/api/events/${id}/check-in`, { token: `${token?.slice(0, -4)}AAAA` });
      expect(forged.statusCode).toBe(422);
      expect(forged.json().code).toBe('EVENTS_TICKET_INVALID');
      expect((await post(official, `/api/events/${id}/check-in`, { token: ticketOther.token })).json().code).toBe('EVENTS_TICKET_OTHER_EVENT');
      expect((await post(official, `/api/events/${id}/check-in`, { code: ticketOther.code })).json().code).toBe('EVENTS_TICKET_OTHER_EVENT');
      const ticketC = (await get(c, `/api/events/${id}`)).json().myRegistration.ticket;
      await post(c, `/api/events/${id}/registration/cancel`);
      expect((await post(official, `/api/events/${id}/check-in`, { token: ticketC.token })).json().code).toBe('EVENTS_TICKET_CANCELLED');
      expect((await post(talent, `/api/events/${id}/check-in`, { token })).statusCode).toBe(403);
      const nanchang = await t.signIn('official.nanchang');
      expect((await post(nanchang, `/api/events/${id}/check-in`, { token })).statusCode).toBe(404);

      const stats = (await get(official, '/api/events/attendance')).json();
      expect(stats.items.find((e: { id: string }) => e.id === id)).toMatchObject({ registered: 2, checkedIn: 2 });
      const audit = await auditRows('event_registration.check_in');
      expect(audit.filter((r) => r.result === 'ok' && r.detail.eventId === id)).toHaveLength(2);
      expect(audit.filter((r) => r.result === 'denied').map((r) => r.detail.code)).toEqual(
        expect.arrayContaining(['EVENTS_NOT_RUNNING', 'EVENTS_TICKET_INVALID', 'EVENTS_TICKET_OTHER_EVENT', 'EVENTS_TICKET_CANCELLED']),
      );
      await post(official, `/api/events/${id}/transitions/finish`);
      expect((await post(official, `/api/events/${id}/check-in`, { code: codeB })).json().code).toBe('EVENTS_NOT_RUNNING');
    }
  });
});
