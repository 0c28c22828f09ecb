/** The fast path against the exhaustive scorer: bounds over the columns, the valuation without explanations, and the top k on random worlds. */
import { describe, expect, it } from 'vitest';
import { MATCHING_CONFIG } from './matching.config.js';
import { jobRow, pairBound, talentRow } from './matching.columns.js';
import { learnModel } from './matching.model.js';
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
import { certificateValue, contextBound, scoreMatch, scoreValue, type TalentFeatures } from './matching.score.js';

const NOW = Date.parse('2026-06-01T00:00:00Z');

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
    const m = learnModel(jobs);
    let relevant = 0;
    for (const t of talents.slice(0, 60))
      for (const j of jobs.slice(0, 300)) {
        const v = certificateValue(t, j);
        expect(scoreMatch(t, j, m, NOW).parts.certificates).toBe(v);
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
