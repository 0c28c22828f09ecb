/** Shared by the jobs tests: a valid posting body and a create → submit → approve helper. */
import { expect } from 'vitest';
import type { Session } from '../../../../test/helpers.js';
import { chinaDate } from './jobs.views.js';

const DAY_MS = 86_400_000;

export function jobBody(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    title: '大数据分析师',
    description: '负责业务数据的采集、清洗与分析，搭建数据看板。',
    occupationCode: '2-02-30-09',
    regionCode: '360702',
    requiredSkills: [{ name: 'python', level: 'proficient' }, { name: 'SQL' }],
    preferredSkills: [{ name: '  Tableau  可视化 ' }],
    educationCode: '21',
    experienceYearsMin: 2,
    salaryMinFen: 800_000,
    salaryMaxFen: 1_200_000,
    headcount: 2,
    workMode: 'on_site',
    validFrom: chinaDate(now),
    validUntil: chinaDate(new Date(now.getTime() + 30 * DAY_MS)),
    ...overrides,
  };
}

/** Creates, submits and approves a posting; returns its id. */
export async function publishJob(employer: Session, official: Session, body: Record<string, unknown>): Promise<string> {
  const created = await employer.request({ method: 'POST', url: '/api/jobs', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const submitted = await employer.request({ method: 'POST', url: `/api/jobs/${id}/transitions/submit`, payload: { confirmNotDuplicate: true } });
  expect(submitted.statusCode, submitted.body).toBe(200);
  const approved = await official.request({ method: 'POST', url: `/api/jobs/${id}/transitions/approve`, payload: { reason: '测试发布' } });
  expect(approved.statusCode, approved.body).toBe(200);
  return id;
}
