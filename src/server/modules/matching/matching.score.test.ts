/** The scorer: protected attributes cannot reach it, its parts follow the data (the fast path against it: matching.fastpath.test.ts). */
import { getTableColumns } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { talentProfiles } from '../profiles/index.js';
import { MATCHING_CONFIG } from './matching.config.js';
import { jobRow, pairBound, talentRow } from './matching.columns.js';
import { type MatchableProfile, talentFeatures } from './matching.features.js';
import { inferOccupation, learnModel } from './matching.model.js';
import { contextBound, type JobFeatures, scoreMatch, type TalentFeatures } from './matching.score.js';

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
