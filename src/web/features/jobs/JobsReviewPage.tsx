/** 岗位审核 (official): postings of the region by status (default 待审核), with the vetting findings count. */
import { App, Button, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import { JobStatus } from '../../../shared/jobs.js';
import type { Paged } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { JobStatusTag } from './JobBits.js';
import type { JobView } from './job-types.js';
import { JobReviewDrawer } from './JobReviewDrawer.js';
import './jobs.css';
import { dateTimeColumn } from '../../components/table-columns.js';

const PAGE_SIZE = 20;

function useColumns(open: (id: string) => void): TableProps<JobView>['columns'] {
  const { t } = useI18n();
  const { regions } = useRegions();
  return [
    { title: t('jobs.review.titleCol'), dataIndex: 'title', key: 'title' },
    { title: t('jobs.detail.region'), key: 'region', responsive: ['md'], render: (_: unknown, j: JobView) => regionName(regions, j.regionCode) },
    {
      title: t('jobs.review.findings'),
      key: 'findings',
      render: (_: unknown, j: JobView) =>
        j.vetting.findings.length > 0 ? (
          <ToneTag tone="error">{t('jobs.review.findingsCount', { count: j.vetting.findings.length })}</ToneTag>
        ) : (
          <span>{t('jobs.review.noFindings')}</span>
        ),
    },
    { title: t('jobs.review.status'), dataIndex: 'status', key: 'status', responsive: ['md'], render: (s: JobView['status']) => <JobStatusTag status={s} /> },
    dateTimeColumn<JobView>(t('jobs.review.submittedAt'), 'updatedAt'),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, j: JobView) => (
        <Button type="link" onClick={() => open(j.id)} aria-label={`${t('common.details')}：${j.title}`} data-testid="job-details">
          {t('common.details')}
        </Button>
      ),
    },
  ];
}

export function JobsReviewPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const filters = useUrlFilters();
  const status = filters.get('status') || JobStatus.enum.pending_review;
  const { data, error, loading, reload } = useApi<Paged<JobView>>('/api/jobs/review', { status, page: filters.page, pageSize: PAGE_SIZE });
  const [openId, setOpenId] = useState<string | null>(null);
  const columns = useColumns(setOpenId);
  const changed = (job: JobView) => {
    void message.success(t('jobs.review.done', { title: job.title, status: t(`jobs.status.${job.status}`) }));
    reload();
  };
  return (
    <>
      <PageHeader title={t('jobs.review.title')} intro={t('jobs.review.intro')} />
      <search className="filters">
        <div className="filter-item">
          <label htmlFor="review-job-status">{t('jobs.review.status')}</label>
          <Select
            id="review-job-status"
            value={status}
            onChange={(s: string) => filters.update({ status: s })}
            options={JobStatus.options.map((s) => ({ value: s, label: t(`jobs.status.${s}`) }))}
          />
        </div>
      </search>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<JobView>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        data-testid="job-review-table"
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => filters.update({ page }),
        }}
      />
      <JobReviewDrawer id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
    </>
  );
}
