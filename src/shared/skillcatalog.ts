/**
 * 技能目录 (skill catalogues): 重点产业职业培训需求指导目录, 急需紧缺职业(工种)目录 and 职业培训补贴目录, versioned
 * with effective dates. The version workflow and request schemas, shared by the server and the web app.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const CatalogueKind = z.enum(['key_industry_demand', 'shortage', 'training_subsidy']);
export type CatalogueKind = z.infer<typeof CatalogueKind>;

export const CatalogueVersionStatus = z.enum(['draft', 'published', 'discarded']);
export type CatalogueVersionStatus = z.infer<typeof CatalogueVersionStatus>;

/**
 * A version is edited as a draft and published by an official of its region (人社); publishing closes the
 * previous published version of the same kind and region the day before the new one takes effect.
 */
export const catalogueVersionWorkflow = defineWorkflow({
  name: 'catalogue_version',
  states: CatalogueVersionStatus.options,
  initial: 'draft',
  transitions: {
    publish: { from: ['draft'], to: 'published', roles: ['official'] },
    discard: { from: ['draft'], to: 'discarded', roles: ['official'], reason: 'optional' },
  },
});
export type CatalogueVersionAction = keyof typeof catalogueVersionWorkflow.transitions;

/** 五级 '5' … 一级 '1' (five_level scheme of table skill_levels). */
export const LevelCode = z.enum(['5', '4', '3', '2', '1']);
export type LevelCode = z.infer<typeof LevelCode>;

export const IsoDate = z.iso.date();
export const OccupationCode = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/);
const RegionCode = z.string().regex(/^\d{6}$/);

/** Largest subsidy standard accepted (100,000 元 per person and level), a guard against typing 分 for 元. */
export const MAX_SUBSIDY_FEN = 10_000_000;

export const CreateVersion = z.object({
  kind: CatalogueKind,
  /** The province (360000) or a city; defaults to the official's own region. */
  regionCode: RegionCode.optional(),
  label: z.string().trim().min(4).max(80),
  documentNo: z.string().trim().max(60).nullable().optional(),
  effectiveFrom: IsoDate,
  note: z.string().trim().max(500).nullable().optional(),
  /** Start from the entries of this version (any kind-matching version the official can see). */
  copyFrom: z.uuid().optional(),
});
export type CreateVersion = z.infer<typeof CreateVersion>;

export const UpdateVersion = z.object({
  label: z.string().trim().min(4).max(80).optional(),
  documentNo: z.string().trim().max(60).nullable().optional(),
  effectiveFrom: IsoDate.optional(),
  note: z.string().trim().max(500).nullable().optional(),
});
export type UpdateVersion = z.infer<typeof UpdateVersion>;

export const EntryInput = z.object({
  occupationCode: OccupationCode,
  workType: z.string().trim().max(40).default(''),
  levelCode: LevelCode.or(z.literal('')).default(''),
  subsidyFen: z.number().int().min(0).max(MAX_SUBSIDY_FEN).nullable().default(null),
  note: z.string().trim().max(200).nullable().optional(),
});
export type EntryInput = z.infer<typeof EntryInput>;

export const InForceQuery = z.object({
  kind: CatalogueKind,
  regionCode: RegionCode.default('360000'),
  on: IsoDate.optional(),
  digitalOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const DiffQuery = z.object({ from: z.uuid(), to: z.uuid() });

export const VersionListQuery = z.object({
  kind: CatalogueKind.optional(),
  regionCode: RegionCode.optional(),
  status: CatalogueVersionStatus.optional(),
});

export const TransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

/** Column headers of the Excel import/export (the template). */
export const CATALOGUE_SHEET_COLUMNS = ['职业编码', '职业名称', '工种', '等级', '补贴标准（元）', '数字职业', '备注'] as const;

/** Row-level import problems; translated by the web app (skillcatalog.importError.<code>). */
export const ImportRowError = z.enum([
  'occupation_required',
  'occupation_unknown',
  'occupation_not_detailed',
  'level_invalid',
  'level_required',
  'subsidy_required',
  'subsidy_invalid',
  'subsidy_not_allowed',
  'work_type_too_long',
  'duplicate',
  'note_too_long',
]);
export type ImportRowError = z.infer<typeof ImportRowError>;
