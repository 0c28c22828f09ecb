/** 单位审核: organisations of the official's region, filtered by status, type and name; detail drawer. */
import { App, Button, Input, Select, Table, type TableProps } from 'antd';
import { useState } from 'react';
import type { OrgKind } from '../../../shared/roles.js';
import type { OrganisationItem, OrgStatus, Paged } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { OrgStatusTag } from '../../components/OrgStatusTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { regionName, useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { type UrlFilters, useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { OrganisationDrawer } from './OrganisationDrawer.js';
import { dateTimeColumn } from '../../components/table-columns.js';

const STATUSES: readonly OrgStatus[] = ['pending', 'verified', 'returned', 'rejected', 'suspended'];
const KINDS: readonly OrgKind[] = ['employer', 'provider', 'evaluator', 'agency', 'host'];

function useColumns(open: (id: string) => void): TableProps<OrganisationItem>['columns'] {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  return [
    { title: t('review.name'), dataIndex: 'name', key: 'name' },
    { title: t('review.uscc'), dataIndex: 'uscc', key: 'uscc', responsive: ['lg'] },
    { title: t('review.kind'), dataIndex: 'kind', key: 'kind', responsive: ['md'], render: (k: string) => tx(`orgKinds.${k}`, k) },
    {
      title: t('review.region'),
      key: 'region',
      responsive: ['md'],
      render: (_: unknown, o: OrganisationItem) => o.regionName ?? regionName(regions, o.regionCode),
    },
    { title: t('review.status'), dataIndex: 'status', key: 'status', render: (s: string) => <OrgStatusTag status={s} /> },
    dateTimeColumn<OrganisationItem>(t('review.createdAt'), 'createdAt'),
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, o: OrganisationItem) => (
        <Button type="link" onClick={() => open(o.id)} aria-label={`${t('common.details')}：${o.name}`} data-testid="org-details">
          {t('common.details')}
        </Button>
      ),
    },
  ];
}

function ReviewFilters({ filters }: { filters: UrlFilters }) {
  const { t } = useI18n();
  const all = { value: '', label: t('common.all') };
  return (
    <search className="filters">
      <div className="filter-item">
        <label htmlFor="org-status">{t('review.status')}</label>
        <Select
          id="org-status"
          value={filters.get('status')}
          onChange={(status: string) => filters.update({ status })}
          options={[all, ...STATUSES.map((s) => ({ value: s, label: t(`orgStatus.${s}`) }))]}
        />
      </div>
      <div className="filter-item">
        <label htmlFor="org-kind">{t('review.kind')}</label>
        <Select
          id="org-kind"
          value={filters.get('kind')}
          onChange={(kind: string) => filters.update({ kind })}
          options={[all, ...KINDS.map((k) => ({ value: k, label: t(`orgKinds.${k}`) }))]}
        />
      </div>
      <div className="filter-item" style={{ flex: '1 1 240px' }}>
        <label htmlFor="org-q">{t('review.searchLabel')}</label>
        <Input.Search
          id="org-q"
          key={filters.get('q')}
          defaultValue={filters.get('q')}
          allowClear
          enterButton={t('common.search')}
          onSearch={(q) => filters.update({ q: q.trim() })}
        />
      </div>
    </search>
  );
}

const PAGE_SIZE = 20;

export function OrganisationsReviewPage() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const filters = useUrlFilters();
  const query = { status: filters.get('status'), kind: filters.get('kind'), q: filters.get('q'), page: filters.page, pageSize: PAGE_SIZE };
  const { data, error, loading, reload } = useApi<Paged<OrganisationItem>>('/api/organisations', query);
  const [openId, setOpenId] = useState<string | null>(null);
  const columns = useColumns(setOpenId);
  const changed = (o: OrganisationItem) => {
    void message.success(t('review.done', { status: tx(`orgStatus.${o.status}`, o.status), name: o.name }));
    reload();
  };
  return (
    <>
      <PageHeader title={t('review.title')} intro={t('review.intro')} />
      <ReviewFilters filters={filters} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<OrganisationItem>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        data-testid="org-table"
        pagination={{
          current: filters.page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => filters.update({ page }),
        }}
      />
      <OrganisationDrawer id={openId} onClose={() => setOpenId(null)} onChanged={changed} />
    </>
  );
}
