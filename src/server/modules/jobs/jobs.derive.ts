/**
 * Values derived from what the employer typed: catalogue-matched skills, the 数字岗位 flag, the
 * duplicate key, the vetting findings and the search tokens.
 */
import { AppError } from '../../../shared/errors.js';
import type { JobSkill, SkillInput } from '../../../shared/jobs.js';
import type { Ctx } from '../../context.js';
import type { Db } from '../../db/client.js';
import { skills } from '../catalog/catalog.tables.js';
import { indexTokens } from './jobs.segment.js';
import type { JobVetting } from './jobs.tables.js';
import { vet } from './jobs.vetting.js';

interface SkillRef {
  id: string;
  nameZh: string;
}
interface SkillIndex {
  byId: Map<string, SkillRef>;
  byName: Map<string, SkillRef>;
}

/** The skills catalogue changes only when reference data load at start-up; one index per database handle. */
const indexes = new WeakMap<Db, Promise<SkillIndex>>();

function nameKey(name: string): string {
  return name.normalize('NFKC').trim().replace(/\s+/g, ' ').toLowerCase();
}

async function buildIndex(db: Db): Promise<SkillIndex> {
  const rows = await db.select({ id: skills.id, nameZh: skills.nameZh, nameEn: skills.nameEn, aliasesZh: skills.aliasesZh }).from(skills);
  const byId = new Map<string, SkillRef>();
  const byName = new Map<string, SkillRef>();
  for (const r of rows) {
    const ref = { id: r.id, nameZh: r.nameZh };
    byId.set(r.id, ref);
    // first writer wins, in the order: id, Chinese name, English name, aliases
    for (const key of [r.id, r.nameZh, r.nameEn, ...r.aliasesZh].map(nameKey)) if (key && !byName.has(key)) byName.set(key, ref);
  }
  return { byId, byName };
}

export function skillIndex(ctx: Pick<Ctx, 'db'>): Promise<SkillIndex> {
  let index = indexes.get(ctx.db);
  if (!index) {
    index = buildIndex(ctx.db);
    indexes.set(ctx.db, index);
  }
  return index;
}

/**
 * Catalogue skills are matched by id, Chinese or English name (case-insensitive) or a Chinese alias and
 * stored with their id and Chinese name; anything else is kept as free text (NFKC, trimmed, single spaces).
 * Duplicates are dropped. An unknown skillId is a 400 naming the field.
 */
export async function normaliseSkills(ctx: Pick<Ctx, 'db'>, inputs: readonly SkillInput[], field: string): Promise<JobSkill[]> {
  const index = await skillIndex(ctx);
  const out: JobSkill[] = [];
  const seen = new Set<string>();
  inputs.forEach((input, i) => {
    let skill: JobSkill;
    if (input.skillId) {
      const ref = index.byId.get(input.skillId);
      if (!ref) throw new AppError('CATALOG_UNKNOWN_CODE', { status: 400, params: { field: `${field}.${i}.skillId`, code: input.skillId } });
      skill = { skillId: ref.id, name: ref.nameZh, level: input.level ?? null };
    } else {
      const name = (input.name ?? '').normalize('NFKC').trim().replace(/\s+/g, ' ');
      const ref = index.byName.get(nameKey(name));
      skill = ref ? { skillId: ref.id, name: ref.nameZh, level: input.level ?? null } : { skillId: null, name, level: input.level ?? null };
    }
    const key = skill.skillId ?? `free:${nameKey(skill.name)}`;
    if (!skill.name || seen.has(key)) return;
    seen.add(key);
    out.push(skill);
  });
  return out;
}

/**
 * 数字岗位: the occupation is a 数字职业 (S mark in 职业分类大典), or at least one *required* skill is a
 * catalogue skill (every skill in the taxonomy is a digital skill). Preferred and free-text skills do
 * not count, so a posting cannot become digital through a wish list or an unchecked word.
 */
export function isDigitalJob(occupationIsDigital: boolean, requiredSkills: readonly JobSkill[]): boolean {
  return occupationIsDigital || requiredSkills.some((s) => s.skillId !== null);
}

const SALARY_TEXT =
  /(?:月薪|年薪|薪资|薪酬|底薪|工资)?\s*\d+(?:\.\d+)?\s*(?:[-~～至到]\s*\d+(?:\.\d+)?)?\s*(?:k|w|千|万|元)(?:\s*[/每]\s*月)?(?:\s*[·x*×]\s*\d+\s*薪)?|(?:薪资|工资)?面议/giu;

/** The duplicate key: title without spaces, punctuation or salary text, with the occupation and region. */
export function dedupeKey(title: string, occupationCode: string, regionCode: string): string {
  const core = title
    .normalize('NFKC')
    .toLowerCase()
    .replace(SALARY_TEXT, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
  return `${occupationCode}|${regionCode}|${core}`;
}

export function vetPosting(title: string, description: string): JobVetting {
  return {
    findings: [...vet(title).map((f) => ({ ...f, field: 'title' as const })), ...vet(description).map((f) => ({ ...f, field: 'description' as const }))],
  };
}

export function postingTokens(p: { title: string; description: string; requiredSkills: JobSkill[]; preferredSkills: JobSkill[] }, occupationName: string) {
  return indexTokens({
    title: p.title,
    description: p.description,
    skills: [...p.requiredSkills, ...p.preferredSkills].map((s) => s.name),
    occupationName,
  });
}
