/** Shared by the competitions tests, the region matrix and the seed-free e2e: bodies and helpers through the API. */
import { expect } from 'vitest';
import type { Session, TestApp } from '../../../../test/helpers.js';

const DAY_MS = 86_400_000;

/** A 数据要素× contest (tracks by data scenario), trimmed mean from 3 judges, preliminary (top 1 advances) and final. */
export function dataContestBody(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'data_elements',
    title: '“数据要素×”大赛江西分赛',
    organiser: '江西省数据局',
    regionCode: '360000',
    description: '聚焦数据要素开发利用，挖掘让社会有感、企业有感、群众有感的数据开发利用好技术、好产品、好方案。',
    registrationDeadline: new Date(now.getTime() + 10 * DAY_MS).toISOString(),
    groups: [
      { code: 'industry', name: '工业制造' },
      { code: 'agriculture', name: '现代农业' },
      { code: 'health', name: '医疗健康' },
    ],
    categories: [],
    rounds: [{ kind: 'preliminary', advanceCount: 1 }, { kind: 'final' }],
    criteria: [
      { code: 'innovation', name: '创新性', weight: 30 },
      { code: 'value', name: '数据价值', weight: 40 },
      { code: 'feasibility', name: '可行性', weight: 30 },
    ],
    aggregation: { method: 'trimmed', trimMinJudges: 3 },
    awards: [
      { name: '一等奖', count: 1 },
      { name: '二等奖', count: 2 },
    ],
    rules: { entrant: 'either', minMembers: 1, maxMembers: 5, requireOrganisation: false, membersInRegion: false },
    ...overrides,
  };
}

/** A provincial 职业技能大赛 (人工智能训练师, 三级) whose winner is granted the level. */
export function skillsContestBody(now: Date, overrides: Record<string, unknown> = {}) {
  return {
    kind: 'skills',
    title: '江西省数字技能大赛（人工智能训练师）',
    organiser: '江西省人力资源和社会保障厅',
    regionCode: '360000',
    description: '纳入省级竞赛管理的数字职业技能竞赛，获奖选手按规定晋升职业技能等级。',
    registrationDeadline: new Date(now.getTime() + 10 * DAY_MS).toISOString(),
    groups: [{ code: 'staff', name: '职工组' }],
    categories: [],
    rounds: [{ kind: 'final' }],
    criteria: [
      { code: 'theory', name: '理论知识', weight: 30 },
      { code: 'practice', name: '实际操作', weight: 70 },
    ],
    aggregation: { method: 'mean', trimMinJudges: 5 },
    awards: [{ name: '一等奖', count: 1, grantsLevel: true }],
    rules: { entrant: 'individual', minMembers: 1, maxMembers: 1, requireOrganisation: false, membersInRegion: false },
    occupationCode: '4-04-05-05',
    levelCode: '3',
    provincialManaged: true,
    ...overrides,
  };
}

export async function createPublished(official: Session, body: Record<string, unknown>): Promise<{ id: string; rounds: { id: string; seq: number }[] }> {
  const created = await official.request({ method: 'POST', url: '/api/competitions', payload: body });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const published = await official.request({ method: 'POST', url: `/api/competitions/${id}/transitions/publish`, payload: {} });
  expect(published.statusCode, published.body).toBe(200);
  return { id, rounds: created.json().rounds };
}

export async function transition(official: Session, url: string) {
  const res = await official.request({ method: 'POST', url, payload: {} });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

/** Reviewer accounts created by the administrator; returns their sessions. */
export async function newJudges(t: TestApp, names: string[]): Promise<Session[]> {
  const admin = await t.signIn('admin');
  const out: Session[] = [];
  for (const username of names) {
    const res = await admin.request({
      method: 'POST',
      url: '/api/admin/users',
      payload: { username, password: 'Judge#2026x', role: 'reviewer', displayName: `评委${username}`, regionCode: '360000' },
    });
    expect(res.statusCode, res.body).toBe(201);
    out.push(await t.signIn(username, { password: 'Judge#2026x' }));
  }
  return out;
}

export async function orgIdOf(t: TestApp, username: string): Promise<string> {
  const [row] = await t.database.query<{ org_id: string }>('select org_id from users where username = $1', [username]);
  if (!row?.org_id) throw new Error(`no organisation for ${username}`);
  return row.org_id;
}

/**
 * Fixtures for the cross-region matrix (test/region-matrix.test.ts): a 南昌 draft competition (through the
 * API), and an entry of `personId` with a material and an award (rows inserted directly: a draft takes no
 * registrations). Returns ids keyed by the routes' regionResource names.
 */
export async function nanchangCompetitionRecords(t: TestApp, official: Session, personId: string) {
  const created = await official.request({
    method: 'POST',
    url: '/api/competitions',
    payload: dataContestBody(t.clock.now(), { regionCode: '360102', title: '南昌市数据应用创新大赛' }),
  });
  expect(created.statusCode, created.body).toBe(201);
  const competition = created.json().id as string;
  const [entry] = await t.database.query<{ id: string }>(
    `insert into competition_entries (competition_id, code, region_code, name, group_code, leader_user_id, member_ids, declared, status, created_at, updated_at)
     values ($1, 'SJ-901', '360102', '南昌测试团队', 'industry', $2, $3::jsonb, '{"companyFoundedOn":null,"annualRevenueFen":null}'::jsonb, 'registered', now(), now()) returning id`,
    [competition, personId, JSON.stringify([personId])],
  );
  const [material] = await t.database.query<{ id: string }>(
    `insert into competition_materials (entry_id, file_name, mime, size_bytes, sha256, stored_name, created_at) values ($1, 'plan.pdf', 'application/pdf', 10, 'x', 'none.sealed', now()) returning id`,
    [entry?.id],
  );
  const [award] = await t.database.query<{ id: string }>(
    `insert into competition_awards (competition_id, entry_id, region_code, award_name, rank, grants_level) values ($1, $2, '360102', '一等奖', 1, false) returning id`,
    [competition, entry?.id],
  );
  return {
    competition,
    competitionRound: created.json().rounds[0].id as string,
    competitionEntry: entry?.id ?? '',
    competitionMaterial: material?.id ?? '',
    competitionAward: award?.id ?? '',
  };
}
