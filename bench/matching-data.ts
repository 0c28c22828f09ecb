/**
 * The seeded world of the matching benchmark (PERFORMANCE.md §8.1): real 职业分类大典 细类 codes and
 * catalogue skills (data/reference), cities weighted by resident population, talents with a HIDDEN true
 * proficiency (the system only sees the declared one) and hidden attributes (gender, age) used only to
 * split the fairness report, planted good pairs and hard negatives, and the HIDDEN graded fit function.
 * Nothing in src/ imports this file: the scorer never sees the truth or the latent variables.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import type { IndexedJob } from '../src/server/modules/matching/matching.engine.js';
import type { SkillFeature, TalentFeatures } from '../src/server/modules/matching/matching.score.js';

const REF = path.resolve(import.meta.dirname, '../data/reference');
const DAY = 86_400_000;

export function rng(seed: number) {
  let s = seed >>> 0 || 1;
  const next = () => {
    // mulberry32
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)] as T;
  return { next, int, pick };
}
export type Rng = ReturnType<typeof rng>;

/** Resident population 2024 (10k), 江西统计年鉴 rounded; 45.02M in all (PERFORMANCE.md [C2]). */
const CITY_POPULATION: Record<string, number> = {
  '360100': 667,
  '360200': 160,
  '360300': 180,
  '360400': 455,
  '360500': 120,
  '360600': 116,
  '360700': 897,
  '360800': 440,
  '360900': 494,
  '361000': 357,
  '361100': 640,
};
const GENERIC = ['沟通能力', '办公软件', '团队协作', '英语读写', '文档写作', '项目管理基础'].map((n) => ({ key: `free:${n}`, name: n, aliases: [n] }));

interface SkillDef {
  key: string;
  name: string;
  aliases: string[];
  cluster: string;
}

export interface Occupation {
  code: string;
  name: string;
  core: { skill: SkillDef; weight: number }[];
}

export interface Talent {
  f: TalentFeatures;
  /** HIDDEN: true proficiency per skill key (1–4). */
  trueLevel: Map<string, number>;
  gender: 'f' | 'm';
  age: number;
  text: string;
  occupation: string;
}

export interface Job {
  f: IndexedJob;
  text: string;
}

function read(file: string): Record<string, string>[] {
  return parse(readFileSync(path.join(REF, file)), { columns: true, skip_empty_lines: true });
}

function zipfPicker(n: number, s: number, r: Rng) {
  const cdf: number[] = [];
  let sum = 0;
  for (let i = 1; i <= n; i++) {
    sum += 1 / i ** s;
    cdf.push(sum);
  }
  return () => {
    const x = r.next() * sum;
    let lo = 0;
    let hi = n - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((cdf[mid] as number) < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
}

export function buildWorld(sizes: { talents: number; jobs: number; queries: number }, seed = 20_260_401) {
  const r = rng(seed);
  const skills: SkillDef[] = read('skills/jobe_it_skills.csv').map((s) => ({
    key: s.skill_id as string,
    name: s.name_zh as string,
    aliases: [s.name_zh as string, s.name_en as string, ...((s.aliases_zh as string) || '').split('|').filter(Boolean)],
    cluster: s.cluster_id as string,
  }));
  const byCluster = new Map<string, SkillDef[]>();
  for (const s of skills) byCluster.set(s.cluster, [...(byCluster.get(s.cluster) ?? []), s]);
  const clusters = [...byCluster.keys()];
  const occRows = read('occupations/occupation_classification_2022.csv').filter((o) => o.level === '4');
  // neighbouring occupations (same 小类) share their clusters, so skills co-occur as in real postings
  const minorClusters = new Map<string, string[]>();
  const occupations: Occupation[] = occRows.map((o) => {
    const code = o.code as string;
    const minor = code.slice(0, 7);
    let cl = minorClusters.get(minor);
    if (!cl) {
      cl = [r.pick(clusters), r.pick(clusters)];
      minorClusters.set(minor, cl);
    }
    const pool = [...(byCluster.get(cl[0] as string) ?? []), ...(byCluster.get(cl[1] as string) ?? []), ...Array.from({ length: 4 }, () => r.pick(skills))];
    const n = Math.min(pool.length, r.int(10, 30));
    const chosen = [...new Set(Array.from({ length: n * 2 }, () => r.pick(pool)))].slice(0, n);
    return { code, name: o.name as string, core: chosen.map((skill, i) => ({ skill, weight: 1 / (1 + i * 0.3) })) };
  });
  // shuffle, then Zipf(0.8) over the shuffled order
  for (let i = occupations.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [occupations[i], occupations[j]] = [occupations[j] as Occupation, occupations[i] as Occupation];
  }
  const pickOcc = zipfPicker(occupations.length, 0.8, r);
  const byMinor = new Map<string, Occupation[]>();
  for (const o of occupations) byMinor.set(o.code.slice(0, 7), [...(byMinor.get(o.code.slice(0, 7)) ?? []), o]);
  const counties = new Map<string, string[]>();
  for (const d of read('admin_divisions/jiangxi_admin_divisions.csv'))
    if (d.level === 'county' && d.parent_code && CITY_POPULATION[d.parent_code as string])
      counties.set(d.parent_code as string, [...(counties.get(d.parent_code as string) ?? []), d.code as string]);
  const cityCodes = Object.keys(CITY_POPULATION);
  const popTotal = Object.values(CITY_POPULATION).reduce((a, b) => a + b, 0);
  const pickCity = () => {
    let x = r.next() * popTotal;
    for (const c of cityCodes) {
      x -= CITY_POPULATION[c] as number;
      if (x <= 0) return c;
    }
    return '360100';
  };
  const countyOf = (city: string) => r.pick(counties.get(city) ?? [city]);
  const weighted = (o: Occupation) => {
    const total = o.core.reduce((s, c) => s + c.weight, 0);
    let x = r.next() * total;
    for (const c of o.core) {
      x -= c.weight;
      if (x <= 0) return c.skill;
    }
    return (o.core[0] as Occupation['core'][number]).skill;
  };
  const alias = (s: { aliases: string[] }) => r.pick(s.aliases);
  const eduFor = (code: string) => (code[0] === '2' ? r.int(5, 7) : code[0] === '1' ? r.int(4, 7) : r.int(2, 5));

  const world = { occupations, talents: [] as Talent[], jobs: [] as Job[], evalJobs: [] as number[], evalTalents: [] as number[] };
  const NOW = Date.parse('2026-06-01T00:00:00Z');

  const makeJob = (i: number): Job => {
    const occ = occupations[pickOcc()] as Occupation;
    const city = pickCity();
    const musts = [...new Set(Array.from({ length: r.int(3, 8) }, () => weighted(occ)))];
    const neighbours = byMinor.get(occ.code.slice(0, 7)) ?? [occ];
    const nice = [
      ...new Set(Array.from({ length: r.int(3, 8) }, () => (r.next() < 0.6 ? weighted(r.pick(neighbours)) : (r.pick(GENERIC) as SkillDef)))),
    ].filter((s) => !musts.includes(s));
    const salaryMin = 300_000 + r.int(0, 12) * 50_000 + (occ.code[0] === '2' ? 300_000 : 0);
    const f: IndexedJob = {
      id: `j${String(i).padStart(7, '0')}`,
      regionCode: countyOf(city),
      occupationCode: occ.code,
      remote: r.next() < 0.03,
      required: musts.map((s) => ({ key: s.key, name: s.name, level: r.int(0, 3) })),
      preferred: nice.map((s) => ({ key: s.key, name: s.name, level: 0 })),
      educationRank: r.next() < 0.4 ? null : Math.max(2, eduFor(occ.code) - 1),
      experienceYearsMin: r.int(0, 5),
      salaryMinFen: salaryMin,
      salaryMaxFen: salaryMin + r.int(1, 8) * 100_000,
      publishedAtMs: NOW - r.int(0, 60) * DAY,
      certificateTerms: [occ.name, ...musts.map((s) => s.name)],
      orgId: `o${r.int(0, Math.max(1, sizes.jobs / 5))}`,
      validFrom: '2026-01-01',
      validUntil: '2026-12-31',
    };
    const text = `招聘 ${occ.name} 岗位职责 ${musts.map(alias).join(' ')} 优先 ${nice.map(alias).join(' ')}${r.next() < 0.2 ? ` 不要求 ${alias(r.pick(occ.core).skill)}` : ''}`;
    return { f, text };
  };

  const makeTalent = (i: number, plan?: { job: Job; kind: 'g3' | 'g2' | 'missing' | 'city' | 'salary' }): Talent => {
    const occ = plan ? (occupations.find((o) => o.code === plan.job.f.occupationCode) as Occupation) : (occupations[pickOcc()] as Occupation);
    const jobCity = plan ? `${plan.job.f.regionCode.slice(0, 4)}00` : null;
    const home = plan && plan.kind !== 'city' ? (jobCity as string) : pickCity();
    const trueLevel = new Map<string, number>();
    const names = new Map<string, SkillDef>();
    const add = (s: SkillDef, level: number) => {
      if (!trueLevel.has(s.key)) {
        trueLevel.set(s.key, level);
        names.set(s.key, s);
      }
    };
    if (plan) {
      const musts = plan.job.f.required;
      musts.forEach((m, idx) => {
        if (plan.kind === 'missing' && idx === 0) return;
        add({ key: m.key, name: m.name, aliases: [m.name], cluster: '' }, plan.kind === 'g2' ? r.int(2, 3) : r.int(Math.max(3, m.level), 4));
      });
      const nice = plan.job.f.preferred;
      const take = plan.kind === 'g2' ? 1 : Math.ceil(nice.length * 0.6);
      for (const n of nice.slice(0, take)) add({ key: n.key, name: n.name, aliases: [n.name], cluster: '' }, r.int(2, 4));
    }
    const k = r.int(8, 24);
    const neighbours = byMinor.get(occ.code.slice(0, 7)) ?? [occ];
    // bounded: an occupation's pool may hold fewer distinct skills than k
    for (let tries = 0; trueLevel.size < k && tries < k * 10; tries++) {
      const x = r.next();
      const s = x < 0.7 ? weighted(occ) : x < 0.9 ? weighted(r.pick(neighbours)) : (r.pick(GENERIC) as SkillDef);
      add(s, r.int(1, 4));
    }
    const skillsF: SkillFeature[] = [...trueLevel].map(([key, level]) => ({
      key,
      name: (names.get(key) as SkillDef).name,
      // declared = true ± noise; a quarter state no level
      level: r.next() < 0.25 ? 0 : Math.min(4, Math.max(1, level + r.pick([-1, 0, 0, 0, 1]))),
    }));
    const edu = plan ? Math.max(plan.job.f.educationRank ?? 0, eduFor(occ.code)) : eduFor(occ.code);
    const expMonths = plan ? plan.job.f.experienceYearsMin * 12 + r.int(0, 48) : r.int(0, 180);
    const wish = plan
      ? plan.kind === 'salary'
        ? plan.job.f.salaryMaxFen + r.int(2, 6) * 100_000
        : plan.job.f.salaryMinFen - r.int(0, 2) * 50_000
      : 300_000 + r.int(0, 16) * 50_000;
    const desiredCities = plan && plan.kind === 'city' ? [home] : r.next() < 0.5 ? [home] : [home, pickCity()];
    const f: TalentFeatures = {
      id: `t${String(i).padStart(7, '0')}`,
      regionCode: countyOf(home),
      desiredCities,
      desiredOccupations: r.next() < 0.75 || plan ? [occ.code] : [],
      skills: skillsF,
      desiredSalaryMinFen: Math.max(100_000, wish),
      educationRank: edu,
      experienceMonths: expMonths,
      certificates: [],
      updatedAtMs: NOW - r.int(0, 200) * DAY,
    };
    const text = `${occ.name} 掌握 ${[...names.values()].map(alias).join(' ')}`;
    return { f, trueLevel, gender: r.next() < 0.5 ? 'f' : 'm', age: r.int(20, 58), text, occupation: occ.code };
  };

  for (let i = 0; i < sizes.jobs; i++) world.jobs.push(makeJob(i));
  const planted = Math.min(sizes.queries, sizes.jobs);
  let tid = 0;
  for (let q = 0; q < planted; q++) {
    const ji = Math.floor((q * sizes.jobs) / planted);
    world.evalJobs.push(ji);
    const job = world.jobs[ji] as Job;
    const kinds = [
      'g3',
      'g3',
      'g3',
      'g3',
      'g3',
      'g2',
      'g2',
      'g2',
      'g2',
      'g2',
      ...Array.from({ length: 10 }, (_, i) => (['missing', 'city', 'salary'] as const)[i % 3]),
    ] as const;
    for (const kind of kinds as readonly ('g3' | 'g2' | 'missing' | 'city' | 'salary')[])
      if (tid < sizes.talents) world.talents.push(makeTalent(tid++, { job, kind }));
  }
  while (tid < sizes.talents) world.talents.push(makeTalent(tid++));
  // shuffle talents so planted ones are mixed into the pool
  for (let i = world.talents.length - 1; i > 0; i--) {
    const j = Math.floor(r.next() * (i + 1));
    [world.talents[i], world.talents[j]] = [world.talents[j] as Talent, world.talents[i] as Talent];
  }
  for (let q = 0; q < sizes.queries; q++) world.evalTalents.push(Math.floor((q * world.talents.length) / sizes.queries));
  return { ...world, now: NOW };
}

const cityOf = (code: string) => `${code.slice(0, 4)}00`;

/** HIDDEN graded fit 0–3 (hard constraints first), from the TRUE proficiencies. */
export function truth(t: Talent, j: Job): number {
  const jf = j.f;
  const tf = t.f;
  const jobCity = cityOf(jf.regionCode);
  if (!jf.remote && cityOf(tf.regionCode) !== jobCity && !tf.desiredCities.includes(jobCity)) return 0;
  if (tf.desiredSalaryMinFen !== null && jf.salaryMaxFen < tf.desiredSalaryMinFen) return 0;
  if (jf.educationRank !== null && (tf.educationRank ?? 0) < jf.educationRank) return 0;
  let held = 0;
  let ok = 0;
  for (const m of jf.required) {
    const lvl = t.trueLevel.get(m.key);
    if (lvl === undefined) continue;
    held++;
    if (lvl >= Math.max(2, m.level)) ok++;
  }
  const n = jf.required.length || 1;
  const nice = jf.preferred.length ? jf.preferred.filter((p) => t.trueLevel.has(p.key)).length / jf.preferred.length : 1;
  const sameMedium = t.occupation.slice(0, 4) === jf.occupationCode.slice(0, 4);
  const sameMajor = t.occupation[0] === jf.occupationCode[0];
  const expOk = tf.experienceMonths >= jf.experienceYearsMin * 12;
  if (ok === n && nice >= 0.5 && sameMedium && expOk) return 3;
  if (held === n && ok / n >= 0.5 && sameMajor) return 2;
  if (held / n >= 0.5 && sameMedium) return 1;
  return 0;
}
