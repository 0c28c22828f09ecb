/** 收到的投递 (employer): applications to the organisation's postings, filtered by posting and status; steps from allowedActions. */
import { App, Button, Select, Space, Table, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { ApplicationStatus } from '../../../shared/applications.js';
import { api } from '../../api.js';
import type { Paged } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { SkillTags } from '../jobs/JobBits.js';
import type { JobView } from '../jobs/job-types.js';
import { useEducationLevels } from '../jobs/useEducationLevels.js';
import { ApplicationStatusTag } from './ApplicationBits.js';
import { ApplicantDetails } from './ApplicantDetails.js';
import type { ApplicationView } from './application-types.js';
import { TransitionModal } from './TransitionModal.js';
import { StatusFilter } from '../../components/StatusFilter.js';

const PAGE_SIZE = 20;

function useColumns(act: (item: ApplicationView, action: string) => void): TableProps<ApplicationView>['columns'] {
  const { t, tx } = useI18n();
  const levels = useEducationLevels();
  const educationName = (code: string | undefined) => (code ? (levels?.find((l) => l.code === code)?.name ?? code) : '—');
  return [
    {
      title: t('applications.received.applicant'),
      key: 'applicant',
      render: (_: unknown, a: ApplicationView) => (
        <Space orientation="vertical" size={2}>
          <span data-testid="applicant-name">{a.applicant?.displayName ?? '—'}</span>
          {a.stale ? <ToneTag tone="warning">{t('applications.received.stale')}</ToneTag> : null}
        </Space>
      ),
    },
    { title: t('applications.received.job'), key: 'job', render: (_: unknown, a: ApplicationView) => <Link to={`/jobs/${a.jobId}`}>{a.jobTitle}</Link> },
    {
      title: t('applications.received.education'),
      key: 'education',
      responsive: ['md'],
      render: (_: unknown, a: ApplicationView) => educationName(a.applicant?.education[0]?.educationCode),
    },
    {
      title: t('applications.received.skills'),
      key: 'skills',
      responsive: ['lg'],
      render: (_: unknown, a: ApplicationView) => <SkillTags skills={a.applicant?.skills ?? []} withLevel />,
    },
    { title: t('fields.status'), key: 'status', render: (_: unknown, a: ApplicationView) => <ApplicationStatusTag status={a.status} /> },
    {
      title: t('applications.received.submittedAt'),
      key: 'submittedAt',
      responsive: ['md'],
      render: (_: unknown, a: ApplicationView) => dayjs(a.submittedAt).format('YYYY-MM-DD'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, a: ApplicationView) => (
        <Space size={0} wrap>
          {a.allowedActions.map((action) => (
            <Button
              key={action}
              type="link"
              danger={action === 'reject'}
              onClick={() => act(a, action)}
              data-testid={`application-action-${action}`}
              aria-label={`${tx(`workflowActions.${action}`, action)}：${a.applicant?.displayName ?? ''} · ${a.jobTitle}`}
            >
              {tx(`workflowActions.${action}`, action)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
}

function Filters({ jobs }: { jobs: JobView[] }) {
  const { t, tx } = useI18n();
  const filters = useUrlFilters();
  return (
    <search className="filters">
      <div className="filter-item">
        <label htmlFor="application-job">{t('applications.received.job')}</label>
        <Select
          id="application-job"
          value={filters.get('jobId')}
          onChange={(jobId: string) => filters.update({ jobId })}
          options={[{ value: '', label: t('applications.received.allJobs') }, ...jobs.map((j) => ({ value: j.id, label: j.title }))]}
          style={{ minWidth: 200 }}
        />
      </div>
      <StatusFilter
        id="application-status"
        value={filters.get('status')}
        onChange={(status) => filters.update({ status })}
        states={ApplicationStatus.options}
        stateLabel={(s) => tx(`applications.status.${s}`, s)}
      />
    </search>
  );
}

export function ReceivedApplicationsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const filters = useUrlFilters();
  const query = { jobId: filters.get('jobId'), status: filters.get('status'), page: filters.page, pageSize: PAGE_SIZE };
  const { data, error, loading, reload } = useApi<Paged<ApplicationView>>('/api/applications/received', query);
  const jobs = useApi<Paged<JobView>>('/api/jobs/mine', { pageSize: 100 });
  const [pending, setPending] = useState<{ item: ApplicationView; action: string } | null>(null);
  const columns = useColumns((item, action) => setPending({ item, action }));
  const done = (updated: ApplicationView) => {
    setPending(null);
    void message.success(t('applications.received.done', { status: t(`applications.status.${updated.status}`) }));
    reload();
  };
  return (
    <>
      <PageHeader title={t('applications.received.title')} intro={t('applications.received.intro')} />
      <Filters jobs={jobs.data?.items ?? []} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<ApplicationView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        data-testid="received-applications"
        locale={{ emptyText: t('applications.received.empty') }}
        expandable={{
          expandedRowRender: (a) => <ApplicantDetails item={a} />,
          // opening an application the first time marks it viewed (GET /api/applications/:id)
          onExpand: (expanded, a) => {
            if (expanded && a.status === 'submitted') void api(`/api/applications/${a.id}`).then(reload, () => undefined);
          },
        }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => filters.update({ page }),
        }}
      />
      <TransitionModal pending={pending} onClose={() => setPending(null)} onDone={done} />
    </>
  );
}
