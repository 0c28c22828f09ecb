/** Shared by the training tests (PGlite and PostgreSQL): a class body, the catalogue and accreditation seed, a published class. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';
import { seedProviders } from '../providers/index.js';
import { seedSkillCatalogues } from '../skillcatalog/index.js';

const HOUR_MS = 3_600_000;

/** The training-subsidy catalogue and provider.ganzhou's training accreditation (H1's demo seed). */
export async function seedTrainingPrerequisites(t: TestApp) {
  await seedSkillCatalogues(t.ctx());
  await seedProviders(t.ctx());
}

/** A 数字技术工程师 class (人工智能工程技术人员, 初级, 五级) in 章贡区: two sessions, the first in `startInHours`. */
export function classBody(now: Date, overrides: Record<string, unknown> = {}, startInHours = 48) {
  const start = now.getTime() + startInHours * HOUR_MS;
  return {
    name: '人工智能工程技术人员（初级）培训班',
    programmeType: 'digital_engineer',
    engineerGrade: 'junior',
    occupationCode: '2-02-38-01',
    levelCode: '5',
    skillIds: ['python', 'machine-learning'],
    sessions: [
      { startsAt: new Date(start).toISOString(), endsAt: new Date(start + 3 * HOUR_MS).toISOString(), topic: 'Python 编程基础' },
      { startsAt: new Date(start + 24 * HOUR_MS).toISOString(), endsAt: new Date(start + 27 * HOUR_MS).toISOString(), topic: '机器学习入门' },
    ],
    capacity: 30,
    mode: 'offline',
    venue: '赣州市章贡区长征大道8号 实训楼301',
    regionCode: '360702',
    feeFen: 300_000,
    hasExam: true,
    attendanceThreshold: 80,
    description: '数字技术工程师培育项目初级班，理论与实训结合，结业考核合格者发放结业证明。',
    ...overrides,
  };
}

/** Creates and publishes a class as `provider`; returns its id. */
export async function publishedClass(provider: Session, body: Record<string, unknown>): Promise<string> {
  const created = await provider.request({ method: 'POST', url: '/api/training/classes', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await provider.request({ method: 'POST', url: `/api/training/classes/${id}/transitions/publish`, payload: {} });
  expect(published.statusCode, published.body).toBe(200);
  return id;
}
