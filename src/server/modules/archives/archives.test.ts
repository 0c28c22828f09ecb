/**
 * Personnel archives over HTTP: custody moves exactly once on receipt, only the current custodian and the
 * person reach the archive and its materials, every view is in the audit trail, and custody certificates
 * verify publicly. The race of two receipts runs on PostgreSQL only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { newTalents } from '../events/events.test-support.js';
import { orgIdOf } from '../competitions/competitions.test-support.js';

const onPostgres = Boolean(process.env.DATABASE_URL);
let t: TestApp;
let ganzhou: Session;
let agency: Session;
let agencyCustodian: string;
let centre: string;
beforeAll(async () => {
  t = await createTestApp();
  ganzhou = await t.signIn('official.ganzhou');
  agency = await t.signIn('agency.nanchang');
  const nanchang = await t.signIn('official.nanchang');
  const a = await nanchang.request({
    method: 'POST',
    url: '/api/archives/custodians',
    payload: { kind: 'agency', name: '江西赣才人力资源服务有限公司档案室', regionCode: '360113', orgId: await orgIdOf(t, 'agency.nanchang') },
  });
  expect(a.statusCode, a.body).toBe(201);
  agencyCustodian = a.json().id;
  const c = await ganzhou.request({
    method: 'POST',
    url: '/api/archives/custodians',
    payload: { kind: 'public_centre', name: '赣州市人才服务中心', regionCode: '360700' },
  });
  expect(c.statusCode, c.body).toBe(201);
  centre = c.json().id;
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const audits = async (action: string, objectId: string) =>
  (await t.database.query<{ n: number }>('select count(*)::int as n from audit_log where action = $1 and object_id = $2', [action, objectId]))[0]?.n ?? 0;

/** A new talent whose archive the agency holds; returns the talent session and the archive id. */
async function archived(tag: number): Promise<{ person: Session; archiveId: string }> {
  const [person] = await newTalents(t, 1, tag);
  if (!person) throw new Error('talent');
  const rec = await post(agency, '/api/archives', { username: `ev.${tag}.0`, custodianId: agencyCustodian, archiveNo: `GC-2026-${tag}`, since: '2024-07-01' });
  expect(rec.statusCode, rec.body).toBe(201);
  return { person, archiveId: rec.json().id };
}

async function dispatched(person: Session): Promise<string> {
  const req = await post(person, '/api/archives/mine/transfers', { toCustodianId: centre, reason: '回赣州工作' });
  expect(req.statusCode, req.body).toBe(201);
  const id = req.json().id;
  expect((await post(agency, `/api/archives/transfers/${id}/transitions/approve`)).statusCode).toBe(200);
  expect((await post(agency, `/api/archives/transfers/${id}/transitions/dispatch`, { trackingNumber: 'JY2026112700017' })).json()).toMatchObject({
    status: 'dispatched',
  });
  return id;
}

describe('personnel archives', () => {
  it('moves custody exactly once, limits access to the custodian and the person, and audits every view', async () => {
    const { person, archiveId } = await archived(24);
    const mine = await person.request({ method: 'GET', url: '/api/archives/mine' });
    expect(mine.json().archive).toMatchObject({ id: archiveId, custodian: { id: agencyCustodian } });
    expect(await audits('archive.view', archiveId)).toBe(1);
    expect((await agency.request({ method: 'GET', url: `/api/archives/${archiveId}` })).statusCode).toBe(200);
    expect(await audits('archive.view', archiveId)).toBe(2);
    const up = await agency.request({
      method: 'POST',
      url: `/api/archives/${archiveId}/materials?title=${encodeURIComponent('学历证明')}&fileName=diploma.pdf`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(up.statusCode, up.body).toBe(201);
    const file = await person.request({ method: 'GET', url: `/api/archives/materials/${up.json().id}` });
    expect(file.statusCode).toBe(200);
    expect(file.body.startsWith('%PDF')).toBe(true);
    expect(await audits('archive.material_read', archiveId)).toBe(1);
    for (const outsider of [ganzhou, await t.signIn('employer.ganzhou'), await t.signIn('talent.ganzhou')]) {
      expect([403, 404]).toContain((await outsider.request({ method: 'GET', url: `/api/archives/${archiveId}` })).statusCode);
      expect([403, 404]).toContain((await outsider.request({ method: 'GET', url: `/api/archives/materials/${up.json().id}` })).statusCode);
    }

    const req = await post(person, '/api/archives/mine/transfers', { toCustodianId: centre });
    const id = req.json().id;
    expect((await post(person, '/api/archives/mine/transfers', { toCustodianId: centre })).json().code).toBe('ARCHIVES_TRANSFER_OPEN');
    expect((await post(ganzhou, `/api/archives/transfers/${id}/transitions/approve`)).statusCode).toBe(404);
    expect((await post(agency, `/api/archives/transfers/${id}/transitions/approve`)).statusCode).toBe(200);
    expect((await post(agency, `/api/archives/transfers/${id}/transitions/dispatch`, { trackingNumber: '' })).json().code).toBe('ARCHIVES_TRACKING_REQUIRED');
    expect((await post(agency, `/api/archives/transfers/${id}/transitions/receive`)).statusCode).toBe(404);
    await post(agency, `/api/archives/transfers/${id}/transitions/dispatch`, { trackingNumber: 'JY2026112700001' });
    const received = await post(ganzhou, `/api/archives/transfers/${id}/transitions/receive`);
    expect(received.json()).toMatchObject({ status: 'received', trackingNumber: 'JY2026112700001' });
    const again = await post(ganzhou, `/api/archives/transfers/${id}/transitions/receive`);
    expect(again.json().code).toBe('WORKFLOW_TRANSITION_NOT_ALLOWED');
    const [row] = await t.database.query<{ custodian_id: string; version: number }>('select custodian_id, version from person_archives where id = $1', [
      archiveId,
    ]);
    expect(row).toEqual({ custodian_id: centre, version: 2 });
    expect(await audits('archive.custody_moved', archiveId)).toBe(1);

    // the sending agency no longer reaches it; the receiving centre (赣州 officials) does, audited
    expect((await agency.request({ method: 'GET', url: `/api/archives/${archiveId}` })).statusCode).toBe(404);
    expect((await agency.request({ method: 'GET', url: `/api/archives/materials/${up.json().id}` })).statusCode).toBe(404);
    const desk = (await ganzhou.request({ method: 'GET', url: '/api/archives/desk' })).json();
    expect(desk.incoming.map((x: { id: string }) => x.id)).toContain(id);
    expect(await audits('archive.desk_view', centre)).toBe(1);
    expect((await ganzhou.request({ method: 'GET', url: `/api/archives/${archiveId}` })).statusCode).toBe(200);
    expect(await audits('archive.view', archiveId)).toBe(3);
  });

  it('issues a custody certificate whose code verifies publicly until custody changes', async () => {
    const { person } = await archived(25);
    const pdf = await person.request({ method: 'GET', url: '/api/archives/mine/custody-certificate.pdf' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const code = String(pdf.headers['x-verification-code']);
    expect(code).toMatch(/^DA-[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const ok = await t.app.inject({ url: `/api/archives/custody/verify/${code}` });
    expect(ok.json()).toMatchObject({ result: 'valid', certificate: { custodianName: '江西赣才人力资源服务有限公司档案室' } });
    expect(ok.json().certificate.holderName).toMatch(/^报\*+$/);
    expect((await t.app.inject({ url: '/api/archives/custody/verify/DA-AAAA-BBBB-CCCC' })).json().result).toBe('not_found');
    const id = await dispatched(person);
    await post(ganzhou, `/api/archives/transfers/${id}/transitions/receive`);
    expect((await t.app.inject({ url: `/api/archives/custody/verify/${code}` })).json().result).toBe('superseded');
  });
});

describe.skipIf(!onPostgres)('archive transfer race on PostgreSQL', () => {
  it('moves custody once when two receipts of the same transfer arrive together', async () => {
    const { person, archiveId } = await archived(26);
    const id = await dispatched(person);
    const province = await t.signIn('official.province');
    const results = await Promise.all([ganzhou, province, ganzhou, province].map((s) => post(s, `/api/archives/transfers/${id}/transitions/receive`)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    expect(await audits('archive.custody_moved', archiveId)).toBe(1);
    const [row] = await t.database.query<{ version: number }>('select version from person_archives where id = $1', [archiveId]);
    expect(row?.version).toBe(2);
  });
});
