/** Fixtures shared by the recognition tests and the cross-region matrix (test/region-matrix.test.ts). */
import { expect } from 'vitest';
import { type Session, sessionFrom, type TestApp } from '../../../../test/helpers.js';
import { seedRecognitionCategories } from './recognition.seed.js';

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n', 'latin1');
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);

export async function upload(s: Session, body: Buffer, contentType = 'application/pdf', fileName = '材料.pdf') {
  return s.request({
    method: 'POST',
    url: `/api/recognition/materials?fileName=${encodeURIComponent(fileName)}`,
    payload: body,
    headers: { 'content-type': contentType },
  });
}

/** A staff account created by the administrator, signed in (reviewers need no second factor). */
export async function newReviewer(t: TestApp, admin: Session, username: string, displayName: string): Promise<Session> {
  const created = await admin.request({
    method: 'POST',
    url: '/api/admin/users',
    payload: { username, password: 'Reviewer#2026x', role: 'reviewer', displayName, regionCode: '360000' },
  });
  expect(created.statusCode, created.body).toBe(201);
  return reviewerLogin(t, username);
}

/** Signs a reviewer made by newReviewer in again (after the test clock moved past the idle timeout). */
export async function reviewerLogin(t: TestApp, username: string): Promise<Session> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: 'Reviewer#2026x' } });
  expect(res.statusCode, res.body).toBe(200);
  return sessionFrom(t.app, res);
}

/**
 * 南昌 records of the recognition module for the matrix: an application of the 南昌 talent (recognised, so
 * it has entitlements) with its material and a review by a 南昌-only reviewer, a programme application and
 * a station of host.nanchang. Keys are the routes' regionResource names.
 */
export async function nanchangRecognitionRecords(t: TestApp, sessions: { official: Session; talent: Session; admin: Session; host: Session }) {
  await seedRecognitionCategories(t.ctx());
  const { official, talent, admin, host } = sessions;
  const material = await upload(talent, PDF);
  expect(material.statusCode, material.body).toBe(201);
  const applied = await talent.request({
    method: 'POST',
    url: '/api/recognition/applications',
    payload: { categoryCode: 'E', employerName: '南昌测试软件有限公司', field: '数据标注', achievements: '南昌测试申请。', materialIds: [material.json().id] },
  });
  expect(applied.statusCode, applied.body).toBe(201);
  const id = applied.json().id as string;
  const reviewer = await newReviewer(t, admin, 'nc.reviewer', '南昌专家');
  await official.request({
    method: 'PUT',
    url: '/api/recognition/reviewers',
    payload: { userId: reviewer.userId, affiliationName: '南昌测试大学', expertise: '数据' },
  });
  await official.request({ method: 'POST', url: `/api/recognition/applications/${id}/transitions/accept`, payload: {} });
  const assigned = await official.request({ method: 'POST', url: `/api/recognition/applications/${id}/reviewers`, payload: { reviewerId: reviewer.userId } });
  expect(assigned.statusCode, assigned.body).toBe(201);
  await official.request({ method: 'POST', url: `/api/recognition/applications/${id}/transitions/start_review`, payload: {} });
  const scored = await reviewer.request({
    method: 'POST',
    url: `/api/recognition/reviews/${assigned.json().id}/score`,
    payload: { score: 80, comment: '同意。' },
  });
  expect(scored.statusCode, scored.body).toBe(200);
  const decided = await official.request({ method: 'POST', url: `/api/recognition/applications/${id}/transitions/recognise`, payload: {} });
  expect(decided.statusCode, decided.body).toBe(200);
  const benefits = await talent.request({ method: 'GET', url: '/api/recognition/benefits/mine' });
  const programme = await talent.request({
    method: 'POST',
    url: '/api/recognition/programmes',
    payload: { programme: 'ganpo_junior', employerName: '南昌测试软件有限公司', projectTitle: '南昌测试项目', summary: '南昌测试项目简介。' },
  });
  expect(programme.statusCode, programme.body).toBe(201);
  const station = await host.request({
    method: 'POST',
    url: '/api/recognition/stations',
    payload: { kind: 'innovation_base', name: '南昌测试创新实践基地', field: '数据', digitalEconomy: true },
  });
  expect(station.statusCode, station.body).toBe(201);
  return {
    recognition: id,
    recognitionMaterial: material.json().id as string,
    recognitionReview: assigned.json().id as string,
    talentEntitlement: benefits.json().items[0].id as string,
    programme: programme.json().id as string,
    talentStation: station.json().id as string,
  };
}
