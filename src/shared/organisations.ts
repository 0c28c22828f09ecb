import { z } from 'zod';
import { defineWorkflow } from './workflow.js';

export const OrgStatus = z.enum(['pending', 'verified', 'returned', 'rejected', 'suspended']);
export type OrgStatus = z.infer<typeof OrgStatus>;

export const OrgSize = z.enum(['micro', 'small', 'medium', 'large']);
export type OrgSize = z.infer<typeof OrgSize>;

/** 单位认证: registration → review by an official of the organisation's region → verified. */
export const organisationWorkflow = defineWorkflow({
  name: 'organisation',
  states: OrgStatus.options,
  initial: 'pending',
  transitions: {
    verify: { from: ['pending'], to: 'verified', roles: ['official'] },
    return: { from: ['pending'], to: 'returned', roles: ['official'], reason: 'required' },
    reject: { from: ['pending'], to: 'rejected', roles: ['official'], reason: 'required' },
    resubmit: { from: ['returned'], to: 'pending', roles: ['employer', 'provider', 'evaluator', 'agency', 'host'] },
    suspend: { from: ['verified'], to: 'suspended', roles: ['official'], reason: 'required' },
    reinstate: { from: ['suspended'], to: 'verified', roles: ['official'] },
  },
});
export type OrgAction = keyof typeof organisationWorkflow.transitions;
