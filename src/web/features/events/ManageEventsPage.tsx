/**
 * 活动管理 (official): the region's events in every state (招聘活动 and 数字素养活动, filtered by category), with
 * registration and check-in counts; for the literacy activities also walk-ins and person-times.
 */
import { Select, Space, Table, Typography } from 'antd';
import { Link } from 'react-router';
import { EventCategory, EventStatus } from '../../../shared/events.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EventKindTag, EventStatusTag, timeRange } from './EventBits.js';
import type { AttendanceTotals, EventList, EventView } from './event-types.js';
import './events.css';

interface Attendance {
  totals: AttendanceTotals;
}

export function ManageEventsPage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const category = EventCategory.safeParse(filters.get('category')).data;
  const { data, error, loading, reload } = useApi<EventList>('/api/events/manage', {
    status: filters.get('status'),
    category,
    page: filters.page,
    pageSize: 20,
  });
  const { data: attendance } = useApi<Attendance>('/api/events/attendance', { category });
  const columns = [
    {
      title: t('events.form.title'),
      key: 'title',
      render: (_: unknown, e: EventView) => (
        <Space orientation="vertical" size={2}>
          <Link to={`/manage/events/${e.id}`}>{e.title}</Link>
          <Typography.Text type="secondary">{timeRange(e.startsAt, e.endsAt)}</Typography.Text>
        </Space>
      ),
    },
    { title: t('events.form.kind'), key: 'kind', responsive: ['md' as const], render: (_: unknown, e: EventView) => <EventKindTag kind={e.kind} /> },
    { title: t('events.manage.status'), key: 'status', render: (_: unknown, e: EventView) => <EventStatusTag status={e.status} /> },
    {
      title: t('events.manage.counts'),
      key: 'counts',
      responsive: ['sm' as const],
      render: (_: unknown, e: EventView) =>
        `${e.counts.registered} / ${e.counts.waitlisted ?? 0} / ${e.counts.checkedIn ?? 0}（${t('events.detail.capacity')} ${e.capacity}）`,
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, e: EventView) => (
        <Space wrap>
          <Link to={`/manage/events/${e.id}`}>{t('events.manage.open')}</Link>
          {e.status === 'published' || e.status === 'registration_closed' ? (
            <Link to={`/manage/events/${e.id}/check-in`}>{t('events.manage.checkIn')}</Link>
          ) : null}
        </Space>
      ),
    },
  ];
  return (
    <>
      <PageHeader
        title={t('events.manage.title')}
        intro={t('events.manage.intro')}
        extra={
          <ButtonLink to="/manage/events/new" type="primary" data-testid="event-create">
            {t('events.manage.create')}
          </ButtonLink>
        }
      />
      {attendance ? (
        <Typography.Paragraph data-testid="event-attendance">
          <strong>{t('events.manage.attendance')}：</strong>
          {category === 'literacy' ? t('events.literacy.totals', { ...attendance.totals }) : t('events.manage.attendanceTotals', { ...attendance.totals })}
        </Typography.Paragraph>
      ) : null}
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          aria-label={t('events.list.category')}
          style={{ minWidth: 160 }}
          value={category ?? ''}
          onChange={(v) => filters.update({ category: v })}
          options={[
            { value: '', label: t('events.list.allCategories') },
            ...EventCategory.options.map((c) => ({ value: c, label: t(`events.category.${c}`) })),
          ]}
          data-testid="manage-event-category"
        />
        <Select
          aria-label={t('events.manage.status')}
          style={{ minWidth: 160 }}
          value={filters.get('status')}
          onChange={(v) => filters.update({ status: v })}
          options={[{ value: '', label: t('events.manage.allStatuses') }, ...EventStatus.options.map((s) => ({ value: s, label: t(`events.status.${s}`) }))]}
        />
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<EventView>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <span className="event-empty">{t('events.manage.empty')}</span> }}
        pagination={{ current: data?.page ?? 1, pageSize: data?.pageSize ?? 20, total: data?.total ?? 0, onChange: (p) => filters.update({ page: p }) }}
        data-testid="manage-events"
      />
    </>
  );
}
