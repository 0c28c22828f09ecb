/**
 * 档案材料 list for custodian staff (PGlite and PostgreSQL): a custodian sees the materials of the archives it
 * holds now, filtered by archive number / full name, class and upload date, paged, names masked; another
 * custodian sees nothing and cannot open them (404); listing and every opened material are audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { orgIdOf } from '../competitions/competitions.test-support.js';
import { newTalents } from '../events/events.test-support.js';

const DAY_MS = 86_400_000;
let t: TestApp;
let agency: Session;
let ganzhou: Session;
let agencyCustodian: string;
let centre: string;

beforeAll(async () => {
  t = await createTestApp();
  agency = await t.signIn('agency.nanchang');
  ganzhou = await t.signIn('official.ganzhou');
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

const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const audits = async (action: string) =>
  t.database.query<{ object_id: string; detail: Record<string, unknown> }>('select object_id, detail from audit_log where action = $1 order by seq', [action]);

async function upload(archiveId: string, title: string, category?: string) {
  const query = new URLSearchParams({ title, fileName: `${title}.pdf`, ...(category ? { category } : {}) });
  const res = await agency.request({
    method: 'POST',
    url: `/api/archives/${archiveId}/materials?${query}`,
    payload: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
    headers: { 'content-type': 'application/pdf' },
  });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; category: string };
}

describe('archive materials list', () => {
  it('lists, filters and pages the held materials; others see nothing; views are audited', async () => {
    const [p1, p2] = await newTalents(t, 2, 27);
    if (!p1 || !p2) throw new Error('talents');
    const rec = async (i: number, no: string) => {
      const res = await post(agency, '/api/archives', { username: `ev.27.${i}`, custodianId: agencyCustodian, archiveNo: no, since: '2023-07-01' });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const a1 = await rec(0, 'NC-DA-2023-0101');
    const a2 = await rec(1, 'NC-DA-2023-0102');
    const diploma = await upload(a1, '学历证明', 'education');
    const resume = await upload(a1, '干部履历表', 'resume');
    // the first two were digitised three days earlier (moving the clock would end the sessions)
    await t.database.query(`update archive_materials set created_at = created_at - interval '3 days' where id in ($1, $2)`, [diploma.id, resume.id]);
    const day1 = new Date(t.clock.now().getTime() - 3 * DAY_MS);
    const contract = await upload(a2, '劳动合同', 'employment');
    expect(diploma.category).toBe('education');
    expect((await upload(a2, '其他材料')).category).toBe('other');
    const bad = await agency.request({
      method: 'POST',
      url: `/api/archives/${a2}/materials?title=x&category=unknown`,
      payload: Buffer.from('%PDF-1.4\n%%EOF\n', 'latin1'),
      headers: { 'content-type': 'application/pdf' },
    });
    expect(bad.statusCode).toBe(400);

    const all = (await get(agency, '/api/archives/materials?pageSize=100')).json();
    expect(all.total).toBe(4);
    expect(all.items[0]).toMatchObject({ archiveNo: 'NC-DA-2023-0102', custodianName: '江西赣才人力资源服务有限公司档案室', mime: 'application/pdf' });
    expect(all.items.map((m: { personName: string }) => m.personName).every((n: string) => /^报\*+$/.test(n))).toBe(true);
    expect(JSON.stringify(all)).not.toContain('报名者27');

    const ids = async (query: string) => (await get(agency, `/api/archives/materials?${query}`)).json().items.map((m: { id: string }) => m.id);
    expect(await ids('category=education')).toEqual([diploma.id]);
    expect((await ids('q=0101')).sort()).toEqual([resume.id, diploma.id].sort());
    expect(await ids(`q=${encodeURIComponent('报名者271')}`)).toHaveLength(2);
    expect(await ids(`q=${encodeURIComponent('报名者')}`)).toEqual([]); // a name matches whole, never a fragment
    const d = (x: Date) => new Date(x.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect((await ids(`from=${d(day1)}&to=${d(day1)}`)).sort()).toEqual([resume.id, diploma.id].sort());
    expect(await ids(`from=${d(t.clock.now())}&category=employment`)).toEqual([contract.id]);
    expect((await get(agency, `/api/archives/materials?from=${d(t.clock.now())}&to=${d(day1)}`)).statusCode).toBe(400);
    const page2 = (await get(agency, '/api/archives/materials?pageSize=3&page=2')).json();
    expect(page2).toMatchObject({ total: 4, page: 2, pageSize: 3 });
    expect(page2.items).toHaveLength(1);

    // another custodian (赣州 centre), an official without a centre and a talent: nothing, and no file
    expect((await get(ganzhou, '/api/archives/materials')).json()).toMatchObject({ items: [], total: 0 });
    expect((await get(await t.signIn('official.nanchang'), '/api/archives/materials')).json().total).toBe(0);
    expect((await get(p1, '/api/archives/materials')).statusCode).toBe(403);
    expect((await get(ganzhou, `/api/archives/materials/${diploma.id}`)).statusCode).toBe(404);

    // listing is audited per page with the archives shown; opening a material is audited like every read
    const lists = await audits('archive.material_list');
    expect(lists.filter((l) => l.object_id === agencyCustodian).length).toBeGreaterThanOrEqual(8);
    expect(lists.filter((l) => l.object_id === centre).map((l) => l.detail.total)).toEqual([0]);
    expect(lists[0]?.detail).toMatchObject({ as: 'custodian', total: 4, archives: expect.arrayContaining([a1, a2]) });
    const before = (await audits('archive.material_read')).length;
    const file = await get(agency, `/api/archives/materials/${diploma.id}`);
    expect(file.statusCode).toBe(200);
    const reads = await audits('archive.material_read');
    expect(reads).toHaveLength(before + 1);
    expect(reads.at(-1)).toMatchObject({ object_id: a1, detail: { materialId: diploma.id, as: 'custodian' } });

    // after a transfer is received, the materials follow the archive to the new custodian
    const req = await post(p1, '/api/archives/mine/transfers', { toCustodianId: centre });
    const tid = req.json().id;
    await post(agency, `/api/archives/transfers/${tid}/transitions/approve`);
    await post(agency, `/api/archives/transfers/${tid}/transitions/dispatch`, { trackingNumber: 'JY2026120100009' });
    expect((await post(ganzhou, `/api/archives/transfers/${tid}/transitions/receive`)).statusCode).toBe(200);
    expect(await ids('pageSize=100')).toEqual(expect.not.arrayContaining([diploma.id, resume.id]));
    const centreList = (await get(ganzhou, '/api/archives/materials')).json();
    expect(centreList.items.map((m: { id: string }) => m.id).sort()).toEqual([diploma.id, resume.id].sort());
    expect((await audits('archive.material_list')).at(-1)?.object_id).toBe(centre);
  });
});
