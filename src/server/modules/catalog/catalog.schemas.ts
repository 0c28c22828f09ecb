/**
 * Zod schemas of the catalogue API: query strings (with their bounds) and response shapes.
 * No Node or Fastify imports, so the web app can share them.
 */
import { z } from 'zod';

// ---------------------------------------------------------------- query strings

const Q = z.string().trim().max(50).optional();
const Page = {
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
};
const BooleanString = z.enum(['true', 'false']).transform((value) => value === 'true');

/** 大类 '2', 中类 '2-02', 小类 '2-02-38', 细类 '2-02-38-01'. */
export const OccupationCode = z.string().regex(/^[1-8](-\d{2}){0,3}$/);

export const RegionLevel = z.enum(['province', 'city', 'county', 'special']);
export const IndustryLevel = z.enum(['section', 'division', 'group', 'class']);

export const RegionQuery = z.object({
  level: RegionLevel.optional(),
  parentCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
});

export const OccupationQuery = z.object({
  q: Q,
  prefix: OccupationCode.optional(),
  digital: BooleanString.optional(),
  level: z.coerce.number().int().min(1).max(4).optional(),
  /** Re-coded (superseded) 2022 codes are hidden unless asked for. */
  includeSuperseded: BooleanString.optional(),
  ...Page,
});

export const IndustryQuery = z.object({
  q: Q,
  level: IndustryLevel.optional(),
  parentCode: z
    .string()
    .regex(/^([A-T]|\d{2,3})$/)
    .optional(),
  ...Page,
});

export const SkillQuery = z.object({
  q: Q,
  clusterId: z
    .string()
    .regex(/^[a-z0-9-]{1,40}$/)
    .optional(),
  direction: z
    .string()
    .regex(/^[a-z_]{1,30}$/)
    .optional(),
  ...Page,
});

// ---------------------------------------------------------------- responses

export const Region = z.object({
  code: z.string(),
  name: z.string(),
  level: RegionLevel,
  parentCode: z.string().nullable(),
  kind: z.string(),
  note: z.string().nullable(),
});

export const Occupation = z.object({
  code: z.string(),
  level: z.number().int(),
  name: z.string(),
  parentCode: z.string().nullable(),
  gbmCode: z.string().nullable(),
  isDigital: z.boolean(),
  isGreen: z.boolean(),
  in2022Edition: z.boolean(),
  /** current | added_after_2022_edition | recoded_after_2022_edition | superseded_by_<code> */
  status: z.string(),
  addedBatch: z.string().nullable(),
});

export const OccupationDetail = z.object({
  occupation: Occupation,
  ancestors: z.array(Occupation),
  children: z.array(Occupation),
});

export const Industry = z.object({
  code: z.string(),
  level: IndustryLevel,
  name: z.string(),
  parentCode: z.string().nullable(),
  section: z.string(),
  remark: z.string().nullable(),
});

export const EducationLevel = z.object({
  code: z.string(),
  name: z.string(),
  parentCode: z.string().nullable(),
  isCategory: z.boolean(),
});

export const SkillLevel = z.object({
  scheme: z.string(),
  levelCode: z.string(),
  rank: z.number().int(),
  nameNumeric: z.string(),
  nameTraditional: z.string(),
});

export const Skill = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  clusterId: z.string(),
  direction: z.string(),
  parentId: z.string().nullable(),
  aliasesZh: z.array(z.string()),
});

export const SkillCluster = z.object({
  id: z.string(),
  nameZh: z.string(),
  nameEn: z.string(),
  direction: z.string(),
  skillCount: z.number().int(),
});

const GroupCount = z.object({ code: z.string(), name: z.string(), count: z.number().int() });
export const DigitalOccupationSummary = z.object({
  total: z.number().int(),
  byMajor: z.array(GroupCount),
  byMid: z.array(GroupCount),
});

export const CatalogSource = z.object({
  id: z.string(),
  title: z.string(),
  titleEn: z.string(),
  publisher: z.string(),
  licence: z.string(),
  url: z.string().optional(),
  attribution: z.string().optional(),
  files: z.array(z.string()),
  note: z.string(),
});

export const itemsOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item) });
export const pageOf = <T extends z.ZodType>(item: T) => z.object({ items: z.array(item), total: z.number().int() });
