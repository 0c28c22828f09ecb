import { sql } from 'drizzle-orm';
import { bigint, boolean, check, date, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { AmountRule, AnomalyFlag, Rule } from '../../../shared/policies.js';
import { users } from '../auth/auth.tables.js';
import { organisations } from '../organisations/organisations.tables.js';

/**
 * 政策目录. `region_code` is the issuing region (360000 = the whole province); `eligibility` is the
 * rule as data (ADR 0014); `amount_rule` says how much is paid (integer 分).
 */
export const policies = pgTable('policies', {
  id: uuid('id').primaryKey().defaultRandom(),
  code: text('code').notNull().unique(),
  name: text('name').notNull(),
  applicantKind: text('applicant_kind').notNull(),
  subjectKind: text('subject_kind').notNull(),
  regionCode: text('region_code').notNull(),
  department: text('department').notNull(),
  summary: text('summary').notNull(),
  explanation: text('explanation').notNull(),
  legalBasis: jsonb('legal_basis').$type<{ title: string; issuer?: string; docNo?: string }[]>().notNull(),
  qa: jsonb('qa').$type<{ q: string; a: string }[]>().notNull(),
  materials: jsonb('materials').$type<string[]>().notNull(),
  amountRule: jsonb('amount_rule').$type<AmountRule>().notNull(),
  eligibility: jsonb('eligibility').$type<Rule>().notNull(),
  /** 免申即享: the platform finds eligible people and prepares the claim. */
  autoGrant: boolean('auto_grant').notNull().default(false),
  /** 公示 length in working days. */
  noticeWorkingDays: integer('notice_working_days').notNull().default(5),
  windowFrom: date('window_from').notNull(),
  windowTo: date('window_to'),
  status: text('status').notNull().default('published'),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
});
export type PolicyRow = typeof policies.$inferSelect;

/**
 * 资金预算 per policy, city and year. `committed_fen` grows on approval under a row lock and may never
 * pass `total_fen` (checked here too); `paid_fen` follows the payment results.
 */
export const policyBudgets = pgTable(
  'policy_budgets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    regionCode: text('region_code').notNull(),
    year: integer('year').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    committedFen: bigint('committed_fen', { mode: 'number' }).notNull().default(0),
    paidFen: bigint('paid_fen', { mode: 'number' }).notNull().default(0),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('policy_budgets_policy_region_year_uidx').on(t.policyId, t.regionCode, t.year),
    check('policy_budgets_within_total', sql`${t.committedFen} >= 0 and ${t.committedFen} <= ${t.totalFen} and ${t.paidFen} <= ${t.committedFen}`),
  ],
);
export type PolicyBudgetRow = typeof policyBudgets.$inferSelect;

/**
 * Self-declared facts for eligibility (户籍地, 就业地, 失业保险缴费月数): unverified until an official
 * checks them against 社保 records; the 常住地 is the account's region.
 */
export const policyPersonFacts = pgTable('policy_person_facts', {
  userId: uuid('user_id')
    .primaryKey()
    .references(() => users.id),
  hukouRegionCode: text('hukou_region_code'),
  workplaceRegionCode: text('workplace_region_code'),
  insuredMonths: integer('insured_months'),
  verified: boolean('verified').notNull().default(false),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});

/**
 * 补贴申领. One person (or organisation) is paid at most once per policy, occupation and level, in any
 * city: the partial unique index over `applicant_key` ignores rejected and withdrawn claims only.
 * The payee account is SM4-sealed with a blind index (shared-account check) and a display mask.
 */
export const policyClaims = pgTable(
  'policy_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    policyId: uuid('policy_id')
      .notNull()
      .references(() => policies.id),
    applicantUserId: uuid('applicant_user_id').references(() => users.id),
    applicantOrgId: uuid('applicant_org_id').references(() => organisations.id),
    /** user id or organisation id: the one-payment rule's key. */
    applicantKey: text('applicant_key').notNull(),
    /** The city handling the claim (from the policy's residence / workplace rule). */
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    subjectKind: text('subject_kind').notNull(),
    subjectRef: text('subject_ref').notNull().default(''),
    occupationCode: text('occupation_code').notNull().default(''),
    levelCode: text('level_code').notNull().default(''),
    providerOrgId: uuid('provider_org_id'),
    amountFen: bigint('amount_fen', { mode: 'number' }).notNull(),
    /** The eligibility evaluation when the claim was made (shown to the reviewer). */
    evaluation: jsonb('evaluation').$type<unknown>(),
    flags: jsonb('flags').$type<AnomalyFlag[]>().notNull().default([]),
    payeeBank: text('payee_bank'),
    payeeAccountEnc: text('payee_account_enc'),
    payeeAccountBidx: text('payee_account_bidx'),
    payeeAccountMasked: text('payee_account_masked'),
    submitIp: text('submit_ip'),
    assignedTo: uuid('assigned_to').references(() => users.id),
    noticeFrom: date('notice_from'),
    noticeUntil: date('notice_until'),
    budgetId: uuid('budget_id').references(() => policyBudgets.id),
    batchId: uuid('batch_id'),
    paymentNote: text('payment_note'),
    lastReason: text('last_reason'),
    prefilled: boolean('prefilled').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    submittedAt: timestamp('submitted_at', { withTimezone: true }),
    approvedAt: timestamp('approved_at', { withTimezone: true }),
    paidAt: timestamp('paid_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
  },
  (t) => [
    uniqueIndex('policy_claims_once_uidx')
      .on(t.policyId, t.applicantKey, t.occupationCode, t.levelCode)
      .where(sql`${t.status} not in ('rejected', 'withdrawn', 'appeal_dismissed')`),
    index('policy_claims_region_status_idx').on(t.regionCode.op('text_pattern_ops'), t.status),
    index('policy_claims_applicant_idx').on(t.applicantKey, t.createdAt),
    index('policy_claims_payee_idx').on(t.payeeAccountBidx),
    index('policy_claims_provider_idx').on(t.providerOrgId, t.submittedAt),
    index('policy_claims_batch_idx').on(t.batchId),
    check('policy_claims_amount', sql`${t.amountFen} >= 0`),
  ],
);
export type PolicyClaimRow = typeof policyClaims.$inferSelect;

/** 支付批次: approved claims of one region handed to the finance system as an Excel file. */
export const paymentBatches = pgTable(
  'payment_batches',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    number: text('number').notNull().unique(),
    regionCode: text('region_code').notNull(),
    status: text('status').notNull(),
    claimCount: integer('claim_count').notNull(),
    totalFen: bigint('total_fen', { mode: 'number' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    exportedAt: timestamp('exported_at', { withTimezone: true }),
    closedAt: timestamp('closed_at', { withTimezone: true }),
  },
  (t) => [index('payment_batches_region_idx').on(t.regionCode.op('text_pattern_ops'), t.createdAt)],
);
export type PaymentBatchRow = typeof paymentBatches.$inferSelect;
