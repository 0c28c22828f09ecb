/** 培训课程 (public, no account): classes by programme type, city and occupation; subsidised / open only. */
import { Card, Checkbox, Empty, Flex, Input, Pagination, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ProgrammeType } from '../../../shared/training.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { ClassPlace, ClassStatusTag, Fee, ProgrammeTag, yuan } from './TrainingBits.js';
import type { ClassList, ClassView } from './training-types.js';

export function ClassCard({ cls }: { cls: ClassView }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="class-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <ProgrammeTag type={cls.programmeType} />
          <ClassStatusTag status={cls.status} />
          {cls.subsidyFen ? <Typography.Text type="success">{t('training.list.subsidy', { amount: yuan(cls.subsidyFen) })}</Typography.Text> : null}
        </Space>
        <Typography.Title level={2} className="event-card-title">
          <Link to={`/training/classes/${cls.id}`}>{cls.name}</Link>
        </Typography.Title>
        <Typography.Text>{timeRange(cls.startsAt, cls.endsAt)}</Typography.Text>
        <Typography.Text type="secondary">
          <ClassPlace cls={cls} /> · {cls.providerName}
        </Typography.Text>
        <Typography.Text>
          {t('training.detail.fee')}：<Fee fen={cls.feeFen} />
        </Typography.Text>
        {cls.enrolmentOpen ? (
          <Typography.Text type={cls.seatsLeft > 0 ? 'success' : 'warning'}>
            {cls.seatsLeft > 0 ? t('training.list.seatsLeft', { n: cls.seatsLeft }) : t('training.list.full')}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

export function TrainingClassesPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const { regions } = useRegions();
  const subsidised = filters.get('subsidised') === 'true';
  const open = filters.get('open') !== 'false';
  const { data, error, loading, reload } = useApi<ClassList>('/api/training/classes', {
    programmeType: filters.get('programmeType'),
    city: filters.get('city'),
    occupationCode: filters.get('occupationCode'),
    q: filters.get('q'),
    subsidised: subsidised ? 'true' : undefined,
    open: open ? 'true' : undefined,
    page: filters.page,
    pageSize: 12,
  });
  const cities = (regions ?? []).filter((r) => r.level === 'city' || r.level === 'special');
  return (
    <>
      <PageHeader title={t('training.list.title')} intro={t('training.list.intro')} />
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        <Select
          aria-label={t('training.list.programme')}
          style={{ minWidth: 160 }}
          value={filters.get('programmeType')}
          onChange={(v) => filters.update({ programmeType: v })}
          options={[
            { value: '', label: t('training.list.allProgrammes') },
            ...ProgrammeType.options.map((p) => ({ value: p, label: t(`training.programme.${p}`) })),
          ]}
          data-testid="filter-programme"
        />
        <Select
          aria-label={t('training.list.city')}
          style={{ minWidth: 140 }}
          value={filters.get('city')}
          onChange={(v) => filters.update({ city: v })}
          options={[{ value: '', label: t('training.list.allCities') }, ...cities.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Input.Search
          aria-label={t('training.list.occupation')}
          placeholder={t('training.list.occupation')}
          allowClear
          defaultValue={filters.get('occupationCode')}
          onSearch={(v) => filters.update({ occupationCode: /^\d-\d{2}-\d{2}-\d{2}$/.test(v.trim()) ? v.trim() : '' })}
          style={{ maxWidth: 200 }}
        />
        <Input.Search
          aria-label={t('training.list.search')}
          placeholder={t('training.list.search')}
          allowClear
          defaultValue={filters.get('q')}
          onSearch={(v) => filters.update({ q: v.trim() })}
          style={{ maxWidth: 260 }}
        />
        <Checkbox checked={subsidised} onChange={(e) => filters.update({ subsidised: e.target.checked ? 'true' : '' })}>
          {t('training.list.subsidised')}
        </Checkbox>
        <Checkbox checked={open} onChange={(e) => filters.update({ open: e.target.checked ? '' : 'false' })}>
          {t('training.list.open')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t('training.list.total', { total: data.total })}
        </Typography.Paragraph>
      ) : null}
      {!loading && data && data.items.length === 0 ? <Empty description={t('training.list.empty')} /> : null}
      <div className="event-grid" data-testid="class-list">
        {(data?.items ?? []).map((c) => (
          <ClassCard key={c.id} cls={c} />
        ))}
      </div>
      {data && data.total > data.pageSize ? (
        <Pagination style={{ marginTop: 16 }} current={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => filters.update({ page: p })} />
      ) : null}
    </>
  );
}
