/**
 * Synthetic 求职者档案 for seeded talents (demo data and benchmarks): about 60% of generated talents get
 * a profile, and of those about 45% open it to verified employers and 20% make it public, so the talent
 * pool is not empty. Content is a pure function of the talent's number (t0000123 → 123): a digital job
 * title with its occupation (looked up by name, skipped when missing), skills from the taxonomy, an
 * education entry at a Jiangxi school, work history and wishes near home. One INSERT … SELECT FROM
 * unnest($arrays) per batch; segmentation is memoised (the texts come from small fixed lists).
 */
import { and, eq, gt, inArray, sql } from 'drizzle-orm';
import type { JobSkill, SkillProficiency } from '../../../shared/jobs.js';
import type { EducationEntry, ProfileVisibility, WorkEntry } from '../../../shared/profiles.js';
import type { Ctx } from '../../context.js';
import type { Progress } from '../../lib/progress.js';
import { mulberry32, type Rng } from '../../lib/random.js';
import { cityOf } from '../access/region-scope.js';
import { users } from '../auth/auth.tables.js';
import { occupations, skills } from '../catalog/catalog.tables.js';
import { searchTokens } from '../jobs/jobs.segment.js';
import { profileSearchTokens } from './profiles.search.js';
import type { StoredCertificate } from './profiles.tables.js';
import { talentProfiles } from './profiles.tables.js';

/** [job title, occupation name in 职业分类大典, skill ids, major, typical monthly salary in 元]. */
const TRACKS: readonly [string, string, readonly string[], string, number][] = [
  ['大数据开发工程师', '大数据工程技术人员', ['hadoop', 'spark', 'java', 'sql'], '数据科学与大数据技术', 13000],
  ['数据分析师', '数据分析处理工程技术人员', ['python', 'sql'], '统计学', 10000],
  ['Java开发工程师', '计算机软件工程技术人员', ['java', 'mysql', 'linux'], '软件工程', 11000],
  ['前端开发工程师', '计算机软件工程技术人员', ['javascript'], '计算机科学与技术', 10000],
  ['人工智能训练师', '人工智能训练师', ['python'], '人工智能', 7000],
  ['算法工程师', '人工智能工程技术人员', ['python', 'tensorflow'], '人工智能', 18000],
  ['网络安全工程师', '信息安全工程技术人员', ['linux'], '网络空间安全', 12000],
  ['云计算运维工程师', '云计算工程技术人员', ['linux', 'docker', 'kubernetes'], '计算机网络技术', 10000],
  ['软件测试工程师', '计算机软件测试员', ['python', 'sql'], '软件技术', 8000],
  ['电子商务运营', '电子商务师', [], '电子商务', 6000],
  ['新媒体运营专员', '全媒体运营师', [], '网络与新媒体', 6000],
  ['商务数据分析师', '商务数据分析师', ['sql', 'python'], '市场营销', 8000],
];
const SCHOOLS = [
  '南昌大学',
  '江西师范大学',
  '江西财经大学',
  '华东交通大学',
  '江西理工大学',
  '南昌航空大学',
  '东华理工大学',
  '赣南师范大学',
  '九江学院',
  '江西科技师范大学',
];
const COLLEGES = ['江西信息应用职业技术学院', '江西应用技术职业学院', '赣州职业技术学院', '九江职业技术学院', '江西工业职业技术学院', '江西制造职业技术学院'];
const EMPLOYERS = [
  '赣州云智信息技术有限公司',
  '南昌数联科技有限公司',
  '九江恒通软件有限公司',
  '上饶星辰网络科技有限公司',
  '吉安创达电子有限公司',
  '宜春智汇数据服务有限公司',
];
/** GB/T 4658 codes with weights; colleges for 专科 and below. */
const EDUCATION: readonly [string, number][] = [
  ['14', 6],
  ['21', 38],
  ['31', 34],
  ['41', 10],
  ['61', 8],
  ['11', 1],
];
const LEVELS: readonly SkillProficiency[] = ['aware', 'familiar', 'familiar', 'proficient', 'proficient', 'expert'];
const PROFILE_SHARE = 0.6;
const BATCH = 1000;

function weighted<T>(rng: Rng, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((s, [, w]) => s + w, 0);
  let x = rng() * total;
  for (const [v, w] of entries) {
    x -= w;
    if (x < 0) return v;
  }
  return entries[entries.length - 1]?.[0] as T;
}
const pickOne = <T>(rng: Rng, items: readonly T[]): T => items[Math.floor(rng() * items.length)] as T;
const month = (y: number, m: number) => `${y}-${String(m).padStart(2, '0')}`;

interface Track {
  title: string;
  occupation: { code: string; name: string };
  skills: JobSkill[];
  major: string;
  salary: number;
}

async function tracks(ctx: Ctx): Promise<Track[]> {
  const occ = await ctx.db
    .select({ code: occupations.code, name: occupations.name })
    .from(occupations)
    .where(
      and(
        eq(occupations.level, 4),
        inArray(
          occupations.name,
          TRACKS.map((t) => t[1]),
        ),
      ),
    );
  const skillRows = await ctx.db
    .select({ id: skills.id, name: skills.nameZh })
    .from(skills)
    .where(inArray(skills.id, [...new Set(TRACKS.flatMap((t) => t[2]))]));
  const skillName = new Map(skillRows.map((s) => [s.id, s.name]));
  const out: Track[] = [];
  for (const [title, occName, ids, major, salary] of TRACKS) {
    const occupation = occ.find((o) => o.name === occName);
    if (!occupation) continue;
    const known = ids.filter((id) => skillName.has(id)).map((id) => ({ skillId: id, name: skillName.get(id) as string, level: null }));
    out.push({ title, occupation, skills: known, major, salary });
  }
  return out;
}

interface Talent {
  id: string;
  username: string;
  regionCode: string;
  createdAt: Date;
}

function buildProfile(t: Talent, track: Track, rng: Rng, now: Date) {
  const educationCode = weighted(rng, EDUCATION);
  const graduationYear = 2008 + Math.floor(rng() * 18);
  const education: EducationEntry[] = [
    { educationCode, school: pickOne(rng, educationCode < '30' ? SCHOOLS : COLLEGES), major: educationCode >= '60' ? '' : track.major, graduationYear },
  ];
  const workHistory: WorkEntry[] = [];
  let year = graduationYear;
  const jobs = Math.floor(rng() * 3);
  for (let i = 0; i < jobs && year < now.getUTCFullYear(); i++) {
    const last = i === jobs - 1;
    const end = Math.min(now.getUTCFullYear(), year + 1 + Math.floor(rng() * 4));
    workHistory.push({
      employerName: pickOne(rng, EMPLOYERS),
      title: i === 0 && jobs > 1 ? `${track.title}助理` : track.title,
      fromMonth: month(year, 7),
      toMonth: last && rng() < 0.5 ? null : month(end, 6),
      description: '',
    });
    year = end;
  }
  const skillList: JobSkill[] = track.skills.filter(() => rng() < 0.8).map((s) => ({ ...s, level: pickOne(rng, LEVELS) }));
  const certificates: StoredCertificate[] =
    rng() < 0.25 ? [{ name: `${track.occupation.name}（四级）`, number: '', issuer: '江西省职业技能鉴定指导中心', issuedOn: null, verified: false }] : [];
  const home = cityOf(t.regionCode) ?? t.regionCode;
  const desiredCities = [...new Set([home, ...(rng() < 0.3 ? ['360100'] : [])])];
  const visibility: ProfileVisibility = weighted(rng, [
    ['private', 35],
    ['employers', 45],
    ['public', 20],
  ]);
  const updatedAt = new Date(t.createdAt.getTime() + Math.floor(rng() * Math.max(1, now.getTime() - t.createdAt.getTime())));
  return {
    education,
    workHistory,
    skills: skillList,
    certificates,
    desiredOccupations: [track.occupation.code],
    desiredCities,
    desiredSalaryMinFen: Math.round((track.salary * (0.7 + rng() * 0.5)) / 500) * 500 * 100,
    visibility,
    updatedAt,
  };
}

/** Adds profiles for generated talents (usernames t0000000…) that have none; returns how many. */
export async function seedProfiles(ctx: Ctx, progress: Progress): Promise<{ inserted: number }> {
  const tpls = await tracks(ctx);
  if (tpls.length === 0) return { inserted: 0 };
  const memo = new Map<string, string[]>();
  const segment = (text: string) => {
    let tokens = memo.get(text);
    if (!tokens) {
      tokens = searchTokens(text);
      memo.set(text, tokens);
    }
    return tokens;
  };
  let after = 't';
  let inserted = 0;
  for (;;) {
    // the next generated talents by username (an index walk), then which of them already have a profile
    // (by primary key): an anti-join here was planned as a scan of every profile per batch once the
    // table grew past its statistics (quadratic at province size)
    const batch: Talent[] = await ctx.db
      .select({ id: users.id, username: users.username, regionCode: users.regionCode, createdAt: users.createdAt })
      .from(users)
      .where(and(gt(users.username, after), sql`${users.username} ~ '^t[0-9]{7}$'`, eq(users.role, 'talent')))
      .orderBy(users.username)
      .limit(BATCH * 2);
    if (batch.length === 0) break;
    after = batch[batch.length - 1]?.username ?? after;
    const existing = new Set(
      (
        await ctx.db
          .select({ id: talentProfiles.userId })
          .from(talentProfiles)
          .where(
            inArray(
              talentProfiles.userId,
              batch.map((t) => t.id),
            ),
          )
      ).map((r) => r.id),
    );
    const rows = batch.flatMap((t) => {
      if (existing.has(t.id)) return [];
      const rng = mulberry32(0x5eed9 ^ Math.imul(Number(t.username.slice(1)), 0x9e3779b1));
      if (rng() >= PROFILE_SHARE) return [];
      const track = pickOne(rng, tpls);
      const p = buildProfile(t, track, rng, ctx.now);
      const tokens = profileSearchTokens(p, new Map([[track.occupation.code, track.occupation.name]]), ctx.now, segment);
      return [{ ...p, userId: t.id, regionCode: t.regionCode, createdAt: t.createdAt, searchTokens: tokens }];
    });
    if (rows.length) {
      const done = await ctx.db.insert(talentProfiles).values(rows).onConflictDoNothing().returning({ id: talentProfiles.userId });
      inserted += done.length;
    }
    progress(inserted, inserted, '档案');
  }
  return { inserted };
}
