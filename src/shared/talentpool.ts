/**
 * 人才库 (talent pool): verified employers search the profiles opened to them and invite a talent to
 * one of their published jobs (or to talk). Shared by the server (validation, applyTransition) and the
 * web app (filters, buttons from allowedActions).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

/** An employer (organisation) sends at most this many invitations per China calendar day. */
export const TALENTPOOL_DAILY_INVITATION_LIMIT = 50;
/** An invitation left unanswered this long (by the app clock) expires. */
export const INVITATION_EXPIRY_DAYS = 14;

export const InvitationStatus = z.enum(['sent', 'accepted', 'declined', 'expired', 'withdrawn']);
export type InvitationStatus = z.infer<typeof InvitationStatus>;

/** `expire` is taken by the hourly task (no actor), never by a person. */
export const invitationWorkflow = defineWorkflow({
  name: 'invitation',
  states: InvitationStatus.options,
  initial: 'sent',
  transitions: {
    accept: { from: ['sent'], to: 'accepted', roles: ['talent'] },
    decline: { from: ['sent'], to: 'declined', roles: ['talent'], reason: 'optional' },
    withdraw: { from: ['sent'], to: 'withdrawn', roles: ['employer'], reason: 'optional' },
    expire: { from: ['sent'], to: 'expired', roles: [] },
  },
});
export type InvitationAction = keyof typeof invitationWorkflow.transitions;

export const TalentPoolSort = z.enum(['relevance', 'updated']);

/** GET /api/talent-pool/search. Education is a GB/T 4658 code: the talent must hold that level or higher. */
export const TalentSearchQuery = z.object({
  q: z.string().trim().max(50).optional(),
  /** Skill ids from the taxonomy (comma-separated in the URL), all required. */
  skills: z
    .string()
    .max(400)
    .optional()
    .transform((s) =>
      s
        ? [
            ...new Set(
              s
                .split(',')
                .map((x) => x.trim())
                .filter(Boolean),
            ),
          ].slice(0, 10)
        : [],
    ),
  /** A desired city or county (GB/T 2260). */
  city: z
    .string()
    .regex(/^\d{6}$/)
    .optional(),
  education: z
    .string()
    .regex(/^\d{2}$/)
    .optional(),
  /** Desired occupation code prefix: 2, 2-02, 2-02-30 or 2-02-30-09. */
  occupation: z
    .string()
    .regex(/^\d(-\d{2}){0,3}$/)
    .optional(),
  experienceYears: z.coerce.number().int().min(0).max(40).optional(),
  sort: TalentPoolSort.optional(),
  page: z.coerce.number().int().min(1).max(500).default(1),
  pageSize: z.coerce.number().int().min(1).max(50).default(20),
});
export type TalentSearchQuery = z.infer<typeof TalentSearchQuery>;

export const CreateInvitation = z.object({
  talentId: z.uuid(),
  /** One of the employer's live postings; null invites the talent to talk. */
  jobId: z.uuid().nullable().default(null),
  message: z.string().trim().min(2).max(500),
});
export type CreateInvitation = z.infer<typeof CreateInvitation>;

export const InvitationTransitionBody = z.object({
  reason: z.string().trim().max(500).optional(),
  /** accept only: also apply to the invitation's job with the profile (one click). */
  apply: z.boolean().optional(),
});
export type InvitationTransitionBody = z.infer<typeof InvitationTransitionBody>;

export const InvitationListQuery = z.object({
  status: InvitationStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type InvitationListQuery = z.infer<typeof InvitationListQuery>;
