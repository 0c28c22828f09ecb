/**
 * 高层次人才认定 (measure 十九), 人才计划 and 柔性引才 (measure 一), 博士后站 and 创新实践基地 (measure 四).
 * States, workflows and request schemas, shared by the server (applyTransition) and the web app
 * (buttons from allowedActions). Categories, criteria, time limits and benefits are data (tables,
 * seeded from RECOGNITION_DEMO_CATEGORIES), not code.
 */
import { z } from 'zod';
import type { Department } from './roles.js';
import { defineWorkflow } from './workflow.js';

/** Materials: PDF, PNG or JPEG (type taken from the first bytes, never from the name), at most 10 MB each. */
export const MATERIAL_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export const MATERIAL_MAX_BYTES = 10 * 1024 * 1024;
export const MATERIALS_PER_APPLICATION = 20;

/** The handling official is reminded this many working days before the statutory deadline (and every day after until decided). */
export const REMIND_WORKING_DAYS_BEFORE = 3;

export const BenefitCode = z.enum(['housing', 'medical', 'spouse_employment', 'children_school', 'transport_tourism', 'position_allowance', 'finance_venture']);
export type BenefitCode = z.infer<typeof BenefitCode>;

/** Which department fulfils each benefit (officials of that department mark it granted or declined). */
export const BENEFIT_DEPARTMENT: Readonly<Record<BenefitCode, Department>> = {
  housing: 'org', // 人才安居: 组织部人才工作机构统筹
  medical: 'hrss', // 医疗保健服务: 人社部门牵头
  spouse_employment: 'hrss', // 配偶就业
  children_school: 'edu', // 子女入学
  transport_tourism: 'org', // 交通旅游（人才卡）
  position_allowance: 'finance', // 岗位补贴
  finance_venture: 'sci', // 金融创投（科技金融）
};

export const RecognitionStatus = z.enum(['submitted', 'accepted', 'supplement', 'in_review', 'recognised', 'not_recognised', 'not_accepted', 'withdrawn']);
export type RecognitionStatus = z.infer<typeof RecognitionStatus>;

/** States in which the statutory clock runs (补正 pauses it; it starts at acceptance). */
export const CLOCK_RUNNING_STATUSES = ['accepted', 'in_review'] as const satisfies readonly RecognitionStatus[];
export const OPEN_RECOGNITION_STATUSES = ['submitted', 'accepted', 'supplement', 'in_review'] as const satisfies readonly RecognitionStatus[];

/**
 * 认定: the talent submits with materials; an official of the region accepts it (受理: the statutory
 * clock starts) or refuses to accept it (不予受理, reason); may ask for 补正 (reason; the clock pauses
 * until the talent resubmits); sends it to expert review once reviewers are assigned; decides once every
 * assigned reviewer has scored: recognised (with a category) or not recognised (reason).
 */
export const recognitionWorkflow = defineWorkflow({
  name: 'recognition',
  states: RecognitionStatus.options,
  initial: 'submitted',
  transitions: {
    accept: { from: ['submitted'], to: 'accepted', roles: ['official'] },
    not_accept: { from: ['submitted'], to: 'not_accepted', roles: ['official'], reason: 'required' },
    request_supplement: { from: ['accepted', 'in_review'], to: 'supplement', roles: ['official'], reason: 'required' },
    resubmit: { from: ['supplement'], to: 'accepted', roles: ['talent'] },
    start_review: { from: ['accepted'], to: 'in_review', roles: ['official'] },
    recognise: { from: ['in_review'], to: 'recognised', roles: ['official'], reason: 'optional' },
    not_recognise: { from: ['in_review'], to: 'not_recognised', roles: ['official'], reason: 'required' },
    withdraw: { from: ['submitted', 'accepted', 'supplement', 'in_review'], to: 'withdrawn', roles: ['talent'], reason: 'optional' },
  },
});
export type RecognitionAction = keyof typeof recognitionWorkflow.transitions;

export const EntitlementStatus = z.enum(['pending', 'granted', 'declined']);
export type EntitlementStatus = z.infer<typeof EntitlementStatus>;

/** 待遇: officials of the fulfilling department (BENEFIT_DEPARTMENT) mark each one, with a note. */
export const entitlementWorkflow = defineWorkflow({
  name: 'talent_entitlement',
  states: EntitlementStatus.options,
  initial: 'pending',
  transitions: {
    grant: { from: ['pending'], to: 'granted', roles: ['official'], reason: 'optional' },
    decline: { from: ['pending'], to: 'declined', roles: ['official'], reason: 'required' },
    reopen: { from: ['granted', 'declined'], to: 'pending', roles: ['official'], reason: 'required' },
  },
});

export const ProgrammeCode = z.enum(['ganpo_talent', 'ganpo_junior']);
export type ProgrammeCode = z.infer<typeof ProgrammeCode>;

export const ProgrammeStatus = z.enum(['submitted', 'returned', 'in_review', 'approved', 'rejected', 'withdrawn']);
export type ProgrammeStatus = z.infer<typeof ProgrammeStatus>;

/** 赣鄱英才计划 / 赣鄱俊才支持计划: the same pattern, simpler (no statutory clock, no benefits). */
export const programmeWorkflow = defineWorkflow({
  name: 'talent_programme',
  states: ProgrammeStatus.options,
  initial: 'submitted',
  transitions: {
    return: { from: ['submitted', 'in_review'], to: 'returned', roles: ['official'], reason: 'required' },
    resubmit: { from: ['returned'], to: 'submitted', roles: ['talent'] },
    start_review: { from: ['submitted'], to: 'in_review', roles: ['official'] },
    approve: { from: ['in_review'], to: 'approved', roles: ['official'], reason: 'optional' },
    reject: { from: ['submitted', 'in_review'], to: 'rejected', roles: ['official'], reason: 'required' },
    withdraw: { from: ['submitted', 'returned', 'in_review'], to: 'withdrawn', roles: ['talent'], reason: 'optional' },
  },
});

export const FlexKind = z.enum(['tech_vice_president', 'industry_professor', 'talent_enclave', 'part_time', 'leave_startup']);
export type FlexKind = z.infer<typeof FlexKind>;

export const StationKind = z.enum(['postdoc_workstation', 'postdoc_mobile', 'innovation_base']);
export type StationKind = z.infer<typeof StationKind>;

export const StationStatus = z.enum(['applied', 'approved', 'rejected', 'revoked']);
export type StationStatus = z.infer<typeof StationStatus>;

/** 设站: the host organisation registers a station it applied for; officials of the region confirm the approval. */
export const stationWorkflow = defineWorkflow({
  name: 'talent_station',
  states: StationStatus.options,
  initial: 'applied',
  transitions: {
    approve: { from: ['applied'], to: 'approved', roles: ['official'], reason: 'optional' },
    reject: { from: ['applied'], to: 'rejected', roles: ['official'], reason: 'required' },
    revoke: { from: ['approved'], to: 'revoked', roles: ['official'], reason: 'required' },
  },
});

const Text = (max: number) => z.string().trim().min(1).max(max);
const Day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);

export const CategoryInput = z.object({
  code: z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/),
  name: Text(40),
  rank: z.number().int().min(1).max(99),
  criteria: z.array(Text(300)).min(1).max(20),
  limitWorkingDays: z.number().int().min(1).max(120),
  benefits: z.array(BenefitCode).max(7),
  active: z.boolean().default(true),
});
export type CategoryInput = z.infer<typeof CategoryInput>;

export const ApplyRecognition = z.object({
  categoryCode: z.string().regex(/^[A-Z][A-Z0-9_]{0,15}$/),
  employerOrgId: z.uuid().nullable().optional(),
  employerName: Text(100),
  field: Text(60),
  achievements: Text(4000),
  materialIds: z.array(z.uuid()).min(1).max(MATERIALS_PER_APPLICATION),
});
export type ApplyRecognition = z.infer<typeof ApplyRecognition>;

export const RecognitionTransitionBody = z.object({
  reason: z.string().trim().max(1000).optional(),
  /** recognise: the category granted (default: the one applied for). */
  categoryCode: z
    .string()
    .regex(/^[A-Z][A-Z0-9_]{0,15}$/)
    .optional(),
  /** resubmit: materials added with the 补正. */
  materialIds: z.array(z.uuid()).max(MATERIALS_PER_APPLICATION).optional(),
});
export type RecognitionTransitionBody = z.infer<typeof RecognitionTransitionBody>;

export const AssignReviewer = z.object({ reviewerId: z.uuid() });
export const ScoreBody = z.object({ score: z.number().int().min(0).max(100), comment: Text(1000) });
export type ScoreBody = z.infer<typeof ScoreBody>;

export const ReviewerProfileInput = z.object({
  userId: z.uuid(),
  affiliationName: Text(100),
  affiliationOrgId: z.uuid().nullable().optional(),
  expertise: Text(200),
});
export type ReviewerProfileInput = z.infer<typeof ReviewerProfileInput>;

export const RecognitionListQuery = z.object({
  status: RecognitionStatus.optional(),
  overdue: z.coerce.boolean().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type RecognitionListQuery = z.infer<typeof RecognitionListQuery>;

export const ApplyProgramme = z.object({
  programme: ProgrammeCode,
  employerOrgId: z.uuid().nullable().optional(),
  employerName: Text(100),
  projectTitle: Text(100),
  summary: Text(4000),
  materialIds: z.array(z.uuid()).max(MATERIALS_PER_APPLICATION).default([]),
});
export type ApplyProgramme = z.infer<typeof ApplyProgramme>;

export const FlexRecordInput = z
  .object({
    personName: Text(40),
    kind: FlexKind,
    hostOrgId: z.uuid().nullable().optional(),
    hostName: Text(100),
    homeInstitution: Text(100),
    regionCode: z.string().regex(/^\d{6}$/),
    startsOn: Day,
    endsOn: Day.nullable().optional(),
    note: z.string().trim().max(500).optional(),
  })
  .refine((v) => !v.endsOn || v.endsOn >= v.startsOn, { path: ['endsOn'], message: 'endsOn before startsOn' });
export type FlexRecordInput = z.infer<typeof FlexRecordInput>;

export const StationInput = z.object({
  kind: StationKind,
  name: Text(100),
  field: Text(60),
  digitalEconomy: z.boolean(),
  approvalDocNo: z.string().trim().max(60).optional(),
  approvedOn: Day.optional(),
});
export type StationInput = z.infer<typeof StationInput>;

export const TransitionReason = z.object({ reason: z.string().trim().max(1000).optional() });
