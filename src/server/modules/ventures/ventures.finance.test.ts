/**
 * 产融对接 over HTTP: only verified finance/investment organisations state interests; the matches and their
 * reasons are true of the stored data; the owner's contact reaches the investor only after consent, only that
 * investor, each reading audited. And the 小巨人 list: region-scoped for officials, names and fields in public.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { matchProject, regionWithinCode } from '../../../shared/ventures.js';
import { interestBody, newMaker, projectBody, published } from './ventures.test-support.js';

let t: TestApp;
let ganzhou: Session;
let nanchang: Session;
let investor: Session;
let maker: Session;
const ids: Record<string, string> = {};
beforeAll(async () => {
  t = await createTestApp();
  ganzhou = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
  investor = await t.signIn('investor.nanchang');
  maker = await newMaker(t, 40);
  ids.a = await published(maker, ganzhou, projectBody({ name: '甲：冷链数据', digitalField: 'big_data', stage: 'startup', fundingSoughtFen: 200_000_000 }));
  ids.b = await published(maker, ganzhou, projectBody({ name: '乙：视觉质检', digitalField: 'ai', stage: 'growth', fundingSoughtFen: 500_000_000 }));
  ids.c = await published(maker, nanchang, projectBody({ name: '丙：VR 实训', digitalField: 'vr', regionCode: '360102' }));
  ids.d = await published(maker, ganzhou, projectBody({ name: '丁：不融资', needs: ['space'] }));
  const draft = await maker.request({ method: 'POST', url: '/api/ventures/projects', payload: projectBody({ name: '戊：草稿' }) });
  ids.e = draft.json().id;
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });

describe('investor interests and matches', () => {
  it('lets only verified finance or investment organisations in', async () => {
    const employer = await t.signIn('employer.ganzhou');
    expect((await get(employer, '/api/ventures/interests/mine')).json().code).toBe('VENTURES_NOT_INVESTOR');
    expect((await post(employer, '/api/ventures/interests', interestBody())).statusCode).toBe(403);
    expect((await post(maker, '/api/ventures/interests', interestBody())).statusCode).toBe(403);
    expect((await post(investor, '/api/ventures/interests', interestBody({ ticketMinFen: 5, ticketMaxFen: 1 }))).json().code).toBe('VALIDATION_FAILED');
    expect((await post(investor, '/api/ventures/interests', interestBody({ regions: ['369999'] }))).json().code).toBe('CATALOG_UNKNOWN_CODE');
  });

  it('matches published projects that seek funding, with reasons that are true of the data', async () => {
    const created = await post(investor, '/api/ventures/interests', interestBody());
    expect(created.statusCode, created.body).toBe(201);
    ids.interest = created.json().id;
    const res = await get(investor, `/api/ventures/interests/${ids.interest}/matches`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { project: { id: string }; score: number; reasons: { code: string; params: Record<string, unknown> }[] }[];
    const byId = new Map(items.map((m) => [m.project.id, m]));
    expect(byId.get(ids.a as string)?.score).toBe(100);
    expect(byId.get(ids.b as string)?.reasons.map((r) => r.code)).toEqual(['field', 'region']);
    expect(byId.get(ids.c as string)?.reasons.map((r) => r.code)).toEqual(['stage', 'amount']);
    expect(byId.has(ids.d as string)).toBe(false);
    expect(byId.has(ids.e as string)).toBe(false);
    expect(items.map((m) => m.score)).toEqual([...items.map((m) => m.score)].sort((x, y) => y - x));
    // every reason re-checked against the stored rows
    const interest = (await t.database.query<Record<string, unknown>>('select * from venture_interests where id = $1', [ids.interest]))[0] as {
      fields: string[];
      stages: string[];
      ticket_min_fen: string;
      ticket_max_fen: string;
      regions: string[];
    };
    for (const m of items) {
      const [p] = await t.database.query<{ digital_field: string; stage: string; funding_sought_fen: string; region_code: string; needs: string[] }>(
        'select digital_field, stage, funding_sought_fen, region_code, needs from venture_projects where id = $1',
        [m.project.id],
      );
      if (!p) throw new Error('project');
      for (const r of m.reasons) {
        if (r.code === 'field') expect(interest.fields).toContain(p.digital_field);
        if (r.code === 'stage') expect(interest.stages).toContain(p.stage);
        if (r.code === 'amount') expect(Number(p.funding_sought_fen)).toBeGreaterThanOrEqual(Number(interest.ticket_min_fen));
        if (r.code === 'amount') expect(Number(p.funding_sought_fen)).toBeLessThanOrEqual(Number(interest.ticket_max_fen));
        if (r.code === 'region') expect(interest.regions.some((x) => regionWithinCode(x, p.region_code))).toBe(true);
      }
      const again = matchProject(
        {
          fields: interest.fields,
          stages: interest.stages,
          ticketMinFen: Number(interest.ticket_min_fen),
          ticketMaxFen: Number(interest.ticket_max_fen),
          regions: interest.regions,
        },
        { digitalField: p.digital_field, stage: p.stage, fundingSoughtFen: Number(p.funding_sought_fen), regionCode: p.region_code, needs: p.needs },
      );
      expect(m.score).toBe(again.score);
    }
    expect(res.body).not.toContain('创客40');
    expect(res.body).not.toMatch(/1367970\d{4}/);
  });
});

describe('introductions: consent before contact', () => {
  it('reveals the contact only after the owner consents, only to that investor, audited each time', async () => {
    const req = await investor.request({
      method: 'POST',
      url: '/api/ventures/introductions',
      payload: { projectId: ids.a, interestId: ids.interest, message: '我们关注冷链数据方向，希望进一步交流。' },
      headers: { 'idempotency-key': 'intro-request-a1' },
    });
    expect(req.statusCode, req.body).toBe(201);
    const introId = req.json().id as string;
    expect((await post(investor, '/api/ventures/introductions', { projectId: ids.a, message: '再次请求' })).json().code).toBe('VENTURES_INTRODUCTION_EXISTS');
    expect((await post(investor, '/api/ventures/introductions', { projectId: ids.e, message: '草稿项目' })).json().code).toBe('VENTURES_PROJECT_NOT_PUBLISHED');

    // before consent: locked, and no list carries it
    const locked = await post(investor, `/api/ventures/introductions/${introId}/contact`);
    expect(locked.statusCode).toBe(409);
    expect(locked.json().code).toBe('VENTURES_CONTACT_LOCKED');
    for (const url of ['/api/ventures/introductions/sent', `/api/ventures/interests/${ids.interest}/matches`, `/api/ventures/projects/${ids.a}`]) {
      const body = (await get(investor, url)).body;
      expect(body, url).not.toMatch(/1367970\d{4}/);
      expect(body, url).not.toContain('创客40');
    }
    expect((await get(investor, '/api/ventures/introductions/sent')).json().items[0]).toMatchObject({
      status: 'requested',
      contactAvailable: false,
      allowedActions: ['withdraw'],
    });
    expect((await post(investor, `/api/ventures/introductions/${introId}/transitions/consent`)).statusCode).toBe(404);

    const inbox = (await get(maker, '/api/ventures/introductions/received')).json().items as { id: string; investorName: string; allowedActions: string[] }[];
    expect(inbox.find((i) => i.id === introId)).toMatchObject({ investorName: '江西赣江数字创业投资有限公司', allowedActions: ['consent', 'decline'] });
    const stranger = await newMaker(t, 41);
    expect((await post(stranger, `/api/ventures/introductions/${introId}/transitions/consent`)).statusCode).toBe(404);
    expect((await post(maker, `/api/ventures/introductions/${introId}/transitions/consent`)).json().status).toBe('consented');

    const contact = await post(investor, `/api/ventures/introductions/${introId}/contact`);
    expect(contact.statusCode, contact.body).toBe(200);
    expect(contact.json()).toEqual({ name: '创客40', phone: '13679700040', orgName: null });
    await post(investor, `/api/ventures/introductions/${introId}/contact`);
    const employer = await t.signIn('employer.ganzhou');
    expect((await post(employer, `/api/ventures/introductions/${introId}/contact`)).statusCode).toBe(404);
    expect((await post(maker, `/api/ventures/introductions/${introId}/contact`)).statusCode).toBe(403);
    expect((await post(ganzhou, `/api/ventures/introductions/${introId}/contact`)).statusCode).toBe(403);
    const audit = await t.database.query<{ action: string; detail: { introductionId?: string } }>(
      `select action, detail from audit_log where action like 'venture_introduction.%' and (object_id = $1 or detail->>'introductionId' = $1) order by seq`,
      [introId],
    );
    expect(audit.map((a) => a.action)).toEqual([
      'venture_introduction.request',
      'venture_introduction.consent',
      'venture_introduction.contact_reveal',
      'venture_introduction.contact_reveal',
    ]);
    const [metric] = await t.database.query<{ n: number }>(
      `select count(*)::int as n from metric_events where metric = 'venture.introduced' and subject_id = $1`,
      [introId],
    );
    expect(metric?.n).toBe(1);
  });

  it('lets the owner decline and the investor withdraw; a declined request stays locked', async () => {
    const b = await post(investor, '/api/ventures/introductions', { projectId: ids.b, message: '想了解视觉质检的客户情况' });
    const c = await post(investor, '/api/ventures/introductions', { projectId: ids.c, message: '想了解 VR 实训的院校合作' });
    expect((await post(maker, `/api/ventures/introductions/${b.json().id}/transitions/decline`, { reason: '暂不融资' })).json().status).toBe('declined');
    expect((await post(investor, `/api/ventures/introductions/${b.json().id}/contact`)).json().code).toBe('VENTURES_CONTACT_LOCKED');
    expect((await post(investor, `/api/ventures/introductions/${c.json().id}/transitions/withdraw`)).json().status).toBe('withdrawn');
    expect((await post(maker, `/api/ventures/introductions/${c.json().id}/transitions/consent`)).statusCode).toBe(409);
  });
});

describe('小巨人 cultivation list', () => {
  it('is kept by officials of the region and shows names and fields only in public', async () => {
    const [org] = await t.database.query<{ uscc: string }>(
      `select o.uscc from organisations o join users u on u.org_id = o.id where u.username = 'employer.ganzhou'`,
    );
    const [host] = await t.database.query<{ uscc: string }>(
      `select o.uscc from organisations o join users u on u.org_id = o.id where u.username = 'host.nanchang'`,
    );
    const body = { uscc: org?.uscc, field: 'industrial_internet', year: 2026 };
    expect((await post(nanchang, '/api/ventures/giants', body)).statusCode).toBe(404);
    expect((await post(nanchang, '/api/ventures/giants', { ...body, uscc: host?.uscc })).json().code).toBe('VENTURES_GIANT_NOT_ELIGIBLE');
    const added = await post(ganzhou, '/api/ventures/giants', body);
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ status: 'cultivating', allowedActions: ['list', 'remove'] });
    expect((await post(ganzhou, '/api/ventures/giants', body)).json().code).toBe('VENTURES_GIANT_EXISTS');
    const id = added.json().id as string;
    expect((await post(nanchang, `/api/ventures/giants/${id}/transitions/list`)).statusCode).toBe(404);
    expect((await post(ganzhou, `/api/ventures/giants/${id}/transitions/list`)).json().status).toBe('listed');
    expect((await post(ganzhou, `/api/ventures/giants/${id}/transitions/remove`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const pub = await t.app.inject({ method: 'GET', url: '/api/ventures/giants' });
    expect(pub.json().items).toEqual([{ name: '赣州云智信息技术有限公司', field: 'industrial_internet' }]);
    expect((await get(nanchang, '/api/ventures/manage/giants')).json().items).toEqual([]);
  });
});
