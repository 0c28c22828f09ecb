/** 培训班管理 (provider): the organisation's classes in every state, with enrolment counts. */
import { Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { ClassStatus } from '../../../shared/training.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { ClassStatusTag, ProgrammeTag } from './TrainingBits.js';
import type { ClassList, ClassView } from './training-types.js';

export function ProviderClassesPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const { data, error, loading, reload } = useApi<ClassList>('/api/training/classes/manage', {
    status: filters.get('status'),
    page: filters.page,
    pageSize: 20,
  });
  const columns = [
    {
      title: t('training.form.name'),
      key: 'name',
      render: (_: unknown, c: ClassView) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/provider/classes/${c.id}`}>{c.name}</Link>
          <Typography.Text type="secondary">{timeRange(c.startsAt, c.endsAt)}</Typography.Text>
        </Space>
      ),
    },
    {
      title: t('training.form.programme'),
      key: 'programme',
      responsive: ['md' as const],
      render: (_: unknown, c: ClassView) => <ProgrammeTag type={c.programmeType} />,
    },
    { title: t('training.manage.status'), key: 'status', render: (_: unknown, c: ClassView) => <ClassStatusTag status={c.status} /> },
    {
      title: t('training.manage.counts'),
      key: 'counts',
      responsive: ['sm' as const],
      render: (_: unknown, c: ClassView) =>
        `${c.counts.enrolled} / ${c.counts.waitlisted ?? 0} / ${c.counts.completed ?? 0}（${t('training.detail.capacity')} ${c.capacity}）`,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, c: ClassView) => (
        <Space wrap>
          <Link to={`/provider/classes/${c.id}`}>{t('training.manage.open')}</Link>
          {c.status === 'published' || c.status === 'closed' ? <Link to={`/provider/classes/${c.id}/check-in`}>{t('training.manage.checkIn')}</Link> : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('training.manage.title')}
        intro={t('training.manage.intro')}
        extra={
          <ButtonLink to="/provider/classes/new" type="primary" data-testid="class-create">
            {t('training.manage.create')}
          </ButtonLink>
        }
      />
      <Select
        aria-label={t('training.manage.status')}
        style={{ minWidth: 160, marginBottom: 12 }}
        value={filters.get('status')}
        onChange={(v) => filters.update({ status: v })}
        options={[{ value: '', label: t('training.manage.allStatuses') }, ...ClassStatus.options.map((s) => ({ value: s, label: t(`training.status.${s}`) }))]}
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<ClassView>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <span className="event-empty">{t('training.manage.empty')}</span> }}
        pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, onChange: (p) => filters.update({ page: p }) }}
        data-testid="provider-classes"
      />
    </>
  );
}
