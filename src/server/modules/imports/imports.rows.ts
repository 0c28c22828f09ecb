/**
 * Row validation for imports: the same rules as the forms (GB 11643 ID check, phone, region, GB/T 4658
 * education, occupation 细类, salary in 分, the job field limits of src/shared/jobs.ts), applied to
 * text cells. Reference catalogues are loaded once per import into maps, so a row costs no query.
 */
import { eq } from 'drizzle-orm';
import { parseIdNumber, parsePhone, parseUscc } from '../../../shared/identifiers.js';
import { type ImportColumn, type ImportKind, importColumns, type RejectReason } from '../../../shared/imports.js';
import { CreateJob, type WorkMode } from '../../../shared/jobs.js';
import { EducationEntry } from '../../../shared/profiles.js';
import type { Ctx } from '../../context.js';
import { educationLevels, occupations, regions } from '../catalog/catalog.tables.js';

export interface Reference {
  regions: Set<string>;
  /** code or name (and common short names such as 本科, 大专) → code */
  education: Map<string, string>;
  /** level-4 occupation code → name and 数字职业 flag */
  occupations: Map<string, { name: string; isDigital: boolean }>;
}

/** Short names used on forms of the 5+2 outlets, mapped to the GB/T 4658 "graduated" code. */
const EDUCATION_SHORT: Record<string, string> = {
  博士: '11',
  博士研究生: '11',
  硕士: '14',
  硕士研究生: '14',
  研究生: '14',
  本科: '21',
  大学本科: '21',
  大专: '31',
  专科: '31',
  大学专科: '31',
  中专: '41',
  职高: '44',
  技校: '47',
  高中: '61',
  初中: '71',
  小学: '81',
};

export async function loadReference(ctx: Pick<Ctx, 'db'>): Promise<Reference> {
  const [regionRows, eduRows, occRows] = await Promise.all([
    ctx.db.select({ code: regions.code }).from(regions),
    ctx.db.select({ code: educationLevels.code, name: educationLevels.name }).from(educationLevels),
    ctx.db.select({ code: occupations.code, name: occupations.name, isDigital: occupations.isDigital }).from(occupations).where(eq(occupations.level, 4)),
  ]);
  const education = new Map<string, string>();
  for (const r of eduRows) {
    education.set(r.code, r.code);
    education.set(r.name, r.code);
  }
  for (const [name, code] of Object.entries(EDUCATION_SHORT)) if (!education.has(name) && education.has(code)) education.set(name, code);
  return {
    regions: new Set(regionRows.map((r) => r.code)),
    education,
    occupations: new Map(occRows.map((o) => [o.code, { name: o.name, isDigital: o.isDigital }])),
  };
}

// ------------------------------------------------------------------------------------------ headers

const headerKey = (h: string) => h.normalize('NFKC').replace(/[*\s]/g, '').replace(/（/g, '(').replace(/）/g, ')').toLowerCase();

export interface HeaderMap {
  /** column key → cell index */
  index: Map<string, number>;
  missing: string[];
}

/** Maps the file's header row to column keys by header or alias; lists the required headers absent. */
export function mapHeader(kind: ImportKind, header: readonly string[]): HeaderMap {
  const byName = new Map<string, ImportColumn>();
  for (const c of importColumns(kind)) for (const h of [c.header, ...(c.aliases ?? [])]) byName.set(headerKey(h), c);
  const index = new Map<string, number>();
  header.forEach((h, i) => {
    const c = byName.get(headerKey(h));
    if (c && !index.has(c.key)) index.set(c.key, i);
  });
  const missing = importColumns(kind)
    .filter((c) => c.required && !index.has(c.key))
    .map((c) => c.header);
  return { index, missing };
}

// ---------------------------------------------------------------------------------------- cell values

export type Cells = (key: string) => string;

// biome-ignore lint/suspicious/noControlCharactersInRegex: removing them is the point
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

export function cellReader(map: HeaderMap, cells: readonly string[]): Cells {
  return (key) => {
    const i = map.index.get(key);
    // control characters (NUL above all, which PostgreSQL text refuses) never reach the database
    return i === undefined ? '' : (cells[i] ?? '').replace(CONTROL, '').normalize('NFKC').trim();
  };
}

/** 元 text → 分: "8000", "8,000元", "8k", "8千", "0.8万", "¥8000/月". null when not an amount. */
export function parseYuanToFen(raw: string): number | null {
  const s = raw
    .normalize('NFKC')
    .replace(/[\s,¥￥]|人民币|元|\/月|每月|月/g, '')
    .toLowerCase();
  const m = /^(\d+(?:\.\d+)?)(k|千|w|万)?$/.exec(s);
  if (!m) return null;
  const mult = m[2] === 'k' || m[2] === '千' ? 1000 : m[2] === 'w' || m[2] === '万' ? 10_000 : 1;
  const fen = Math.round(Number(m[1]) * mult * 100);
  return Number.isSafeInteger(fen) && fen <= 100_000_000 ? fen : null;
}

const EXCEL_EPOCH = Date.UTC(1899, 11, 30);

/** YYYY-MM-DD, YYYY/M/D, YYYY.M.D, YYYY年M月D日 or an Excel day serial → YYYY-MM-DD; null otherwise. */
export function parseDate(raw: string): string | null {
  let y: number;
  let mo: number;
  let d: number;
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(raw);
  if (m) {
    y = Number(m[1]);
    mo = Number(m[2]);
    d = Number(m[3]);
  } else if (/^\d{5}$/.test(raw)) {
    const dt = new Date(EXCEL_EPOCH + Number(raw) * 86_400_000);
    y = dt.getUTCFullYear();
    mo = dt.getUTCMonth() + 1;
    d = dt.getUTCDate();
  } else return null;
  const dt = new Date(Date.UTC(y, mo - 1, d));
  if (dt.getUTCFullYear() !== y || dt.getUTCMonth() !== mo - 1 || dt.getUTCDate() !== d || y < 2000 || y > 2100) return null;
  return `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

export function splitList(raw: string): string[] {
  return raw
    .split(/[、,，;；|\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

function intIn(raw: string, min: number, max: number): number | null {
  if (!/^\d{1,6}$/.test(raw)) return null;
  const n = Number(raw);
  return n >= min && n <= max ? n : null;
}

const len = (s: string) => [...s].length;

// ------------------------------------------------------------------------------------------- talents

export interface TalentRow {
  name: string;
  idNumber: string;
  phone: string;
  regionCode: string;
  education: { educationCode: string; school: string; major: string; graduationYear: number } | null;
  skills: string[];
  desiredOccupations: string[];
  desiredCities: string[];
  desiredSalaryMinFen: number | null;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; reasons: RejectReason[] };

/** `inScope` says whether a region code lies in the importer's jurisdiction. */
export function checkTalentRow(get: Cells, ref: Reference, inScope: (code: string) => boolean, year: number): Checked<TalentRow> {
  const reasons = new Set<RejectReason>();
  const name = get('name');
  const idRaw = get('idNumber');
  const phoneRaw = get('phone');
  const regionCode = get('regionCode');
  if (!name || !idRaw || !phoneRaw || !regionCode) reasons.add('required');
  if (name && (len(name) < 2 || len(name) > 30 || /\d/.test(name))) reasons.add('name_invalid');
  let idNumber = '';
  if (idRaw) {
    const p = parseIdNumber(idRaw);
    if (p.ok) idNumber = p.value;
    else reasons.add(p.error === 'PI_ID_NUMBER_CHECKSUM' ? 'id_number_checksum' : p.error === 'PI_ID_NUMBER_LEGACY' ? 'id_number_legacy' : 'id_number_invalid');
  }
  let phone = '';
  if (phoneRaw) {
    const p = parsePhone(phoneRaw);
    if (p.ok) phone = p.value;
    else reasons.add('phone_invalid');
  }
  if (regionCode) {
    if (!ref.regions.has(regionCode)) reasons.add('region_unknown');
    else if (!inScope(regionCode)) reasons.add('region_outside');
  }
  let education: TalentRow['education'] = null;
  const eduRaw = get('education');
  const school = get('school');
  const major = get('major');
  const yearRaw = get('graduationYear');
  if (eduRaw || school || yearRaw) {
    const educationCode = ref.education.get(eduRaw);
    const graduationYear = intIn(yearRaw, 1950, year + 6);
    if (!eduRaw || !school || !yearRaw) reasons.add('education_incomplete');
    else if (!educationCode) reasons.add('education_unknown');
    if (school && (len(school) < 2 || len(school) > 60)) reasons.add('school_invalid');
    if (yearRaw && graduationYear === null) reasons.add('graduation_year_invalid');
    if (len(major) > 60) reasons.add('too_long');
    if (educationCode && school && graduationYear !== null) {
      const entry = EducationEntry.safeParse({ educationCode, school, major, graduationYear });
      if (entry.success) education = entry.data;
      else reasons.add('school_invalid');
    }
  }
  const skills = splitList(get('skills'));
  if (skills.length > 30 || skills.some((s) => len(s) > 40)) reasons.add('skills_invalid');
  const desiredOccupations = [...new Set(splitList(get('desiredOccupations')))];
  if (desiredOccupations.length > 5 || desiredOccupations.some((c) => !ref.occupations.has(c))) reasons.add('occupation_unknown');
  const desiredCities = [...new Set(splitList(get('desiredCities')))];
  if (desiredCities.length > 5 || desiredCities.some((c) => !ref.regions.has(c))) reasons.add('desired_city_unknown');
  const salaryRaw = get('desiredSalary');
  const desiredSalaryMinFen = salaryRaw ? parseYuanToFen(salaryRaw) : null;
  if (salaryRaw && desiredSalaryMinFen === null) reasons.add('salary_invalid');
  if (reasons.size) return { ok: false, reasons: [...reasons] };
  return { ok: true, value: { name, idNumber, phone, regionCode, education, skills, desiredOccupations, desiredCities, desiredSalaryMinFen } };
}

// ---------------------------------------------------------------------------------------------- jobs

export interface JobRow {
  uscc: string;
  externalId: string;
  title: string;
  description: string;
  occupationCode: string;
  regionCode: string;
  salaryMinFen: number;
  salaryMaxFen: number;
  educationCode: string | null;
  experienceYearsMin: number;
  headcount: number;
  workMode: WorkMode;
  validFrom: string;
  validUntil: string;
  requiredSkills: string[];
  preferredSkills: string[];
}

/** A CreateJob issue's field → the reason code of the column it came from. */
const FORM_FIELD_REASON: Record<string, RejectReason> = {
  title: 'title_invalid',
  description: 'description_invalid',
  occupationCode: 'occupation_unknown',
  regionCode: 'region_unknown',
  requiredSkills: 'skills_invalid',
  preferredSkills: 'skills_invalid',
  educationCode: 'education_unknown',
  experienceYearsMin: 'experience_invalid',
  salaryMinFen: 'salary_range',
  salaryMaxFen: 'salary_invalid',
  headcount: 'headcount_invalid',
  workMode: 'work_mode_invalid',
  validFrom: 'date_invalid',
  validUntil: 'date_range',
};

const WORK_MODES: Record<string, WorkMode> = {
  现场: 'on_site',
  坐班: 'on_site',
  全职: 'on_site',
  on_site: 'on_site',
  远程: 'remote',
  remote: 'remote',
  混合: 'hybrid',
  hybrid: 'hybrid',
};

/**
 * Field checks of a posting row. The organisation and an empty occupation code are resolved by the
 * caller (they need the database and the classifier); `occupationCode` is '' then.
 */
export function checkJobRow(get: Cells, ref: Reference, today: string, addDays: (d: string, n: number) => string): Checked<JobRow> {
  const reasons = new Set<RejectReason>();
  const title = get('title');
  const description = get('description');
  const regionCode = get('regionCode');
  const minRaw = get('salaryMin');
  const maxRaw = get('salaryMax');
  if (!title || !description || !regionCode || !minRaw || !maxRaw) reasons.add('required');
  if (title && (len(title) < 2 || len(title) > 60)) reasons.add('title_invalid');
  if (description && (len(description) < 10 || len(description) > 5000)) reasons.add('description_invalid');
  const uscc = get('uscc');
  if (uscc && !parseUscc(uscc).ok) reasons.add('uscc_invalid');
  const externalId = get('externalId');
  if (len(externalId) > 64) reasons.add('external_id_invalid');
  const occupationCode = get('occupationCode');
  if (occupationCode && !ref.occupations.has(occupationCode)) reasons.add('occupation_unknown');
  if (regionCode && !ref.regions.has(regionCode)) reasons.add('region_unknown');
  const salaryMinFen = minRaw ? parseYuanToFen(minRaw) : null;
  const salaryMaxFen = maxRaw ? parseYuanToFen(maxRaw) : null;
  if ((minRaw && salaryMinFen === null) || (maxRaw && salaryMaxFen === null)) reasons.add('salary_invalid');
  else if (salaryMinFen !== null && salaryMaxFen !== null && salaryMinFen > salaryMaxFen) reasons.add('salary_range');
  const eduRaw = get('education');
  const educationCode = eduRaw ? (ref.education.get(eduRaw) ?? null) : null;
  if (eduRaw && !educationCode) reasons.add('education_unknown');
  const expRaw = get('experience');
  const experienceYearsMin = expRaw ? intIn(expRaw, 0, 30) : 0;
  if (experienceYearsMin === null) reasons.add('experience_invalid');
  const hcRaw = get('headcount');
  const headcount = hcRaw ? intIn(hcRaw, 1, 9999) : 1;
  if (headcount === null) reasons.add('headcount_invalid');
  const modeRaw = get('workMode');
  const workMode = modeRaw ? WORK_MODES[modeRaw.toLowerCase()] : 'on_site';
  if (!workMode) reasons.add('work_mode_invalid');
  const fromRaw = get('validFrom');
  const untilRaw = get('validUntil');
  const validFrom = fromRaw ? parseDate(fromRaw) : today;
  const validUntil = untilRaw ? parseDate(untilRaw) : validFrom ? addDays(validFrom, 30) : null;
  if (!validFrom || !validUntil) reasons.add('date_invalid');
  else if (validFrom > validUntil) reasons.add('date_range');
  const requiredSkills = splitList(get('requiredSkills'));
  const preferredSkills = splitList(get('preferredSkills'));
  if ([requiredSkills, preferredSkills].some((l) => l.length > 20 || l.some((s) => len(s) > 40))) reasons.add('skills_invalid');
  if (reasons.size) return { ok: false, reasons: [...reasons] };
  // the posting form's own schema has the last word (a placeholder code stands in for one still to classify)
  const asForm = CreateJob.safeParse({
    title,
    description,
    occupationCode: occupationCode || '0-00-00-00',
    regionCode,
    requiredSkills: requiredSkills.map((name) => ({ name })),
    preferredSkills: preferredSkills.map((name) => ({ name })),
    educationCode,
    experienceYearsMin,
    salaryMinFen,
    salaryMaxFen,
    headcount,
    workMode,
    validFrom,
    validUntil,
  });
  if (!asForm.success) return { ok: false, reasons: [...new Set(asForm.error.issues.map((i) => FORM_FIELD_REASON[String(i.path[0])] ?? 'too_long'))] };
  return {
    ok: true,
    value: {
      uscc: uscc ? (parseUscc(uscc) as { value: string }).value : '',
      externalId,
      title,
      description,
      occupationCode,
      regionCode,
      salaryMinFen: salaryMinFen as number,
      salaryMaxFen: salaryMaxFen as number,
      educationCode,
      experienceYearsMin: experienceYearsMin as number,
      headcount: headcount as number,
      workMode: workMode as WorkMode,
      validFrom: validFrom as string,
      validUntil: validUntil as string,
      requiredSkills,
      preferredSkills,
    },
  };
}
