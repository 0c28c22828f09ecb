/** 人岗匹配 over HTTP: recommendations both ways, reasons true of the data, refresh, consent, roles, gaps. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { idNumberCheckChar } from '../../../shared/identifiers.js';
import { createTestApp, type Session, sessionFrom, type TestApp } from '../../../../test/helpers.js';
import { jobBody, publishJob } from '../jobs/jobs.test-support.js';
import { profileBody } from '../profiles/profiles.test-support.js';
import { classBody, publishedClass, seedTrainingPrerequisites } from '../training/training.test-support.js';
import { MatchingEngine } from './matching.engine.js';
import { matchingEngine } from './index.js';

let t: TestApp;
let talent: Session;
let employer: Session;
let official: Session;
const jobs: Record<string, string> = {};

async function registerTalent(username: string, n: number): Promise<Session> {
  const first17 = `3607021990010${String(100 + n).slice(-3)}1`;
  const res = await t.app.inject({
    method: 'POST',
    url: '/api/auth/register/talent',
    payload: {
      username,
      password: 'Ganzhou#2026x',
      displayName: `测试人才${n}`,
      regionCode: '360702',
      idNumber: first17 + idNumberCheckChar(first17),
      phone: `1360797${String(1000 + n)}`,
      consents: ['privacy_policy', 'sensitive_pi'],
    },
  });
  expect(res.statusCode, res.body).toBe(201);
  return sessionFrom(t.app, res);
}

const refresh = () => matchingEngine(t.app.platform).refresh();
const putProfile = async (s: Session, overrides: Record<string, unknown>) => {
  const res = await s.request({ method: 'PUT', url: '/api/profiles/me', payload: profileBody(overrides) });
  expect(res.statusCode, res.body).toBe(200);
};
const get = async (s: Session | null, url: string) => (s ? s.request({ method: 'GET', url }) : t.app.inject({ method: 'GET', url }));

beforeAll(async () => {
  t = await createTestApp();
  talent = await t.signIn('talent.ganzhou');
  employer = await t.signIn('employer.ganzhou');
  official = await t.signIn('official.ganzhou');
  const now = t.clock.now();
  jobs.analyst = await publishJob(employer, official, jobBody(now));
  jobs.java = await publishJob(
    employer,
    official,
    jobBody(now, {
      title: 'Java开发工程师',
      description: '负责后端服务的设计、开发与维护。',
      occupationCode: '2-02-10-03',
      regionCode: '360703',
      requiredSkills: [{ name: 'Java', level: 'proficient' }, { name: 'Spring' }],
      preferredSkills: [{ name: 'SQL' }],
      educationCode: '31',
      experienceYearsMin: 0,
    }),
  );
  jobs.research = await publishJob(
    employer,
    official,
    jobBody(now, {
      title: '数据挖掘研究员',
      description: '负责数据挖掘算法的研究与落地。',
      educationCode: '14',
      requiredSkills: [{ name: 'python', level: 'expert' }],
    }),
  );
  await putProfile(talent, {
    skills: [
      { name: 'python', level: 'familiar' },
      { name: '需求分析', level: 'familiar' },
    ],
  });
  await refresh();
});
afterAll(async () => t?.close());

interface Item {
  job: { id: string };
  score: number;
  reasons: {
    matchedSkills: { key: string; name: string; requiredLevel: string | null; declaredLevel: string | null }[];
    missingSkills: { key: string; name: string }[];
    levelGaps: { key: string; requiredLevel: string; declaredLevel: string | null }[];
    location: string;
    salary: string;
    education: string;
  };
}

const keyOf = (s: { skillId: string | null; name: string }) => s.skillId ?? `free:${s.name.toLowerCase()}`;

describe('jobs for a talent', () => {
  it('ranks live jobs with a 0–100 score and reasons that are true of both records', async () => {
    const res = await get(talent, '/api/matching/jobs-for-me');
    expect(res.statusCode, res.body).toBe(200);
    const { items, hasProfile } = res.json() as { items: Item[]; hasProfile: boolean };
    expect(hasProfile).toBe(true);
    expect(items[0]?.job.id).toBe(jobs.analyst);
    const profile = (await get(talent, '/api/profiles/me')).json().profile;
    const held = new Map<string, { level: string | null }>(
      profile.skills.map((s: { skillId: string | null; name: string; level: string | null }) => [keyOf(s), s]),
    );
    for (const item of items) {
      expect(item.score).toBeGreaterThanOrEqual(0);
      expect(item.score).toBeLessThanOrEqual(100);
      const job = (await get(null, `/api/jobs/${item.job.id}`)).json();
      const jobSkills = new Map<string, { level: string | null }>(
        [...job.requiredSkills, ...job.preferredSkills].map((s: { skillId: string | null; name: string; level: string | null }) => [keyOf(s), s]),
      );
      for (const m of item.reasons.matchedSkills) {
        expect(held.has(m.key) && jobSkills.has(m.key), m.name).toBe(true);
        expect(m.declaredLevel).toBe(held.get(m.key)?.level ?? null);
      }
      for (const m of item.reasons.missingSkills) expect(jobSkills.has(m.key) && !held.has(m.key), m.name).toBe(true);
      for (const g of item.reasons.levelGaps) {
        expect(jobSkills.get(g.key)?.level).toBe(g.requiredLevel);
        expect(held.get(g.key)?.level ?? null).toBe(g.declaredLevel);
      }
      expect(item.reasons.location).toBe(job.regionCode === profile.regionCode ? 'same_county' : 'desired_city');
    }
    const analyst = items.find((i) => i.job.id === jobs.analyst);
    expect(analyst?.reasons.matchedSkills.map((m) => m.name)).toEqual(['Python']);
    expect(analyst?.reasons.levelGaps).toEqual([{ key: 'python', name: 'Python', requiredLevel: 'proficient', declaredLevel: 'familiar' }]);
    expect(analyst?.reasons.missingSkills.map((m) => m.name)).toContain('SQL');
  });

  it('leaves out a job whose education requirement the talent does not meet (hard filter)', async () => {
    const ids = ((await get(talent, '/api/matching/jobs-for-me')).json().items as Item[]).map((i) => i.job.id);
    expect(ids).not.toContain(jobs.research);
    await putProfile(talent, {
      education: [{ educationCode: '14', school: '南昌大学', major: '统计学', graduationYear: 2022 }],
      skills: [{ name: 'python', level: 'familiar' }],
    });
    const after = ((await get(talent, '/api/matching/jobs-for-me')).json().items as Item[]).map((i) => i.job.id);
    expect(after).toContain(jobs.research);
  });

  it('changes the ranking and the gaps when a skill is added', async () => {
    await putProfile(talent, { skills: [{ name: 'python', level: 'familiar' }] });
    const before = (await get(talent, '/api/matching/jobs-for-me')).json().items as Item[];
    const gapsBefore = (await get(talent, `/api/matching/gaps?jobId=${jobs.java}`)).json();
    expect(gapsBefore.missing.map((m: { name: string }) => m.name)).toEqual(expect.arrayContaining(['Java', 'Spring']));
    expect(gapsBefore.missing[0].importance).toBe('required');
    await putProfile(talent, {
      skills: [{ name: 'python', level: 'familiar' }, { name: 'Java', level: 'expert' }, { name: 'Spring', level: 'proficient' }, { name: 'SQL' }],
    });
    await refresh();
    const after = (await get(talent, '/api/matching/jobs-for-me')).json().items as Item[];
    const rank = (list: Item[]) => list.findIndex((i) => i.job.id === jobs.java);
    const score = (list: Item[]) => list.find((i) => i.job.id === jobs.java)?.score ?? -1;
    expect(score(after)).toBeGreaterThan(score(before));
    expect(rank(after)).toBe(0);
    const gapsAfter = (await get(talent, `/api/matching/gaps?jobId=${jobs.java}`)).json();
    expect(gapsAfter.missing).toEqual([]);
    expect(gapsAfter.matched).toEqual(expect.arrayContaining(['Java', 'Spring', 'SQL']));
  });

  it('recommends a newly published job after a refresh', async () => {
    const id = await publishJob(
      employer,
      official,
      jobBody(t.clock.now(), {
        title: 'Spring后端工程师',
        occupationCode: '2-02-10-03',
        requiredSkills: [{ name: 'Spring' }, { name: 'Java' }],
        educationCode: null,
      }),
    );
    expect(((await get(talent, '/api/matching/jobs-for-me')).json().items as Item[]).map((i) => i.job.id)).not.toContain(id);
    await refresh();
    expect(((await get(talent, '/api/matching/jobs-for-me')).json().items as Item[]).map((i) => i.job.id)).toContain(id);
  });

  it('explains a gap for an occupation with the occupations that use the skill and the open classes that teach it', async () => {
    await putProfile(talent, { skills: [] });
    const res = await get(talent, '/api/matching/gaps?occupationCode=2-02-30-09');
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.target).toMatchObject({ kind: 'occupation', code: '2-02-30-09' });
    expect(body.postings).toBeGreaterThan(0);
    type Gap = { key: string; learning: { occupations: { code: string }[]; courses: { id: string; providerName: string; subsidyFen: number | null }[] } };
    const python = (body.missing as Gap[]).find((m) => m.key === 'python');
    expect(python?.learning.occupations[0]).toMatchObject({ code: '2-02-30-09' });
    expect(python?.learning.courses).toEqual([]);

    // a subsidised class in 章贡区 that teaches python is offered for that gap (and not for skills it does not teach)
    await seedTrainingPrerequisites(t);
    const provider = await t.signIn('provider.ganzhou');
    const classId = await publishedClass(provider, classBody(t.clock.now(), { name: 'Python 数据分析实训班', skillIds: ['python'] }));
    const again = (await get(talent, '/api/matching/gaps?occupationCode=2-02-30-09')).json().missing as Gap[];
    const courses = again.find((m) => m.key === 'python')?.learning.courses ?? [];
    expect(courses.map((c) => c.id)).toEqual([classId]);
    expect(courses[0]?.providerName).toBe('赣州市数字技能职业培训学校');
    expect(courses[0]?.subsidyFen).toBeGreaterThan(0);
    for (const other of again.filter((m) => m.key !== 'python')) expect(other.learning.courses.map((c) => c.id)).not.toContain(classId);
  });

  it('rejects bad input and other roles', async () => {
    expect((await get(talent, '/api/matching/gaps')).statusCode).toBe(400);
    expect((await get(talent, `/api/matching/gaps?jobId=${jobs.java}&occupationCode=2-02-30-09`)).statusCode).toBe(400);
    expect((await get(talent, '/api/matching/gaps?occupationCode=2-02-30-99')).json().code).toBe('CATALOG_UNKNOWN_CODE');
    expect((await get(talent, '/api/matching/jobs-for-me?limit=500')).statusCode).toBe(400);
    expect((await get(null, '/api/matching/jobs-for-me')).statusCode).toBe(401);
    expect((await get(employer, '/api/matching/jobs-for-me')).statusCode).toBe(403);
  });
});

describe('talents for a job', () => {
  let open: Session;
  let hidden: Session;

  beforeAll(async () => {
    open = await registerTalent('match.open', 1);
    hidden = await registerTalent('match.hidden', 2);
    const perfect = { skills: [{ name: 'python', level: 'expert' }, { name: 'SQL' }, { name: 'Tableau 可视化' }] };
    await putProfile(open, { ...perfect, visibility: 'employers' });
    await putProfile(hidden, { ...perfect, visibility: 'private' });
    await refresh();
  });

  it('lists only talents who opened their profile, names masked, with reasons', async () => {
    const res = await get(employer, `/api/matching/jobs/${jobs.analyst}/talents`);
    expect(res.statusCode, res.body).toBe(200);
    const items = res.json().items as { talent: { id: string; displayName: string }; score: number; reasons: Item['reasons'] }[];
    const ids = items.map((i) => i.talent.id);
    expect(ids).toContain(open.userId);
    expect(ids).not.toContain(hidden.userId);
    const first = items.find((i) => i.talent.id === open.userId);
    expect(first?.talent.displayName).toBe('测****');
    expect(first?.reasons.matchedSkills.map((m) => m.key)).toEqual(expect.arrayContaining(['python']));
    expect(res.body).not.toContain('1360797');
  });

  it('drops a profile made private at once, before the index is refreshed', async () => {
    await putProfile(open, { visibility: 'private' });
    const ids = (await get(employer, `/api/matching/jobs/${jobs.analyst}/talents`)).json().items.map((i: { talent: { id: string } }) => i.talent.id);
    expect(ids).not.toContain(open.userId);
    await refresh();
    const again = (await get(employer, `/api/matching/jobs/${jobs.analyst}/talents`)).json().items.map((i: { talent: { id: string } }) => i.talent.id);
    expect(again).not.toContain(open.userId);
  });

  it('is only for the posting’s own employer', async () => {
    expect((await get(talent, `/api/matching/jobs/${jobs.analyst}/talents`)).statusCode).toBe(403);
    expect((await get(await t.signIn('employer.pending'), `/api/matching/jobs/${jobs.analyst}/talents`)).statusCode).toBe(404);
    expect((await get(null, `/api/matching/jobs/${jobs.analyst}/talents`)).statusCode).toBe(401);
    expect((await get(employer, '/api/matching/jobs/00000000-0000-4000-8000-000000000000/talents')).statusCode).toBe(404);
  });
});

describe('similar jobs', () => {
  it('are public, live and never the job itself', async () => {
    const res = await get(null, `/api/matching/jobs/${jobs.analyst}/similar`);
    expect(res.statusCode, res.body).toBe(200);
    const ids = res.json().items.map((i: Item) => i.job.id);
    expect(ids).not.toContain(jobs.analyst);
    expect(ids[0]).toBe(jobs.research);
  });

  it('are not shown for a posting that is not live', async () => {
    const created = await employer.request({ method: 'POST', url: '/api/jobs', payload: jobBody(t.clock.now()) });
    expect((await get(null, `/api/matching/jobs/${created.json().id}/similar`)).statusCode).toBe(404);
  });
});

describe('the index build', () => {
  it('reads the rows in pages and builds the same index as in one page', async () => {
    for (const n of [11, 12, 13]) await putProfile(await registerTalent(`paged.talent${n}`, n), { visibility: 'employers' });
    const whole = new MatchingEngine(t.app.platform.database.db, () => t.clock.now().getTime(), null, 15_000, 30 * 60_000, 1_000_000);
    const pages = new MatchingEngine(t.app.platform.database.db, () => t.clock.now().getTime(), null, 15_000, 30 * 60_000, 2);
    const [a, b] = [await whole.snapshot(), await pages.snapshot()];
    const ids = (docs: readonly ({ id: string } | null | undefined)[]) => docs.flatMap((d) => (d ? [d.id] : [])).sort();
    expect(a.jobs.size).toBeGreaterThan(2);
    expect(a.talents.size).toBeGreaterThan(2);
    expect(ids(b.jobs.docs)).toEqual(ids(a.jobs.docs));
    expect(ids(b.talents.docs)).toEqual(ids(a.talents.docs));
    // a refresh with nothing new indexes nothing again (its window overlaps the last one)
    const slots = [a.jobs.docs.length, a.talents.docs.length];
    await whole.refresh();
    await whole.refresh();
    expect([a.jobs.docs.length, a.talents.docs.length]).toEqual(slots);
    const [job] = a.jobs.docs.filter((d) => d !== null && d !== undefined);
    if (!job) throw new Error('no job');
    const top = async (e: MatchingEngine) => (await e.talentsForJob(job, 10)).map((r) => [r.doc.id, r.result.score]);
    expect(await top(pages)).toEqual(await top(whole));
  });
});

describe('the index rebuild', () => {
  it('keeps answering from the old index until the new one is built', async () => {
    // rebuildEveryMs 0: every refresh rebuilds
    const engine = new MatchingEngine(t.app.platform.database.db, () => t.clock.now().getTime(), null, 15_000, 0);
    const before = await engine.snapshot();
    let done = false;
    let gaps = 0;
    const rebuilding = engine.refresh().then(() => {
      done = true;
    });
    while (!done) {
      if (engine.stats() === null) gaps++;
      await new Promise((resolve) => setImmediate(resolve));
    }
    await rebuilding;
    expect(gaps).toBe(0);
    const after = await engine.snapshot();
    expect(after.jobs).not.toBe(before.jobs);
    expect(after.jobs.size).toBe(before.jobs.size);
    expect(after.talents.size).toBe(before.talents.size);
  });
});

describe('the ranking cache', () => {
  const hits = () => matchingEngine(t.app.platform).stats()?.rankings.jobs.hits ?? 0;
  const ids = async () => ((await get(talent, '/api/matching/jobs-for-me')).json().items as Item[]).map((i) => i.job.id);

  it('answers a repeated request from the cache, and searches again once a listed job closes', async () => {
    await refresh();
    const first = await ids();
    const before = hits();
    expect(await ids()).toEqual(first);
    expect(hits()).toBe(before + 1);
    const member = first[0] as string;
    const closed = await employer.request({ method: 'POST', url: `/api/jobs/${member}/transitions/close`, payload: { reason: '岗位已招满' } });
    expect(closed.statusCode, closed.body).toBe(200);
    // the postings are read again at answer time: gone at once, before the index hears of it
    expect(await ids()).not.toContain(member);
    const cached = hits();
    await refresh();
    const after = await ids();
    expect(hits()).toBe(cached);
    expect(after).not.toContain(member);
    expect(after).toEqual(first.filter((id) => id !== member).slice(0, after.length));
  });
});

describe('matching statistics for officials', () => {
  it('counts live postings, open profiles and skill supply in the official’s own region only', async () => {
    await refresh();
    const res = await get(official, '/api/matching/stats');
    expect(res.statusCode, res.body).toBe(200);
    const stats = res.json();
    const snap = await matchingEngine(t.app.platform).snapshot();
    const inGanzhou = (code: string) => code.startsWith('3607');
    const liveHere = snap.jobs.docs.filter((j) => j && inGanzhou(j.regionCode));
    expect(stats.liveJobs).toBe(liveHere.length);
    expect(stats.openProfiles).toBe(snap.talents.docs.filter((p) => p && inGanzhou(p.regionCode)).length);
    expect(stats.areas.every((a: { regionCode: string }) => inGanzhou(a.regionCode))).toBe(true);
    // demand of Java: the postings in 赣州 that require it, counted from the index itself
    const java = stats.topDemanded.find((s: { name: string }) => s.name === 'Java');
    expect(java?.demand).toBe(liveHere.filter((j) => j?.required.some((s) => s.name === 'Java')).length);

    // the counts are kept while the index is unchanged, and counted again once a refresh changed it
    jobs.javaToo = await publishJob(
      employer,
      official,
      jobBody(t.clock.now(), { title: 'Java后端开发', regionCode: '360702', requiredSkills: [{ name: 'Java' }] }),
    );
    await refresh();
    const later = (await get(official, '/api/matching/stats')).json();
    expect(later.liveJobs).toBe(stats.liveJobs + 1);
    expect(later.topDemanded.find((s: { name: string }) => s.name === 'Java')?.demand).toBe((java?.demand ?? 0) + 1);

    const nanchang = await t.signIn('official.nanchang');
    const other = (await get(nanchang, '/api/matching/stats')).json();
    expect(other.topDemanded.find((s: { name: string }) => s.name === 'Java')?.demand ?? 0).toBe(0);
    expect((await get(talent, '/api/matching/stats')).statusCode).toBe(403);
    expect((await get(null, '/api/matching/stats')).statusCode).toBe(401);
  });
});

describe('an organisation no longer verified', () => {
  it('gets no recommended talents for its postings (403 JOBS_ORG_NOT_VERIFIED)', async () => {
    const [emp] = await t.database.query<{ org_id: string }>(`select org_id from users where username = 'employer.ganzhou'`);
    const suspended = await official.request({
      method: 'POST',
      url: `/api/organisations/${emp?.org_id}/transitions/suspend`,
      payload: { reason: '营业执照被吊销' },
    });
    expect(suspended.statusCode, suspended.body).toBe(200);
    const res = await get(employer, `/api/matching/jobs/${jobs.analyst}/talents`);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('JOBS_ORG_NOT_VERIFIED');
  });
});
