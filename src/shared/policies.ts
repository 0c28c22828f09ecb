/**
 * 政策兑现 (policy support): the policy catalogue, eligibility rules as data (ADR 0014), the claim
 * workflow and the request schemas, shared by the server (applyTransition) and the web app.
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const ApplicantKind = z.enum(['person', 'organisation']);
export type ApplicantKind = z.infer<typeof ApplicantKind>;

/**
 * What one claim is about: a certificate (评价补贴), a completed class (培训补贴), the organisation itself, or
 * a 创业项目 of the applicant (start-up support, module `ventures`).
 */
export const SubjectKind = z.enum(['certificate', 'enrolment', 'organisation', 'venture']);
export type SubjectKind = z.infer<typeof SubjectKind>;

/**
 * Facts the rules may name. Region facts are city codes (GB/T 2260); numbers are whole months or years;
 * booleans are about the claim's subject (certificate, completed class) or the organisation.
 */
export const FactKey = z.enum([
  'residenceCity', // 常住地 (the account's region)
  'workplaceCity', // 就业地 (self-declared)
  'hukouCity', // 户籍地 (self-declared)
  'insuredMonths', // 失业保险累计缴费月数 (self-declared, unverified)
  'age', // from the 身份证号, only where a policy needs it
  'certificate.occupationCode',
  'certificate.levelCode',
  'certificate.inCatalogue', // occupation (and level) in the training-subsidy catalogue in force on the issue date
  'certificate.ageMonths', // months since issue
  'course.completed',
  'course.subsidised', // the class is subsidy-eligible (catalogue occupation)
  'course.levelCode',
  'previousClaims', // earlier claims (not rejected / withdrawn) for this policy, occupation and level
  'org.kind',
  'org.verified',
  'org.city',
  'org.approvedDigitalStations', // 博士后工作站 / 创新实践基地 approved for the organisation in the digital economy (recognition registry)
  'venture.published', // the 创业项目 judged (subject `venture`) is published on the platform (module ventures)
  'venture.incubating', // … is being incubated by a registered carrier (孵化器 / 加速器 / 众创空间)
  'venture.city', // … lies in this city (its region code's city)
  'venture.stage', // … is at this stage (idea / startup / growth)
]);
export type FactKey = z.infer<typeof FactKey>;

export const RuleOp = z.enum(['eq', 'ne', 'in', 'not_in', 'gte', 'lte', 'gt', 'lt', 'exists', 'is_true', 'is_false', 'within']);
export type RuleOp = z.infer<typeof RuleOp>;

/** A leaf condition. `within` takes a region code or `$policyRegion` (the policy's own region). */
export interface Condition {
  fact: FactKey;
  op: RuleOp;
  value?: string | number | boolean | readonly (string | number)[] | undefined;
  /** Optional Chinese wording for the condition, shown instead of the generated one. */
  label?: string | undefined;
}
export type Rule = { all: Rule[] } | { any: Rule[] } | { not: Rule; label?: string | undefined } | Condition;

const ConditionSchema = z.object({
  fact: FactKey,
  op: RuleOp,
  value: z.union([z.string(), z.number(), z.boolean(), z.array(z.union([z.string(), z.number()]))]).optional(),
  label: z.string().max(100).optional(),
});
export const RuleSchema: z.ZodType<Rule> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(RuleSchema).min(1) }),
    z.object({ any: z.array(RuleSchema).min(1) }),
    z.object({ not: RuleSchema, label: z.string().max(100).optional() }),
    ConditionSchema,
  ]),
) as z.ZodType<Rule>;

/** How much is paid. Every amount is integer 分; `capFen` caps any rule. */
export const AmountRule = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('fixed'), fen: z.number().int().min(0), capFen: z.number().int().min(0).optional() }),
  /** The standard of the training-subsidy catalogue in force for the occupation and level (城市版本优先). */
  z.object({ kind: z.literal('catalogue'), capFen: z.number().int().min(0).optional() }),
  /** A fixed amount per level ('5'..'1'). */
  z.object({ kind: z.literal('by_level'), fenByLevel: z.record(z.string(), z.number().int().min(0)), capFen: z.number().int().min(0).optional() }),
  /** A share of the fee paid, in per-mille (e.g. 800 = 80 %). */
  z.object({ kind: z.literal('fee_share'), perMille: z.number().int().min(1).max(1000), capFen: z.number().int().min(0).optional() }),
  /** Assessed by the handling body on the actual case (e.g. 创业担保贷款贴息 on the loan and its rate): the claim records 0 分. */
  z.object({ kind: z.literal('assessed'), capFen: z.number().int().min(0).optional() }),
]);
export type AmountRule = z.infer<typeof AmountRule>;

export const QA = z.object({ q: z.string(), a: z.string() });
export const LegalBasis = z.object({ title: z.string(), issuer: z.string().optional(), docNo: z.string().optional() });

export const ClaimStatus = z.enum([
  'prefilled', // 免申即享: found by the platform, waiting for the person to confirm
  'submitted',
  'on_hold', // anomaly flags: a human looks first
  'in_review',
  'returned',
  'public_notice', // 公示
  'approved',
  'in_batch',
  'paid',
  'rejected',
  'appealed',
  'appeal_dismissed',
  'withdrawn',
]);
export type ClaimStatus = z.infer<typeof ClaimStatus>;

/** Claims that count against the one-payment-per-person-policy-occupation-level rule. */
export const INACTIVE_CLAIM_STATUSES = ['rejected', 'withdrawn', 'appeal_dismissed'] as const satisfies readonly ClaimStatus[];

const APPLICANTS = ['talent', 'employer', 'provider', 'evaluator', 'agency', 'host'] as const;

/**
 * 补贴申领. Review starts with assignment (`assign`: the reviewer takes the claim, so two reviewers
 * never work on the same one); 公示 runs a number of working days before `approve`, which commits the
 * budget under a row lock. `in_batch` and `paid` follow the payment batch. `hold` is the system's step
 * when an anomaly check flags a claim.
 */
export const claimWorkflow = defineWorkflow({
  name: 'policy_claim',
  states: ClaimStatus.options,
  initial: 'submitted',
  transitions: {
    confirm: { from: ['prefilled'], to: 'submitted', roles: APPLICANTS },
    hold: { from: ['submitted'], to: 'on_hold', roles: [] },
    release_hold: { from: ['on_hold'], to: 'submitted', roles: ['official'], reason: 'required' },
    assign: { from: ['submitted'], to: 'in_review', roles: ['official'] },
    unassign: { from: ['in_review'], to: 'submitted', roles: ['official'] },
    return: { from: ['in_review'], to: 'returned', roles: ['official'], reason: 'required' },
    resubmit: { from: ['returned'], to: 'submitted', roles: APPLICANTS },
    start_notice: { from: ['in_review'], to: 'public_notice', roles: ['official'] },
    approve: { from: ['public_notice'], to: 'approved', roles: ['official'] },
    reject: { from: ['on_hold', 'in_review', 'public_notice'], to: 'rejected', roles: ['official'], reason: 'required' },
    appeal: { from: ['rejected'], to: 'appealed', roles: APPLICANTS, reason: 'required' },
    uphold_appeal: { from: ['appealed'], to: 'in_review', roles: ['official'], reason: 'optional' },
    dismiss_appeal: { from: ['appealed'], to: 'appeal_dismissed', roles: ['official'], reason: 'required' },
    add_to_batch: { from: ['approved'], to: 'in_batch', roles: ['official'] },
    mark_paid: { from: ['in_batch'], to: 'paid', roles: ['official'] },
    mark_failed: { from: ['in_batch'], to: 'approved', roles: ['official'], reason: 'required' },
    withdraw: { from: ['prefilled', 'submitted', 'returned'], to: 'withdrawn', roles: APPLICANTS },
  },
});
export type ClaimAction = keyof typeof claimWorkflow.transitions;

/** Actions the review page draws as buttons (batch steps have their own page). */
export const REVIEW_ACTIONS = ['assign', 'unassign', 'release_hold', 'return', 'start_notice', 'approve', 'reject', 'uphold_appeal', 'dismiss_appeal'] as const;

export const AnomalyCode = z.enum(['shared_payee', 'provider_burst', 'address_burst', 'certificate_before_course_end', 'provider_completion_outlier']);
export type AnomalyCode = z.infer<typeof AnomalyCode>;
export interface AnomalyFlag {
  code: AnomalyCode;
  /** Numbers and codes for the Chinese explanation; never personal identifiers. */
  params: Record<string, string | number>;
}

export const EligibilityVerdict = z.enum(['eligible', 'not_yet', 'not_eligible']);
export type EligibilityVerdict = z.infer<typeof EligibilityVerdict>;

/** One condition's outcome: `final` failures cannot change by anything the applicant does. */
export interface ConditionOutcome {
  text: string;
  passed: boolean;
  final: boolean;
  actual: string;
  /** What would change the result (Chinese), when it failed and can change. */
  remedy: string | null;
}

export const BankAccount = z
  .string()
  .trim()
  .transform((v) => v.replace(/[\s-]/g, ''))
  .pipe(z.string().regex(/^\d{12,23}$/));

export const Payee = z.object({
  bankName: z.string().trim().min(2).max(40),
  account: BankAccount,
});
export type Payee = z.infer<typeof Payee>;

export const ConfirmClaim = z.object({ payee: Payee });
export const SubmitClaim = z.object({
  policyId: z.uuid(),
  subjectRef: z.string().max(80).nullable().optional(),
  payee: Payee,
});
export type SubmitClaim = z.infer<typeof SubmitClaim>;

export const ClaimTransitionBody = z.object({ reason: z.string().trim().max(500).optional() });

export const MyFacts = z.object({
  hukouRegionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  workplaceRegionCode: z
    .string()
    .regex(/^\d{6}$/)
    .nullable(),
  insuredMonths: z.number().int().min(0).max(600).nullable(),
});
export type MyFacts = z.infer<typeof MyFacts>;

export const ClaimListQuery = z.object({
  status: ClaimStatus.optional(),
  policyId: z.uuid().optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ClaimListQuery = z.infer<typeof ClaimListQuery>;

export const PolicyListQuery = z.object({
  applicantKind: ApplicantKind.optional(),
  q: z.string().trim().max(40).optional(),
});

export const PaymentResultLine = z.object({ claimId: z.uuid(), result: z.enum(['paid', 'failed']), reason: z.string().trim().max(200).optional() });
export const PaymentResults = z.object({ lines: z.array(PaymentResultLine).min(1).max(5000) });
export type PaymentResults = z.infer<typeof PaymentResults>;
