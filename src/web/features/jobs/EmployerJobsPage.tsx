/**
 * 我的岗位 (employer): the organisation's postings in every status, with the steps the server allows. HR service
 * agencies see their postings for clients (受托招聘) on the same page under /agency/jobs, with the client column.
 */
import { App, Button, Space, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { JobStatus } from '../../../shared/jobs.js';
import type { Paged } from '../../api-types.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { JobStatusTag } from './JobBits.js';
import type { JobView } from './job-types.js';
import { JobTransitionModal } from './JobTransitionModal.js';
import { OrgNotVerified, useOrgVerified } from './OrgNotVerified.js';
import { dateTimeColumn } from '../../components/table-columns.js';
import { StatusFilter } from '../../components/StatusFilter.js';

const PAGE_SIZE = 20;
const EDITABLE = new Set<string>([JobStatus.enum.draft, JobStatus.enum.returned]);

function useColumns(act: (job: JobView, action: string) => void, basePath: string, forClients: boolean): TableProps<JobView>['columns'] {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  return [
    { title: t('jobs.form.title'), key: 'title', render: (_: unknown, j: JobView) => <Link to={`/jobs/${j.id}`}>{j.title}</Link> },
    ...(forClients ? [{ title: t('agencies.jobs.clientEmployer'), dataIndex: 'clientEmployerName', key: 'client' }] : []),
    { title: t('fields.status'), dataIndex: 'status', key: 'status', render: (s: JobView['status']) => <JobStatusTag status={s} /> },
    { title: t('jobs.detail.region'), key: 'region', responsive: ['md'], render: (_: unknown, j: JobView) => regionName(regions, j.regionCode) },
    dateTimeColumn<JobView>(t('jobs.employer.updatedAt'), 'updatedAt'),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, j: JobView) => (
        <Space size={0} wrap>
          {EDITABLE.has(j.status) ? (
            <ButtonLink type="link" to={`${basePath}/${j.id}/edit`} aria-label={`${t('jobs.employer.edit')}：${j.title}`}>
              {t('jobs.employer.edit')}
            </ButtonLink>
          ) : null}
          {j.allowedActions.map((a) => (
            <Button
              key={a}
              type="link"
              danger={a === 'close'}
              onClick={() => act(j, a)}
              data-testid={`job-action-${a}`}
              aria-label={`${tx(`workflowActions.${a}`, a)}：${j.title}`}
            >
              {tx(`workflowActions.${a}`, a)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
}

export interface EmployerJobsPageProps {
  /** Where the posting form lives: /employer/jobs, or /agency/jobs for an agency's postings for clients. */
  basePath?: string;
  forClients?: boolean;
}

export function EmployerJobsPage({ basePath = '/employer/jobs', forClients = false }: EmployerJobsPageProps) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const verified = useOrgVerified();
  const filters = useUrlFilters();
  const query = { status: filters.get('status'), page: filters.page, pageSize: PAGE_SIZE };
  const { data, error, loading, reload } = useApi<Paged<JobView>>(verified ? '/api/jobs/mine' : null, query);
  const [pending, setPending] = useState<{ job: JobView; action: string } | null>(null);
  const columns = useColumns((job, action) => setPending({ job, action }), basePath, forClients);
  const title = forClients ? t('agencies.jobs.title') : t('jobs.employer.title');
  const intro = forClients ? t('agencies.jobs.intro') : t('jobs.employer.intro');
  const done = (job: JobView) => {
    setPending(null);
    void message.success(t('jobs.employer.done', { title: job.title, status: t(`jobs.status.${job.status}`) }));
    reload();
  };
  const create = (
    <ButtonLink to={`${basePath}/new`} type="primary" data-testid="new-job">
      {t('jobs.employer.create')}
    </ButtonLink>
  );
  if (!verified) {
    return (
      <>
        <PageHeader title={title} intro={intro} />
        <OrgNotVerified />
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} intro={intro} extra={create} />
      <search className="filters">
        <StatusFilter
          id="job-status"
          value={filters.get('status')}
          onChange={(status) => filters.update({ status })}
          states={JobStatus.options}
          stateLabel={(s) => tx(`jobs.status.${s}`, s)}
        />
      </search>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<JobView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        data-testid="employer-jobs"
        locale={{ emptyText: t('jobs.employer.empty') }}
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => filters.update({ page }),
        }}
      />
      <JobTransitionModal job={pending?.job ?? { id: '', title: '' }} action={pending?.action ?? null} onClose={() => setPending(null)} onDone={done} />
    </>
  );
}
