/** The scorer: protected attributes cannot reach it, its parts follow the data, the fast path equals the exhaustive one. */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { talentProfiles } from '../profiles/index.js';
import { MATCHING_CONFIG } from './matching.config.js';
import { jobRow, pairBound, talentRow } from './matching.columns.js';
import { type MatchableProfile, talentFeatures } from './matching.features.js';
import { inferOccupation, learnModel } from './matching.model.js';
import {
  describeJob,
  describeTalent,
  type IndexedJob,
  jobEntry,
  jobExact,
  jobRefine,
  jobRest,
  jobScorer,
  jobsQuery,
  newJobIndex,
  newTalentIndex,
  talentEntry,
  talentExact,
  talentRefine,
  talentRest,
  talentScorer,
  talentsQuery,
} from './matching.queries.js';
import { certificateValue, contextBound, type JobFeatures, scoreMatch, scoreValue, type TalentFeatures } from './matching.score.js';

/** A posting of the occupation that requires exactly these skills (at no stated level). */
const posting = (id: string, occupationCode: string, keys: string[]): JobFeatures => ({
  ...job(),
  id,
  occupationCode,
  required: keys.map((key) => ({ key, name: key, level: 0 })),
  preferred: [],
});

const PROTECTED = /gender|sex|age\b|birth|ethnic|nation|hukou|household|marital|marri|child|pregnan|idNumber|id_number|phone|religio/i;
const NOW = Date.parse('2026-06-01T00:00:00Z');

function profile(overrides: Partial<MatchableProfile> = {}): MatchableProfile {
  return {
    userId: 't1',
    regionCode: '360702',
    education: [{ educationCode: '21', school: '某大学', major: '', graduationYear: 2020 }],
    workHistory: [{ employerName: '某公司', title: '分析师', fromMonth: '2021-01', toMonth: '2023-12', description: '' }],
    skills: [
      { skillId: 'python', name: 'Python', level: 'proficient' },
      { skillId: null, name: '需求分析', level: null },
    ],
    certificates: [{ name: 'Python 程序员证书', number: '', issuer: '', issuedOn: null, verified: false }],
    desiredOccupations: ['2-02-30-09'],
    desiredCities: ['360700'],
    desiredSalaryMinFen: 800_000,
    updatedAt: new Date(NOW),
    ...overrides,
  };
}

function job(overrides: Partial<JobFeatures> = {}): JobFeatures {
  return {
    id: 'j1',
    regionCode: '360702',
    occupationCode: '2-02-30-09',
    remote: false,
    required: [
      { key: 'python', name: 'Python', level: 3 },
      { key: 'sql', name: 'SQL', level: 0 },
    ],
    preferred: [{ key: 'tableau', name: 'Tableau', level: 0 }],
    educationRank: 6,
    experienceYearsMin: 2,
    salaryMinFen: 800_000,
    salaryMaxFen: 1_200_000,
    publishedAtMs: NOW,
    certificateTerms: ['数据分析处理工程技术人员', 'Python', 'SQL', 'Tableau'],
    ...overrides,
  };
}

const model = learnModel([job()]);

describe('protected attributes', () => {
  it('exist neither in the profile table, nor in the features, nor among what the feature builder reads', () => {
    for (const column of Object.keys(getTableColumns(talentProfiles))) expect(column).not.toMatch(PROTECTED);
    const read = new Set<string>();
    const spy = new Proxy(
      { ...profile(), gender: 'female', birthDate: '1990-01-01', ethnicity: '汉族', hukou: '赣州', maritalStatus: 'married', idNumber: 'x' },
      {
        get(target, prop, receiver) {
          if (typeof prop === 'string') read.add(prop);
          return Reflect.get(target, prop, receiver);
        },
      },
    );
    const features = talentFeatures(spy, NOW);
    for (const prop of read) expect(prop).not.toMatch(PROTECTED);
    expect(Object.keys(features).sort()).toEqual(
      [
        'certificates',
        'desiredCities',
        'desiredOccupations',
        'desiredSalaryMinFen',
        'educationRank',
        'experienceMonths',
        'id',
        'regionCode',
        'skills',
        'updatedAtMs',
      ].sort(),
    );
  });

  it('cannot move a score even when smuggled onto the features', () => {
    const base = talentFeatures(profile(), NOW);
    const a = scoreMatch({ ...base, gender: 'male', age: 22 } as TalentFeatures, job(), model, NOW);
    const b = scoreMatch({ ...base, gender: 'female', age: 48 } as TalentFeatures, job(), model, NOW);
    expect(a).toEqual(b);
  });
});

describe('scoreMatch', () => {
  const t = talentFeatures(profile(), NOW);

  it('weights add up to 1 and the score is 0–100', () => {
    const sum = Object.values(MATCHING_CONFIG.weights).reduce((s, w) => s + w, 0);
    expect(sum).toBeCloseTo(1, 10);
    const r = scoreMatch(t, job(), model, NOW);
    expect(r.score).toBeGreaterThan(0);
    expect(r.score).toBeLessThanOrEqual(100);
  });

  it('explains with facts of both records', () => {
    const r = scoreMatch(t, job(), model, NOW);
    expect(r.reasons.matchedSkills.map((m) => m.key)).toEqual(['python']);
    expect(r.reasons.missingSkills.map((m) => [m.key, m.importance])).toEqual([
      ['sql', 'required'],
      ['tableau', 'preferred'],
    ]);
    expect(r.reasons.levelGaps).toEqual([]);
    expect(r.reasons).toMatchObject({ location: 'same_county', salary: 'meets', occupation: 'same_detail', education: 'meets', experience: 'meets' });
    expect(r.reasons.certificates).toEqual([{ name: 'Python 程序员证书', verified: false }]);
  });

  it('ranks a closer occupation, a required skill and a higher level higher', () => {
    const s = (tt: TalentFeatures, jj: JobFeatures = job()) => scoreMatch(tt, jj, model, NOW).raw;
    expect(s({ ...t, desiredOccupations: ['2-02-30-09'] })).toBeGreaterThan(s({ ...t, desiredOccupations: ['2-02-30-01'] }));
    expect(s({ ...t, desiredOccupations: ['2-02-30-01'] })).toBeGreaterThan(s({ ...t, desiredOccupations: ['2-02-10-01'] }));
    expect(s({ ...t, desiredOccupations: ['2-02-10-01'] })).toBeGreaterThan(s({ ...t, desiredOccupations: ['2-01-10-01'] }));
    const withSql = { ...t, skills: [...t.skills, { key: 'sql', name: 'SQL', level: 0 }] };
    const withTableau = { ...t, skills: [...t.skills, { key: 'tableau', name: 'Tableau', level: 0 }] };
    expect(s(withSql)).toBeGreaterThan(s(withTableau));
    const low = { ...t, skills: [{ key: 'python', name: 'Python', level: 1 }] };
    const high = { ...t, skills: [{ key: 'python', name: 'Python', level: 4 }] };
    expect(s(high)).toBeGreaterThan(s(low));
    expect(scoreMatch(low, job(), model, NOW).reasons.levelGaps).toEqual([
      { key: 'python', name: 'Python', requiredLevel: 'proficient', declaredLevel: 'aware' },
    ]);
  });

  it('ranks a profile with every must-have above one short of a must-have however many nice-to-haves it has (up to seven)', () => {
    // skills of equal rarity: every one is in the single posting the model learns from
    const keys = (p: string, n: number) => Array.from({ length: n }, (_, i) => `${p}${i}`);
    const wide = posting('w', '2-02-30-09', keys('m', 3));
    const withNice = { ...wide, preferred: keys('n', 7).map((key) => ({ key, name: key, level: 0 })) };
    const even = learnModel([withNice]);
    const holding = (ks: string[]) => ({ ...t, skills: ks.map((key) => ({ key, name: key, level: 3 })) });
    const allMusts = scoreMatch(holding(keys('m', 3)), withNice, even, NOW).raw;
    const shortOfOne = scoreMatch(holding([...keys('m', 2), ...keys('n', 7)]), withNice, even, NOW).raw;
    expect(allMusts).toBeGreaterThan(shortOfOne);
  });

  it('infers the occupation group from the skills of a talent who named none, and says so', () => {
    const m = learnModel([
      posting('a', '2-02-10-01', ['python', 'sql']),
      posting('b', '2-02-10-03', ['python', 'sql', 'spark']),
      posting('c', '4-04-05-04', ['sql', 'excel']),
    ]);
    const none = { ...t, desiredOccupations: [] };
    const inferred = inferOccupation(
      {
        ...none,
        skills: [
          { key: 'python', name: 'Python', level: 3 },
          { key: 'sql', name: 'SQL', level: 3 },
        ],
      },
      m,
    );
    expect(inferred.inferredGroup).toBe('2-02');
    // one skill alone does not point to a group; a desired occupation is never overridden
    expect(inferOccupation({ ...none, skills: [{ key: 'python', name: 'Python', level: 3 }] }, m).inferredGroup ?? null).toBeNull();
    expect(inferOccupation({ ...t, inferredGroup: '2-02' }, m).inferredGroup).toBeNull();
    const inGroup = posting('x', '2-02-30-09', ['python']);
    const elsewhere = posting('y', '4-04-05-04', ['python']);
    expect(scoreMatch(inferred, inGroup, m, NOW).reasons.occupation).toBe('inferred_group');
    expect(scoreMatch(inferred, elsewhere, m, NOW).reasons.occupation).toBe('unknown');
    expect(scoreMatch(inferred, inGroup, m, NOW).raw).toBeGreaterThan(scoreMatch(inferred, elsewhere, m, NOW).raw);
    expect(pairBound(talentRow(inferred), jobRow(inGroup), NOW)).toBe(contextBound(inferred, inGroup, NOW));
  });

  it('infers the group by likelihood, so a popular group does not win by its size', () => {
    // 4-04 posts SQL twenty times (and Spark once); 2-02 posts only SQL with Spark, twice
    const m = learnModel([
      ...Array.from({ length: 20 }, (_, i) => posting(`w${i}`, '4-04-05-04', ['sql', 'word'])),
      posting('ws', '4-04-05-04', ['sql', 'spark', 'word']),
      posting('d1', '2-02-10-01', ['sql', 'spark']),
      posting('d2', '2-02-10-03', ['sql', 'spark']),
    ]);
    const skills = (keys: string[]) => keys.map((key) => ({ key, name: key, level: 3 }));
    const none = { ...t, desiredOccupations: [] };
    expect(inferOccupation({ ...none, skills: skills(['sql', 'spark']) }, m).inferredGroup).toBe('2-02');
    expect(inferOccupation({ ...none, skills: skills(['sql', 'word']) }, m).inferredGroup).toBe('4-04');
  });

  it('ranks a declared level above the asked one over one exactly at it, and both over one below', () => {
    const j = job({ required: [{ key: 'python', name: 'Python', level: 3 }], preferred: [] });
    const m = learnModel([j]);
    const at = (level: 'familiar' | 'proficient' | 'expert') =>
      scoreMatch(talentFeatures(profile({ skills: [{ skillId: 'python', name: 'Python', level }] }), NOW), j, m, NOW);
    expect(at('expert').parts.skills).toBe(1);
    expect(at('proficient').parts.skills).toBeCloseTo(MATCHING_CONFIG.levelAtAsk, 9);
    expect(at('proficient').reasons.levelGaps).toEqual([]);
    expect(at('familiar').parts.skills).toBeLessThan(at('proficient').parts.skills);
    expect(at('familiar').reasons.levelGaps.map((g) => g.key)).toEqual(['python']);
  });

  it('excludes a talent below the required education, and scores salary and location', () => {
    expect(scoreMatch({ ...t, educationRank: 5 }, job(), model, NOW).excluded).toBe('education');
    expect(scoreMatch({ ...t, educationRank: null }, job(), model, NOW).excluded).toBeNull();
    expect(scoreMatch({ ...t, desiredSalaryMinFen: 2_000_000 }, job(), model, NOW).reasons.salary).toBe('below');
    expect(scoreMatch(t, job({ regionCode: '360703' }), model, NOW).reasons.location).toBe('desired_city');
    expect(scoreMatch(t, job({ regionCode: '360102' }), model, NOW).reasons.location).toBe('not_desired');
    expect(scoreMatch(t, job({ regionCode: '360102', remote: true }), model, NOW).reasons.location).toBe('remote');
  });
});

/** A seeded generator: jobs and talents over 120 skills, 4 cities, 12 occupations. */
function world(seed: number) {
  let x = seed;
  const rnd = () => {
    x = (x * 1_103_515_245 + 12_345) % 2_147_483_648;
    return x / 2_147_483_648;
  };
  const pick = <T>(list: readonly T[]) => list[Math.floor(rnd() * list.length)] as T;
  const skill = () => {
    const n = Math.floor(rnd() ** 2 * 120);
    return { key: `s${n}`, name: `技能${n}`, level: Math.floor(rnd() * 5) };
  };
  const uniq = <T extends { key: string }>(list: T[]) => list.filter((s, i) => list.findIndex((o) => o.key === s.key) === i);
  const regions = ['360702', '360703', '360102', '360402'];
  const occs = [
    '2-02-30-09',
    '2-02-30-01',
    '2-02-10-03',
    '2-02-10-01',
    '4-04-05-05',
    '6-01-01-01',
    '2-01-01-01',
    '4-01-02-03',
    '6-30-01-02',
    '2-02-38-01',
    '4-04-05-04',
    '2-02-30-02',
  ];
  const jobs: IndexedJob[] = Array.from({ length: 1500 }, (_, i) => ({
    id: `j${String(i).padStart(5, '0')}`,
    regionCode: pick(regions),
    occupationCode: pick(occs),
    remote: rnd() < 0.05,
    required: uniq(Array.from({ length: 1 + Math.floor(rnd() * 5) }, skill)),
    preferred: uniq(Array.from({ length: Math.floor(rnd() * 4) }, skill)),
    educationRank: rnd() < 0.5 ? null : 4 + Math.floor(rnd() * 3),
    experienceYearsMin: Math.floor(rnd() * 5),
    salaryMinFen: 400_000 + Math.floor(rnd() * 600_000),
    salaryMaxFen: 1_000_000 + Math.floor(rnd() * 800_000),
    publishedAtMs: NOW - Math.floor(rnd() * 60) * 86_400_000,
    certificateTerms: [],
    orgId: 'o',
    validFrom: '2026-01-01',
    validUntil: '2026-12-31',
  }));
  // as jobFeatures does: the skill names (and an occupation's name) are the words a relevant certificate contains
  for (const j of jobs) j.certificateTerms = [`职业${j.occupationCode}`, ...j.required.map((s) => s.name), ...j.preferred.map((s) => s.name)];
  // a third of the talents hold certificates: named after a skill or an occupation, some verified for an occupation
  const certificate = () => {
    const verified = rnd() < 0.4;
    return { name: rnd() < 0.7 ? `${skill().name}证书` : `职业${pick(occs)}资格`, verified, occupationCode: verified ? pick(occs) : null };
  };
  const talents: TalentFeatures[] = Array.from({ length: 1500 }, (_, i) => ({
    id: `t${String(i).padStart(5, '0')}`,
    regionCode: pick(regions),
    desiredCities: rnd() < 0.5 ? [] : [pick(regions)],
    desiredOccupations: rnd() < 0.3 ? [] : [pick(occs)],
    // (only read when no occupation is desired, as the engine sets it)
    inferredGroup: rnd() < 0.5 ? pick(occs).slice(0, 4) : null,
    skills: uniq(Array.from({ length: Math.floor(rnd() * 10) }, skill)),
    desiredSalaryMinFen: rnd() < 0.3 ? null : 500_000 + Math.floor(rnd() * 1_000_000),
    educationRank: rnd() < 0.2 ? null : 3 + Math.floor(rnd() * 5),
    experienceMonths: Math.floor(rnd() * 120),
    certificates: rnd() < 0.33 ? Array.from({ length: 1 + Math.floor(rnd() * 2) }, certificate) : [],
    updatedAtMs: NOW - Math.floor(rnd() * 300) * 86_400_000,
  }));
  return { jobs, talents };
}

describe('fast path against the exhaustive scorer', () => {
  const ids = (list: { doc: { id: string } }[]) => list.map((r) => r.doc.id);

  it('pairBound over the columns equals contextBound, null exactly when a hard rule excludes', () => {
    const { jobs, talents } = world(7);
    const m = learnModel(jobs);
    let stopped = 0;
    for (let i = 0; i < 3000; i++) {
      const t = talents[i % talents.length] as TalentFeatures;
      const j = jobs[(i * 7) % jobs.length] as IndexedJob;
      const expected = contextBound(t, j, NOW);
      expect(pairBound(talentRow(t), jobRow(j), NOW)).toBe(expected);
      const full = scoreMatch(t, j, m, NOW);
      expect(expected === null).toBe(full.excluded !== null);
      // the value without explanations is the very same number
      expect(scoreValue(t, j, m, NOW)).toBe(full.excluded ? null : full.raw);
      expect(talentExact(j, m, NOW)(t)).toBe(full.excluded ? null : full.raw);
      // given the k-th score (floor) and pairBound (ceiling): the exact value, or one below the floor only when the exact one is below it
      if (expected !== null)
        for (const floor of [0.3, 0.5, 0.7, full.raw, full.raw + 1e-6]) {
          for (const v of [scoreValue(t, j, m, NOW, MATCHING_CONFIG, floor, expected), talentExact(j, m, NOW)(t, floor, expected)]) {
            if (v !== full.raw) {
              stopped++;
              expect(v).toBeLessThan(floor);
              expect(full.raw).toBeLessThan(floor);
            }
          }
        }
    }
    // (the values stopped at the floor: without any, the loop above checks nothing)
    expect(stopped).toBeGreaterThan(100);
  });

  it('values certificates without building the list exactly as the explained score does', () => {
    const { jobs, talents } = world(11);
    let relevant = 0;
    for (const t of talents.slice(0, 60))
      for (const j of jobs.slice(0, 300)) {
        const v = certificateValue(t, j);
        expect(scoreMatch(t, j, model, NOW).parts.certificates).toBe(v);
        if (v > 0) relevant++;
      }
    // the world makes some certificates count (else the comparison above proves nothing)
    expect(relevant).toBeGreaterThan(100);
  });

  for (const seed of [42, 4242]) {
    it(`returns exactly the exhaustive top k in both directions (seed ${seed}: bulk build, deltas, removals, hard filters)`, async () => {
      const { jobs, talents } = world(seed);
      const m = learnModel(jobs, { ...MATCHING_CONFIG, cooccurrence: { minSupport: 2, minStrength: 0.05, neighbours: 8 } });
      const jobIndex = newJobIndex();
      // an index built empty and then filled only by updates (the engine's first start on an empty database)
      const fromEmpty = newTalentIndex();
      fromEmpty.load([], describeTalent);
      for (const t of talents) fromEmpty.upsert(talentEntry(t));
      for (const t of talents.slice(0, 100)) fromEmpty.upsert(talentEntry({ ...t, skills: t.skills.slice(1) }));
      // a tiny eager share (lists one by one behind the MaxScore test), judgements that pause after a candidate
      // (the others wait, pending, for the next list), and one built in steps of 7 (loadInSteps, as the engine)
      const talentIndexes = [newTalentIndex(), newTalentIndex(0.01), newTalentIndex(0.01, 1), newTalentIndex()];
      const allTalentIndexes = [...talentIndexes, fromEmpty];
      // two ids given twice, the later copies in other cities (slots are placed city by city; the later copy wins)
      const moved = [jobs[60], jobs[61]].map((j, i) => ({ ...(j as IndexedJob), regionCode: i === 0 ? '360102' : '360402', salaryMaxFen: 2_000_000 }));
      jobIndex.load([...jobs.slice(0, 1200), ...moved], (j, sink) => describeJob(j, m, sink));
      expect(jobIndex.size).toBe(1200);
      for (const j of moved) expect(jobIndex.get(j.id)).toBe(j);
      for (const j of jobs.slice(1200)) jobIndex.upsert(jobEntry(j, m));
      for (const index of talentIndexes) {
        if (index === talentIndexes[3]) await index.loadInSteps(talents.slice(0, 1300), describeTalent, 7);
        else index.load(talents.slice(0, 1300), describeTalent);
        for (const t of talents.slice(1300)) index.upsert(talentEntry(t));
        // updates: a changed document replaces its old slot (its postings go to the deltas)
        for (const t of talents.slice(0, 100)) index.upsert(talentEntry({ ...t, skills: t.skills.slice(1) }));
        expect(index.size).toBe(1500);
      }
      for (const j of jobs.slice(0, 50)) jobIndex.remove(j.id);
      expect(jobIndex.size).toBe(1450);
      const noSkills = { ...(talents[150] as TalentFeatures), id: 'bare', skills: [] };
      for (const t of [noSkills, ...talents.slice(100, 200)]) {
        const score = jobScorer(t, m, NOW, null);
        // the exhaustive top 20 in its total order: its first k is the exhaustive top k
        const exact20 = ids(jobIndex.exhaustive({ k: 20, score }));
        for (const k of [1, 20]) {
          const exact = exact20.slice(0, k);
          expect(ids(jobIndex.search({ ...jobsQuery(t, m), k, score }))).toEqual(exact);
          expect(ids(jobIndex.search({ ...jobsQuery(t, m), k, score, rest: jobRest(jobIndex, t, NOW) }))).toEqual(exact);
          const full = { ...jobsQuery(t, m), k, score, rest: jobRest(jobIndex, t, NOW), exact: jobExact(t, m, NOW, null) };
          expect(ids(jobIndex.search(full))).toEqual(exact);
          expect(ids(jobIndex.search({ ...full, refine: jobRefine(jobIndex, t) }))).toEqual(exact);
        }
      }
      // postings asking no skill, one remote: only the occupation and city buckets find candidates
      const bare = [false, true].map((remote) => ({ ...(jobs[40] as IndexedJob), id: `bare-${remote}`, required: [], preferred: [], remote }));
      for (const j of [...bare, ...jobs.slice(50, 150)]) {
        const score = talentScorer(j, m, NOW);
        const exact20 = ids((talentIndexes[0] as ReturnType<typeof newTalentIndex>).exhaustive({ k: 20, score }));
        for (const index of allTalentIndexes)
          for (const k of [1, 20]) {
            const exact = exact20.slice(0, k);
            expect(ids(index.search({ ...talentsQuery(j, m), k, score }))).toEqual(exact);
            expect(ids(index.search({ ...talentsQuery(j, m), k, score, rest: talentRest(index, j, NOW) }))).toEqual(exact);
            const full = { ...talentsQuery(j, m), k, score, rest: talentRest(index, j, NOW), exact: talentExact(j, m, NOW) };
            expect(ids(index.search(full))).toEqual(exact);
            expect(ids(index.search({ ...full, refine: talentRefine(index, j) }))).toEqual(exact);
          }
      }
    });
  }
});
