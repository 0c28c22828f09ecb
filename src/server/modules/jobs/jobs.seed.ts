/**
 * Synthetic published postings for verified employers (demo data and the search benchmark).
 * Titles are real digital job titles; their occupation codes are looked up by name in the catalogue
 * (a title whose occupation is missing is skipped, never given an invented code); skills come from
 * the skills table. One INSERT … SELECT FROM unnest($arrays) per batch of 1,000; search tokens are
 * segmented once per title, sentence and skill and reused, so 200,000 rows cost little CPU.
 */
import { randomUUID } from 'node:crypto';
import { and, eq, inArray, type SQL, sql } from 'drizzle-orm';
import type { JobSkill } from '../../../shared/jobs.js';
import type { Ctx } from '../../context.js';
import type { Progress } from '../../lib/progress.js';
import { occupations, skills } from '../catalog/catalog.tables.js';
import { organisations } from '../organisations/organisations.tables.js';
import { dedupeKey, isDigitalJob } from './jobs.derive.js';
import { searchTokens } from './jobs.segment.js';
import { chinaDate } from './jobs.views.js';
import { mulberry32, type Rng } from '../../lib/random.js';

/** [title, occupation name in 职业分类大典, skill ids, typical monthly salary in 元]. */
const TITLES: readonly [string, string, readonly string[], number][] = [
  ['大数据开发工程师', '大数据工程技术人员', ['hadoop', 'spark', 'java', 'sql'], 14000],
  ['大数据分析师', '数据分析处理工程技术人员', ['python', 'sql', 'spark'], 12000],
  ['Java开发工程师', '计算机软件工程技术人员', ['java', 'mysql', 'linux'], 12000],
  ['前端开发工程师', '计算机软件工程技术人员', ['javascript'], 11000],
  ['人工智能训练师', '人工智能训练师', ['python'], 8000],
  ['数据标注员', '人工智能训练师', [], 5000],
  ['算法工程师', '人工智能工程技术人员', ['python', 'pytorch'], 20000],
  ['网络安全工程师', '信息安全工程技术人员', ['linux'], 13000],
  ['云计算运维工程师', '云计算工程技术人员', ['linux', 'docker', 'kubernetes'], 11000],
  ['嵌入式软件工程师', '嵌入式系统设计工程技术人员', ['5g'], 12000],
  ['工业互联网实施工程师', '工业互联网工程技术人员', ['python'], 10000],
  ['物联网工程师', '物联网工程技术人员', ['5g'], 11000],
  ['软件测试工程师', '计算机软件测试员', ['python', 'sql'], 9000],
  ['数据库管理员', '数据库运行管理员', ['mysql', 'sql', 'linux'], 10000],
  ['电子商务运营', '电子商务师', [], 7000],
  ['直播销售员', '互联网营销师', [], 6500],
  ['新媒体运营专员', '全媒体运营师', [], 6500],
  ['商务数据分析师', '商务数据分析师', ['sql', 'python'], 9000],
  ['区块链开发工程师', '区块链工程技术人员', ['java'], 15000],
  ['数字化解决方案顾问', '数字化解决方案设计师', [], 12000],
  ['智能制造工程师', '智能制造工程技术人员', ['python'], 11000],
  ['运维工程师', '信息系统运行维护工程技术人员', ['linux', 'mysql'], 8500],
];

const SENTENCES = [
  '负责公司核心业务系统的设计、开发与维护。',
  '参与需求分析、技术方案评审和代码评审。',
  '与产品、测试团队协作，按期交付项目。',
  '负责数据采集、清洗、建模与可视化分析。',
  '编写技术文档，持续优化系统性能与稳定性。',
  '参与客户现场实施与培训，解决技术问题。',
  '熟悉敏捷开发流程，有良好的沟通能力和团队合作精神。',
  '计算机、软件工程、数学、统计等相关专业。',
  '有政务、制造业或电商行业项目经验者优先。',
  '提供五险一金、带薪年假、节日福利和技能培训。',
  '公司位于产业园区，交通便利，提供员工食堂。',
  '支持考取职业技能等级证书，享受技能提升补贴。',
];
const EDUCATION = ['21', '21', '31', '31', '41', null] as const;

/** `n` different indices below `size`, in order (the sentences run duties → requirements → benefits). */
function distinctSorted(rng: Rng, n: number, size: number): number[] {
  const chosen = new Set<number>();
  while (chosen.size < Math.min(n, size)) chosen.add(Math.floor(rng() * size));
  return [...chosen].sort((a, b) => a - b);
}
const WORK_MODES = ['on_site', 'on_site', 'on_site', 'hybrid', 'remote'] as const;
const BATCH = 1000;
const DAY_MS = 86_400_000;

export interface SeedJobsResult {
  inserted: number;
}

const pick = <T>(rng: Rng, list: readonly T[]): T => list[Math.floor(rng() * list.length)] as T;

interface Template {
  title: string;
  occupationCode: string;
  occupationDigital: boolean;
  occupationTokens: string[];
  titleTokens: string[];
  skills: { skill: JobSkill; tokens: string[] }[];
  salaryYuan: number;
}

async function templates(ctx: Ctx): Promise<Template[]> {
  const names = [...new Set(TITLES.map((t) => t[1]))];
  const occRows = await ctx.db
    .select({ code: occupations.code, name: occupations.name, isDigital: occupations.isDigital })
    .from(occupations)
    .where(and(inArray(occupations.name, names), eq(occupations.level, 4)));
  const occByName = new Map(occRows.map((o) => [o.name, o]));
  const skillRows = await ctx.db
    .select({ id: skills.id, nameZh: skills.nameZh })
    .from(skills)
    .where(inArray(skills.id, [...new Set(TITLES.flatMap((t) => t[2]))]));
  const skillById = new Map(skillRows.map((s) => [s.id, s]));
  return TITLES.flatMap(([title, occName, skillIds, salaryYuan]) => {
    const occ = occByName.get(occName);
    if (!occ) return [];
    const found = skillIds.flatMap((id) => {
      const s = skillById.get(id);
      return s ? [{ skill: { skillId: s.id, name: s.nameZh, level: 'familiar' as const }, tokens: searchTokens(s.nameZh) }] : [];
    });
    return [
      {
        title,
        occupationCode: occ.code,
        occupationDigital: occ.isDigital,
        occupationTokens: searchTokens(occ.name),
        titleTokens: searchTokens(title),
        skills: found,
        salaryYuan,
      },
    ];
  });
}

type Columns = Record<
  | 'id'
  | 'orgId'
  | 'regionCode'
  | 'title'
  | 'description'
  | 'occupationCode'
  | 'requiredSkills'
  | 'educationCode'
  | 'experience'
  | 'salaryMin'
  | 'salaryMax'
  | 'headcount'
  | 'workMode'
  | 'validFrom'
  | 'validUntil'
  | 'isDigital'
  | 'dedupeKey'
  | 'tokens'
  | 'createdBy'
  | 'publishedAt',
  unknown[]
>;

function buildBatch(rng: Rng, tpls: Template[], orgs: Org[], size: number, now: number, sentenceTokens: string[][]): Columns {
  const c = Object.fromEntries(
    [
      'id',
      'orgId',
      'regionCode',
      'title',
      'description',
      'occupationCode',
      'requiredSkills',
      'educationCode',
      'experience',
      'salaryMin',
      'salaryMax',
      'headcount',
      'workMode',
      'validFrom',
      'validUntil',
      'isDigital',
      'dedupeKey',
      'tokens',
      'createdBy',
      'publishedAt',
    ].map((k) => [k, [] as unknown[]]),
  ) as Columns;
  for (let i = 0; i < size; i++) {
    const t = pick(rng, tpls);
    const org = pick(rng, orgs);
    const picks = distinctSorted(rng, 4, SENTENCES.length);
    const chosenSkills = t.skills.filter(() => rng() < 0.75);
    const published = now - Math.floor(rng() * 60 * DAY_MS);
    const salaryMin = Math.round((t.salaryYuan * (0.7 + rng() * 0.5)) / 500) * 500 * 100;
    c.id.push(randomUUID());
    c.orgId.push(org.id);
    c.regionCode.push(org.regionCode);
    c.title.push(t.title);
    c.description.push(picks.map((p) => SENTENCES[p]).join(''));
    c.occupationCode.push(t.occupationCode);
    c.requiredSkills.push(JSON.stringify(chosenSkills.map((s) => s.skill)));
    c.educationCode.push(pick(rng, EDUCATION));
    c.experience.push(Math.floor(rng() * 6));
    c.salaryMin.push(salaryMin);
    c.salaryMax.push(salaryMin + Math.round((rng() * 0.6 * salaryMin) / 50_000) * 50_000);
    c.headcount.push(1 + Math.floor(rng() * 10));
    c.workMode.push(pick(rng, WORK_MODES));
    c.validFrom.push(chinaDate(new Date(published)));
    c.validUntil.push(chinaDate(new Date(published + (90 + Math.floor(rng() * 90)) * DAY_MS)));
    c.isDigital.push(
      isDigitalJob(
        t.occupationDigital,
        chosenSkills.map((s) => s.skill),
      ),
    );
    c.dedupeKey.push(dedupeKey(t.title, t.occupationCode, org.regionCode));
    c.tokens.push(
      [
        ...t.titleTokens,
        ...t.titleTokens,
        ...picks.flatMap((p) => sentenceTokens[p] ?? []),
        ...chosenSkills.flatMap((s) => s.tokens),
        ...t.occupationTokens,
      ].join(' '),
    );
    c.createdBy.push(org.createdBy);
    c.publishedAt.push(new Date(published).toISOString());
  }
  return c;
}

const array = (values: unknown[]) => sql.param(values);

function insertStatement(c: Columns): SQL {
  return sql`insert into job_postings (id, org_id, region_code, title, description, occupation_code, required_skills, preferred_skills, education_code,
      experience_years_min, salary_min_fen, salary_max_fen, headcount, work_mode, valid_from, valid_until, is_digital, status, vetting, dedupe_key,
      search_tokens, created_by, created_at, updated_at, published_at)
    select id, org_id, region_code, title, description, occupation_code, required_skills::jsonb, '[]'::jsonb, education_code, experience, salary_min,
      salary_max, headcount, work_mode, valid_from, valid_until, is_digital, 'published', '{"findings":[]}'::jsonb, dedupe_key, tokens, created_by,
      published_at, published_at, published_at
    from unnest(${array(c.id)}::uuid[], ${array(c.orgId)}::uuid[], ${array(c.regionCode)}::text[], ${array(c.title)}::text[], ${array(c.description)}::text[],
      ${array(c.occupationCode)}::text[], ${array(c.requiredSkills)}::text[], ${array(c.educationCode)}::text[], ${array(c.experience)}::int[],
      ${array(c.salaryMin)}::int[], ${array(c.salaryMax)}::int[], ${array(c.headcount)}::int[], ${array(c.workMode)}::text[], ${array(c.validFrom)}::date[],
      ${array(c.validUntil)}::date[], ${array(c.isDigital)}::boolean[], ${array(c.dedupeKey)}::text[], ${array(c.tokens)}::text[],
      ${array(c.createdBy)}::uuid[], ${array(c.publishedAt)}::timestamptz[])
      as t(id, org_id, region_code, title, description, occupation_code, required_skills, education_code, experience, salary_min, salary_max, headcount,
        work_mode, valid_from, valid_until, is_digital, dedupe_key, tokens, created_by, published_at)`;
}

interface Org {
  id: string;
  regionCode: string;
  createdBy: string | null;
}

/** Inserts `count` published postings spread over the verified employers; 0 when there are none. */
export async function seedJobs(ctx: Ctx, count: number, progress: Progress): Promise<SeedJobsResult> {
  const orgs: Org[] = await ctx.db
    .select({ id: organisations.id, regionCode: organisations.regionCode, createdBy: organisations.createdBy })
    .from(organisations)
    .where(and(eq(organisations.kind, 'employer'), eq(organisations.status, 'verified')))
    .orderBy(organisations.id);
  const tpls = await templates(ctx);
  if (orgs.length === 0 || tpls.length === 0 || count <= 0) return { inserted: 0 };
  const sentenceTokens = SENTENCES.map((s) => searchTokens(s));
  const rng = mulberry32(0x10b5 + count);
  const now = ctx.now.getTime();
  let inserted = 0;
  progress(0, count, '岗位');
  while (inserted < count) {
    const size = Math.min(BATCH, count - inserted);
    await ctx.db.execute(insertStatement(buildBatch(rng, tpls, orgs, size, now, sentenceTokens)));
    inserted += size;
    progress(inserted, count, '岗位');
  }
  return { inserted };
}
