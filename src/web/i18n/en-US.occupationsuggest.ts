/** English texts of the occupation suggestion from a job title (part of en-US.ts). */
import type { DeepPartial } from './messages.js';
import type { zhCNOccupationSuggest } from './zh-CN.occupationsuggest.js';

export const enUSOccupationSuggest: DeepPartial<typeof zhCNOccupationSuggest> = {
  heading: 'Occupation suggested from the job title',
  loading: 'Analysing the job title…',
  none: 'No confident suggestion; please choose an occupation above',
  score: 'match {score}%',
  adopt: 'Use',
  adopted: 'In use',
  others: 'Other possibilities:',
  adoptOther: 'Use {name} ({code})',
  why: 'Based on: {terms}',
  unavailable: 'Suggestions are unavailable; please choose yourself',
};
