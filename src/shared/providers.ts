/**
 * Training providers and evaluation bodies: categories, 产教融合共同体 and the accreditation (资质申报) workflow,
 * shared by the server (applyTransition) and the web app (buttons from allowedActions).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const ProviderCategory = z.enum([
  'training_institution', // 培训机构
  'vocational_college', // 职业院校
  'technician_college', // 技工院校
  'dte_cultivation', // 数字技术工程师培育机构
  'training_base', // 培训基地
  'evaluation_body', // 评价机构
  'evaluation_center', // 评价中心
]);
export type ProviderCategory = z.infer<typeof ProviderCategory>;

/** Organisation kinds that may carry a provider profile and apply for accreditation. */
export const PROVIDER_ORG_KINDS = ['provider', 'evaluator', 'host'] as const;
export const PROVIDER_ROLES = ['provider', 'evaluator', 'host'] as const;

export const AccreditationPurpose = z.enum(['training', 'evaluation']);
export type AccreditationPurpose = z.infer<typeof AccreditationPurpose>;

export const AccreditationStatus = z.enum(['submitted', 'returned', 'approved', 'rejected', 'withdrawn', 'suspended', 'expired']);
export type AccreditationStatus = z.infer<typeof AccreditationStatus>;

/**
 * 资质申报: the organisation submits → an official (人社) of its region approves (with a validity end date),
 * returns it for correction (resubmit) or rejects it with a reason. An approved accreditation can be
 * suspended and reinstated with a reason; `expire` has no role: the daily task takes it after valid_until.
 */
export const accreditationWorkflow = defineWorkflow({
  name: 'accreditation',
  states: AccreditationStatus.options,
  initial: 'submitted',
  transitions: {
    approve: { from: ['submitted'], to: 'approved', roles: ['official'], reason: 'optional' },
    return: { from: ['submitted'], to: 'returned', roles: ['official'], reason: 'required' },
    reject: { from: ['submitted'], to: 'rejected', roles: ['official'], reason: 'required' },
    resubmit: { from: ['returned'], to: 'submitted', roles: ['provider', 'evaluator', 'host'] },
    withdraw: { from: ['submitted', 'returned'], to: 'withdrawn', roles: ['provider', 'evaluator', 'host'], reason: 'optional' },
    suspend: { from: ['approved'], to: 'suspended', roles: ['official'], reason: 'required' },
    reinstate: { from: ['suspended'], to: 'approved', roles: ['official'], reason: 'required' },
    expire: { from: ['approved', 'suspended'], to: 'expired', roles: [] },
  },
});
export type AccreditationAction = keyof typeof accreditationWorkflow.transitions;

const LevelCode = z.enum(['5', '4', '3', '2', '1']);
const OccupationCode = z.string().regex(/^\d-\d{2}-\d{2}-\d{2}$/);
const IsoDate = z.iso.date();

export const AccreditationItem = z.object({ occupationCode: OccupationCode, levelCode: LevelCode });
export type AccreditationItem = z.infer<typeof AccreditationItem>;

export const ApplyBody = z.object({
  purpose: AccreditationPurpose,
  items: z.array(AccreditationItem).min(1).max(60),
  statement: z.string().trim().min(10).max(2000),
});
export type ApplyBody = z.infer<typeof ApplyBody>;

/** Resubmission after a return: the corrected items and statement. */
export const ResubmitBody = ApplyBody.omit({ purpose: true });

export const AccreditationTransitionBody = z.object({
  reason: z.string().trim().max(500).optional(),
  /** approve: last day of validity (default three years from today). */
  validUntil: IsoDate.optional(),
  items: z.array(AccreditationItem).min(1).max(60).optional(),
  statement: z.string().trim().min(10).max(2000).optional(),
});
export type AccreditationTransitionBody = z.infer<typeof AccreditationTransitionBody>;

export const ReviewQuery = z.object({
  status: AccreditationStatus.optional(),
  purpose: AccreditationPurpose.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const ProfileBody = z.object({
  category: ProviderCategory,
  description: z.string().trim().max(1000).nullable().optional(),
});

export const CommunityMemberRole = z.enum(['school', 'enterprise', 'provider', 'research']);

export const CreateCommunity = z.object({
  name: z.string().trim().min(4).max(80),
  regionCode: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  leadOrgId: z.uuid(),
  description: z.string().trim().min(10).max(2000),
});
export const AddMember = z.object({ orgId: z.uuid(), memberRole: CommunityMemberRole });
export const AddProgramme = z.object({ name: z.string().trim().min(2).max(80), description: z.string().trim().min(5).max(2000) });
export const AddBase = z.object({
  name: z.string().trim().min(2).max(80),
  address: z.string().trim().min(4).max(200),
  hostOrgId: z.uuid().nullable().optional(),
});

/** Default validity of an accreditation, years. */
export const ACCREDITATION_DEFAULT_YEARS = 3;
