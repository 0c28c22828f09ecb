/**
 * Skill evaluation and certificates over HTTP (PGlite and PostgreSQL): accredited bodies only, results and
 * the pass rule, issuance, public verification (valid, one-character change, unknown, tampered row,
 * revoked), region scope of revocation and of qualification verification, evidence checks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { certificateNumber, formatCertificateNumber } from '../../../shared/certificates.js';
import type { Actor } from '../../context.js';
import type { Db } from '../../db/client.js';
import { issueCertificate } from './certificates.issue.js';
import { createTestApp, type Session, type TestApp } from '../../../../test/helpers.js';
import { verifiedEvidence } from './certificates.evidence.js';
import { ACCREDITED, accreditForEvaluation, dayFrom, orgIdOf, TINY_PDF } from './certificates.test-support.js';

let t: TestApp;
let evaluator: Session;
let talent: Session;
let ganzhou: Session;
let nanchang: Session;

beforeAll(async () => {
  t = await createTestApp();
  await accreditForEvaluation(t, await orgIdOf(t, 'evaluator.nanchang'), [ACCREDITED]);
  evaluator = await t.signIn('evaluator.nanchang');
  talent = await t.signIn('talent.ganzhou');
  ganzhou = await t.signIn('official.ganzhou');
  nanchang = await t.signIn('official.nanchang');
});
afterAll(async () => t?.close());

const post = (s: Session, url: string, payload: Record<string, unknown> = {}) => s.request({ method: 'POST', url, payload });
const get = (s: Session, url: string) => s.request({ method: 'GET', url });
const verify = (number: string) => t.app.inject({ url: `/api/certificates/verify/${encodeURIComponent(number)}` });

/** Plan → session → the demo talent registers → close → scores → publish → issue; returns the certificate. */
async function issuedCertificate(scores: { theoryScore: number; practicalScore: number } = { theoryScore: 82, practicalScore: 75 }) {
  const plan = await post(evaluator, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED });
  expect(plan.statusCode, plan.body).toBe(201);
  const session = await post(evaluator, `/api/certificates/plans/${plan.json().id}/sessions`, {
    examOn: dayFrom(t.clock.now(), 7),
    venue: '南昌市青山湖区评价中心考场',
    capacity: 30,
  });
  expect(session.statusCode, session.body).toBe(201);
  const sid = session.json().id as string;
  const open = await get(talent, '/api/certificates/sessions/open');
  expect(open.json().find((s: { id: string }) => s.id === sid)).toMatchObject({ registered: false, occupationName: '大数据工程技术人员' });
  const reg = await post(talent, `/api/certificates/sessions/${sid}/registration`);
  expect(reg.statusCode, reg.body).toBe(200);
  expect((await post(talent, `/api/certificates/sessions/${sid}/registration`)).json().id).toBe(reg.json().id);
  const early = await evaluator.request({
    method: 'PUT',
    url: `/api/certificates/sessions/${sid}/results`,
    payload: { results: [{ candidateId: reg.json().id, ...scores }] },
  });
  expect(early.json().code).toBe('CERTIFICATES_RESULTS_NOT_EDITABLE');
  expect((await post(evaluator, `/api/certificates/sessions/${sid}/transitions/close`)).statusCode).toBe(200);
  expect((await post(evaluator, `/api/certificates/sessions/${sid}/transitions/publish_results`)).json()).toMatchObject({
    code: 'CERTIFICATES_RESULTS_INCOMPLETE',
    params: { pending: 1 },
  });
  const results = await evaluator.request({
    method: 'PUT',
    url: `/api/certificates/sessions/${sid}/results`,
    payload: { results: [{ candidateId: reg.json().id, ...scores }] },
  });
  expect(results.statusCode, results.body).toBe(200);
  const tooEarly = await post(evaluator, `/api/certificates/sessions/${sid}/issue`);
  expect(tooEarly.json().code).toBe('CERTIFICATES_RESULTS_NOT_PUBLISHED');
  expect((await post(evaluator, `/api/certificates/sessions/${sid}/transitions/publish_results`)).json().status).toBe('published');
  const issued = await evaluator.request({
    method: 'POST',
    url: `/api/certificates/sessions/${sid}/issue`,
    payload: {},
    headers: { 'idempotency-key': `issue-${sid}` },
  });
  expect(issued.statusCode, issued.body).toBe(200);
  return { sid, candidateId: reg.json().id as string, issued: issued.json().issued as { candidateId: string; number: string }[], result: results.json() };
}

describe('evaluation by accredited bodies', () => {
  it('refuses a plan or a certificate outside the accreditation, and other roles', async () => {
    const plan = await post(evaluator, '/api/certificates/plans', { name: '人工智能训练师（三级）评价', occupationCode: '4-04-05-05', levelCode: '3' });
    expect(plan.statusCode).toBe(409);
    expect(plan.json()).toMatchObject({ code: 'ACCREDITATION_REQUIRED', params: { occupationCode: '4-04-05-05', levelCode: '3' } });
    const level = await post(evaluator, '/api/certificates/plans', {
      name: '大数据工程技术人员（二级）评价',
      occupationCode: ACCREDITED.occupationCode,
      levelCode: '2',
    });
    expect(level.json().code).toBe('ACCREDITATION_REQUIRED');
    const provider = await t.signIn('provider.ganzhou');
    expect((await post(provider, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED })).statusCode).toBe(403);
    expect((await post(talent, '/api/certificates/plans', { name: '大数据工程技术人员（三级）评价', ...ACCREDITED })).statusCode).toBe(403);
    const unknown = await post(evaluator, '/api/certificates/plans', { name: '不存在的职业评价', occupationCode: '9-99-99-99', levelCode: '3' });
    expect(unknown.json().code).toBe('CATALOG_UNKNOWN_CODE');
  });

  it('applies the pass rule: a failed candidate gets no certificate', async () => {
    const { issued, result } = await issuedCertificate({ theoryScore: 90, practicalScore: 55.5 });
    expect(result.candidateList[0]).toMatchObject({ result: 'failed', theoryScore: 90, practicalScore: 55.5 });
    expect(issued).toEqual([]);
  });
});

describe('certificates and public verification', () => {
  let number = '';
  let certId = '';

  it('issues a signed certificate with a check-character number, once, and audits it', async () => {
    const { sid, issued } = await issuedCertificate();
    expect(issued).toHaveLength(1);
    number = issued[0]?.number ?? '';
    expect(number).toMatch(/^GC\d{4}[0-9A-Z]{9}$/);
    const again = await post(evaluator, `/api/certificates/sessions/${sid}/issue`);
    expect(again.json().issued).toEqual([]);
    const mine = (await get(talent, '/api/certificates/mine')).json();
    const cert = mine.find((c: { number: string }) => c.number === number);
    expect(cert).toMatchObject({
      status: 'valid',
      holderName: '刘晓琳',
      occupationName: '大数据工程技术人员',
      levelName: '三级/高级工',
      issuerName: '江西省数字技术工程师评价中心',
    });
    expect(cert.verifyUrl).toMatch(new RegExp(`/verify/${formatCertificateNumber(number)}$`));
    expect(cert.qrDataUrl).toMatch(/^data:image\/png;base64,/);
    certId = cert.id;
    const audit = await t.database.query<{ object_id: string }>(`select object_id from audit_log where action = 'certificate.issue'`);
    expect(audit.map((a) => a.object_id)).toContain(certId);
    const metric = await t.database.query<{ n: number }>(
      `select count(*)::int as n from metric_events where metric = 'certificate.issued' and subject_id = $1`,
      [certId],
    );
    expect(metric[0]?.n).toBe(1);
    const verified = (await get(talent, '/api/certificates/verified/me')).json();
    expect(verified.certificates.map((c: { number: string }) => c.number)).toContain(number);
    // matching sees it as verified evidence for the occupation
    const evidence = await verifiedEvidence(t.database.db, [talent.userId]);
    expect(evidence.get(talent.userId)).toContainEqual({ name: '职业技能等级证书 大数据工程技术人员 三级', occupationCode: ACCREDITED.occupationCode });
  });

  it('answers valid without an account, holder masked', async () => {
    const res = await verify(formatCertificateNumber(number));
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      result: 'valid',
      certificate: { holderMasked: '刘*琳', occupationCode: ACCREDITED.occupationCode, levelCode: '3', revokedOn: null },
    });
    expect(res.body).not.toContain('刘晓琳');
  });

  it('says a one-character change is invalid before lookup, and an unknown number is not found', async () => {
    const i = 8;
    const changed = number.slice(0, i) + (number[i] === 'A' ? 'B' : 'A') + number.slice(i + 1);
    expect((await verify(changed)).json()).toMatchObject({ result: 'check_failed', certificate: null });
    const unknown = certificateNumber(2026, number.slice(6, 13) === 'ZZZZZZZ' ? 'YYYYYYYY' : 'ZZZZZZZZ');
    expect((await verify(unknown)).json()).toMatchObject({ result: 'not_found', certificate: null });
  });

  it('says tampered when the stored row is altered, and valid again once restored', async () => {
    await t.database.query(`update certificates set level_code = '1' where id = $1`, [certId]);
    expect((await verify(number)).json()).toMatchObject({ result: 'tampered', certificate: null });
    await t.database.query(`update certificates set level_code = '3' where id = $1`, [certId]);
    await t.database.query(`update certificates set holder_name = '刘晓林' where id = $1`, [certId]);
    expect((await verify(number)).json().result).toBe('tampered');
    await t.database.query(`update certificates set holder_name = '刘晓琳' where id = $1`, [certId]);
    expect((await verify(number)).json().result).toBe('valid');
  });

  it('lets only the issuer or an official of the holder region revoke, with a reason; then says revoked', async () => {
    expect((await post(nanchang, `/api/certificates/${certId}/transitions/revoke`, { reason: '越区' })).statusCode).toBe(404);
    expect((await get(nanchang, `/api/certificates/${certId}`)).statusCode).toBe(404);
    expect((await get(nanchang, `/api/certificates?number=${number}`)).json().items).toEqual([]);
    expect((await get(ganzhou, `/api/certificates?number=${number}`)).json().items[0]).toMatchObject({ holderName: '刘*琳', status: 'valid' });
    expect((await post(talent, `/api/certificates/${certId}/transitions/revoke`, { reason: '自己撤销' })).statusCode).toBe(403);
    const noReason = await post(evaluator, `/api/certificates/${certId}/transitions/revoke`);
    expect(noReason.json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const revoked = await post(evaluator, `/api/certificates/${certId}/transitions/revoke`, { reason: '考试违纪，成绩无效' });
    expect(revoked.statusCode, revoked.body).toBe(200);
    expect(revoked.json()).toMatchObject({ status: 'revoked', revokedReason: '考试违纪，成绩无效', allowedActions: [] });
    const res = (await verify(number)).json();
    expect(res).toMatchObject({ result: 'revoked', certificate: { revokedReason: '考试违纪，成绩无效' } });
    expect(res.certificate.revokedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect((await get(talent, '/api/certificates/verified/me')).json().certificates.map((c: { number: string }) => c.number)).not.toContain(number);
    expect((await verifiedEvidence(t.database.db, [talent.userId])).get(talent.userId) ?? []).toEqual([]);
    const audit = await t.database.query<{ object_id: string }>(`select object_id from audit_log where action = 'certificate.revoke'`);
    expect(audit.map((a) => a.object_id)).toContain(certId);
  });

  it('says tampered when a revoked row is set back to valid (the workflow history disagrees)', async () => {
    await t.database.query(`update certificates set status = 'valid', revoked_at = null, revoked_reason = null where id = $1`, [certId]);
    expect((await verify(number)).json().result).toBe('tampered');
    await t.database.query(`update certificates set status = 'revoked' where id = $1`, [certId]);
  });

  it('renders a Chinese PDF for the holder, not for others', async () => {
    const pdf = await get(talent, `/api/certificates/${certId}/certificate.pdf`);
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const other = await t.signIn('employer.ganzhou');
    expect((await get(other, `/api/certificates/${certId}/certificate.pdf`)).statusCode).toBe(403);
  });
});

describe('professional qualifications', () => {
  const upload = (s: Session, body: Buffer, type: string) =>
    s.request({ method: 'POST', url: '/api/certificates/qualifications/evidence?fileName=软考证书.pdf', payload: body, headers: { 'content-type': type } });
  const declaration = (evidenceId: string) => ({
    kind: 'ruankao',
    title: '软件设计师',
    level: 'intermediate',
    certificateNo: '2023RKZJ360100123',
    issuedOn: '2023-12-20',
    authority: '人力资源社会保障部 工业和信息化部',
    evidenceId,
    occupationCode: '2-02-10-03',
  });

  it('checks the evidence type by content and size', async () => {
    const fake = await upload(talent, Buffer.from('not really a pdf'), 'application/pdf');
    expect(fake.statusCode).toBe(415);
    expect(fake.json().code).toBe('CERTIFICATES_EVIDENCE_INVALID');
    const mismatch = await upload(talent, TINY_PDF, 'image/png');
    expect(mismatch.statusCode).toBe(415);
    const text = await talent.request({
      method: 'POST',
      url: '/api/certificates/qualifications/evidence',
      payload: 'x',
      headers: { 'content-type': 'text/plain' },
    });
    expect(text.statusCode).toBe(415);
    const big = await upload(talent, Buffer.concat([TINY_PDF, Buffer.alloc(5 * 1024 * 1024)]), 'application/pdf');
    expect(big.statusCode).toBe(413);
  });

  it('is verified only by an official of the talent region; evidence readable by the owner and that official', async () => {
    const ev = await upload(talent, TINY_PDF, 'application/pdf');
    expect(ev.statusCode, ev.body).toBe(201);
    const declared = await post(talent, '/api/certificates/qualifications', declaration(ev.json().id));
    expect(declared.statusCode, declared.body).toBe(201);
    const id = declared.json().id as string;
    expect(declared.json()).toMatchObject({ status: 'submitted', allowedActions: ['withdraw'] });
    expect((await post(talent, '/api/certificates/qualifications', declaration(ev.json().id))).json().code).toBe('CERTIFICATES_EVIDENCE_USED');

    expect((await get(nanchang, '/api/certificates/qualifications/queue')).json().map((q: { id: string }) => q.id)).not.toContain(id);
    expect((await post(nanchang, `/api/certificates/qualifications/${id}/transitions/verify`)).statusCode).toBe(404);
    expect((await get(nanchang, `/api/certificates/qualifications/${id}/evidence`)).statusCode).toBe(404);
    const queue = (await get(ganzhou, '/api/certificates/qualifications/queue')).json();
    expect(queue.find((q: { id: string }) => q.id === id)).toMatchObject({ holderName: '刘**', allowedActions: ['verify', 'reject'] });
    const file = await get(ganzhou, `/api/certificates/qualifications/${id}/evidence`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.equals(TINY_PDF)).toBe(true);
    expect((await get(talent, `/api/certificates/qualifications/${id}/evidence`)).rawPayload.equals(TINY_PDF)).toBe(true);
    expect((await get(await t.signIn('employer.ganzhou'), `/api/certificates/qualifications/${id}/evidence`)).statusCode).toBe(403);

    expect((await post(talent, `/api/certificates/qualifications/${id}/transitions/verify`)).statusCode).toBe(403);
    const ok = await post(ganzhou, `/api/certificates/qualifications/${id}/transitions/verify`);
    expect(ok.statusCode, ok.body).toBe(200);
    expect(ok.json().status).toBe('verified');
    const verified = (await get(talent, '/api/certificates/verified/me')).json();
    expect(verified.qualifications.find((q: { id: string }) => q.id === id)).toMatchObject({
      title: '软件设计师',
      level: 'intermediate',
      occupationName: '计算机软件工程技术人员',
    });
    // matching counts it as verified evidence, read alike for one holder (prepared) and for many
    const one = (await verifiedEvidence(t.database.db, [talent.userId])).get(talent.userId);
    expect(one).toContainEqual(expect.objectContaining({ name: '专业技术资格 软件设计师（中级）' }));
    expect((await verifiedEvidence(t.database.db, [talent.userId, ganzhou.userId])).get(talent.userId)).toEqual(one);
    expect((await verifiedEvidence(t.database.db)).get(talent.userId)).toEqual(one);
    const reads = await t.database.query<{ object_id: string }>(`select object_id from audit_log where action = 'qualification.evidence_read'`);
    expect(reads.map((r) => r.object_id)).toContain(id);
  });

  it('requires a reason to reject', async () => {
    const ev = await upload(talent, TINY_PDF, 'application/pdf');
    const id = (await post(talent, '/api/certificates/qualifications', declaration(ev.json().id))).json().id;
    expect((await post(ganzhou, `/api/certificates/qualifications/${id}/transitions/reject`)).json().code).toBe('WORKFLOW_REASON_REQUIRED');
    const rejected = await post(ganzhou, `/api/certificates/qualifications/${id}/transitions/reject`, { reason: '证书编号与证明材料不一致' });
    expect(rejected.json().status).toBe('rejected');
  });
});

describe('issueCertificate for contests', () => {
  async function actor(username: string) {
    const [u] = await t.database.query<{ id: string; role: string; region_code: string; department: string | null; org_id: string | null }>(
      'select id, role, region_code, department, org_id from users where username = $1',
      [username],
    );
    if (!u) throw new Error(username);
    return {
      userId: u.id,
      username,
      role: u.role as Actor['role'],
      regionCode: u.region_code,
      department: u.department as Actor['department'],
      orgId: u.org_id,
      sessionId: 'test',
    };
  }
  const issue = async (username: string, ref: string) => {
    const ctx = t.ctx();
    const a = await actor(username);
    return ctx.db.transaction((tx) =>
      issueCertificate(
        { ...ctx, db: tx as unknown as Db, actor: a },
        {
          holderUserId: talent.userId,
          occupationCode: '4-04-05-05',
          levelCode: '4',
          issuerOrgId: null,
          source: 'contest',
          sourceRef: ref,
          issuedOn: '2026-11-20',
        },
      ),
    );
  };

  it('lets an official issue a contest certificate without accreditation, once per source reference', async () => {
    const cert = await issue('official.ganzhou', 'award:test-1');
    expect((await issue('official.ganzhou', 'award:test-1')).number).toBe(cert.number);
    expect((await verify(cert.number)).json()).toMatchObject({ result: 'valid', certificate: { issuerName: '赣州市人力资源和社会保障局', levelCode: '4' } });
    await expect(issue('evaluator.nanchang', 'award:test-2')).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });
});

describe('public verification limits', () => {
  it('rate-limits the anonymous verification API per address', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++) statuses.push((await verify('GC-2026-0000-0000-0')).statusCode);
    expect(statuses).toContain(429);
    expect(statuses.filter((s) => s === 200).length).toBeLessThanOrEqual(30);
  });
});
