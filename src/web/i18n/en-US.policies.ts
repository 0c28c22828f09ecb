/** English texts of the policy pages; missing keys fall back to zh-CN.policies.ts. */
import type { DeepPartial } from './messages.js';
import type { zhCNPolicies } from './zh-CN.policies.js';

export const enUSPolicies: DeepPartial<typeof zhCNPolicies> = {
  nav: { list: 'Policies', mine: 'My policies and subsidies', review: 'Subsidy review', batches: 'Payment batches' },
  list: {
    title: 'Policies',
    search: 'Search policies',
    person: 'Individuals',
    organisation: 'Organisations',
    all: 'All',
    autoGrant: 'Granted without applying',
    notices: 'Public notices',
  },
  amount: { assessed: 'Assessed by the handling body on the actual case (e.g. interest subsidy on the actual loan and rate)' },
  verdict: { eligible: 'Eligible', not_yet: 'Not yet', not_eligible: 'Not eligible' },
  status: {
    prefilled: 'Awaiting your confirmation',
    submitted: 'Submitted',
    on_hold: 'On hold',
    in_review: 'In review',
    returned: 'Returned for correction',
    public_notice: 'Public notice',
    approved: 'Approved',
    in_batch: 'Being paid',
    paid: 'Paid',
    rejected: 'Rejected',
    appealed: 'Appealed',
    appeal_dismissed: 'Appeal dismissed',
    withdrawn: 'Withdrawn',
  },
  review: { title: 'Subsidy review' },
  notices: { title: 'Public notices' },
  batches: { title: 'Payment batches' },
};
