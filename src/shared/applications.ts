/**
 * 投递 (job applications): a talent applies to a live posting with their profile; the employer moves it
 * along. Shared by the server (applyTransition) and the web app (buttons from allowedActions, steps).
 */
import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const ApplicationStatus = z.enum(['submitted', 'viewed', 'interview', 'offer', 'hired', 'rejected', 'withdrawn']);
export type ApplicationStatus = z.infer<typeof ApplicationStatus>;

/** States in which the application is still open (and blocks a second application to the same job). */
export const OPEN_APPLICATION_STATUSES = ['submitted', 'viewed', 'interview', 'offer'] as const satisfies readonly ApplicationStatus[];

/** States in which the talent is waiting for the employer's first answer ("no black hole"). */
export const WAITING_APPLICATION_STATUSES = ['submitted', 'viewed'] as const satisfies readonly ApplicationStatus[];

/** An application waiting longer than this (by the app clock) is stale and reminded daily. */
export const APPLICATION_STALE_DAYS = 7;

/**
 * `view` is also taken automatically the first time the employer opens the application.
 * Officials may read applications of their region but take no step.
 */
export const applicationWorkflow = defineWorkflow({
  name: 'application',
  states: ApplicationStatus.options,
  initial: 'submitted',
  transitions: {
    view: { from: ['submitted'], to: 'viewed', roles: ['employer', 'agency'] },
    interview: { from: ['submitted', 'viewed'], to: 'interview', roles: ['employer', 'agency'], reason: 'optional' },
    offer: { from: ['interview'], to: 'offer', roles: ['employer', 'agency'], reason: 'optional' },
    hire: { from: ['offer'], to: 'hired', roles: ['employer', 'agency'] },
    reject: { from: ['submitted', 'viewed', 'interview', 'offer'], to: 'rejected', roles: ['employer', 'agency'], reason: 'required' },
    withdraw: { from: ['submitted', 'viewed', 'interview', 'offer'], to: 'withdrawn', roles: ['talent'], reason: 'optional' },
  },
});
export type ApplicationAction = keyof typeof applicationWorkflow.transitions;

/** The happy path, for progress steps in the UI. */
export const APPLICATION_STEPS = ['submitted', 'viewed', 'interview', 'offer', 'hired'] as const satisfies readonly ApplicationStatus[];

export const CreateApplication = z.object({
  jobId: z.uuid(),
  coverNote: z.string().trim().max(1000).optional(),
});
export type CreateApplication = z.infer<typeof CreateApplication>;

export const ApplicationTransitionBody = z.object({ reason: z.string().trim().max(500).optional() });
export type ApplicationTransitionBody = z.infer<typeof ApplicationTransitionBody>;

export const ReceivedQuery = z.object({
  jobId: z.uuid().optional(),
  status: ApplicationStatus.optional(),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});
export type ReceivedQuery = z.infer<typeof ReceivedQuery>;
