/** One posting for the official: findings marked in the text, facts, history, and the allowed steps. */
import { Alert, Button, Drawer, Skeleton, Space, Typography } from 'antd';
import { useState } from 'react';
import type { WorkflowHistoryEntry } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { VettingAlert } from './JobBits.js';
import { JobDetailBody } from './JobDetailBody.js';
import type { JobView } from './job-types.js';
import { JobTransitionModal } from './JobTransitionModal.js';

function History({ history }: { history: readonly WorkflowHistoryEntry[] }) {
  const { t, tx } = useI18n();
  return (
    <WorkflowHistory
      history={history}
      lineKey="jobs.review.historyLine"
      emptyText={t('jobs.review.noHistory')}
      stateLabel={(s) => tx(`jobs.status.${s}`, s)}
      actionLabel={(a) => tx(`workflowActions.${a}`, a)}
    />
  );
}

export function JobReviewDrawer({ id, onClose, onChanged }: { id: string | null; onClose: () => void; onChanged: (job: JobView) => void }) {
  const { t, tx } = useI18n();
  const { data, error, loading, reload } = useApi<JobView>(id ? `/api/jobs/${id}` : null);
  const [action, setAction] = useState<string | null>(null);
  const desktop = useIsDesktop();
  const job = data && data.id === id ? data : undefined;
  const done = (updated: JobView) => {
    setAction(null);
    reload();
    onChanged(updated);
  };
  const actions = job?.allowedActions ?? [];
  const footer = job ? (
    <Space wrap>
      {actions.length === 0 ? <Typography.Text type="secondary">{t('common.noActions')}</Typography.Text> : null}
      {actions.map((a) => (
        <Button key={a} type={a === 'approve' ? 'primary' : 'default'} danger={a === 'close'} onClick={() => setAction(a)} data-testid={`action-${a}`}>
          {tx(`workflowActions.${a}`, a)}
        </Button>
      ))}
    </Space>
  ) : null;
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      title={t('jobs.review.detailTitle')}
      size={desktop ? 820 : '100%'}
      footer={footer}
      closable={{ 'aria-label': t('common.close') }}
      destroyOnHidden
      styles={{ body: { padding: 0, display: 'flex', flexDirection: 'column', overflow: 'hidden' } }}
    >
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the drawer body does not scroll; this region does and must be reachable by keyboard (WCAG 2.1.1) */}
      <section className="scroll-region" tabIndex={0} aria-label={t('jobs.review.detailTitle')}>
        <ErrorAlert error={error} onRetry={reload} />
        {loading && !job ? <Skeleton active /> : null}
        {job ? (
          <>
            <VettingAlert findings={job.vetting.findings} intro={t('jobs.review.findingsIntro')} testId="review-findings" />
            {job.vettingOverrideReason ? (
              <Alert type="info" showIcon title={t('jobs.review.overrideNote', { reason: job.vettingOverrideReason })} style={{ marginBottom: 16 }} />
            ) : null}
            <JobDetailBody job={job} markVetting headingLevel={3} />
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 24 }}>
              {t('jobs.review.history')}
            </Typography.Title>
            <History history={job.history ?? []} />
            <JobTransitionModal job={job} action={action} onClose={() => setAction(null)} onDone={done} />
          </>
        ) : null}
      </section>
    </Drawer>
  );
}
