/** Small pieces shared by the application pages: the status tag and the progress steps. */
import { Steps } from 'antd';
import { APPLICATION_STEPS, type ApplicationStatus } from '../../../shared/applications.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';
import type { HistoryEntry } from './application-types.js';

const STATUS_TONE: Record<ApplicationStatus, Tone> = {
  submitted: 'info',
  viewed: 'info',
  interview: 'warning',
  offer: 'warning',
  hired: 'success',
  rejected: 'neutral',
  withdrawn: 'neutral',
};

export function ApplicationStatusTag({ status }: { status: ApplicationStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`applications.status.${status}`)}</ToneTag>;
}

/** The happy path as steps; a rejected or withdrawn application stops (in error) after the last step it reached. */
export function ApplicationSteps({ status, history }: { status: ApplicationStatus; history: readonly HistoryEntry[] }) {
  const { t } = useI18n();
  const steps: readonly string[] = APPLICATION_STEPS;
  const ended = status === 'rejected' || status === 'withdrawn';
  const reached = ended ? (history.at(-1)?.fromState ?? 'submitted') : status;
  const current = Math.max(0, steps.indexOf(reached));
  const items = APPLICATION_STEPS.map((s, i) => ({
    title: ended && i === current + 1 ? t(`applications.status.${status}`) : t(`applications.status.${s}`),
  }));
  const shown = ended ? items.slice(0, current + 2) : items;
  let stepStatus: 'error' | 'finish' | 'process' = 'process';
  if (ended) stepStatus = 'error';
  else if (status === 'hired') stepStatus = 'finish';
  return (
    <section aria-label={t('applications.mine.steps')}>
      <Steps size="small" current={ended ? current + 1 : current} status={stepStatus} items={shown} />
    </section>
  );
}
