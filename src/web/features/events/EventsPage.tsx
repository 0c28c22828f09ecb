/**
 * 招聘活动 and 数字素养活动 (public, no account): published events with filters by category, city, kind and
 * "not yet over". `/literacy` is the same list fixed to the digital-literacy activities.
 */
import { Card, Checkbox, Empty, Flex, Input, Pagination, Select, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { EVENT_CATEGORY_KINDS, EventCategory, EventKind } from '../../../shared/events.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useRegions } from '../../components/regions.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EventKindTag, EventPlace, EventStatusTag, timeRange } from './EventBits.js';
import type { EventList, EventView } from './event-types.js';
import './events.css';

export function EventCard({ event }: { event: EventView }) {
  const { t } = useI18n();
  return (
    <Card size="small" data-testid="event-card">
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <EventKindTag kind={event.kind} />
          <EventStatusTag status={event.status} />
        </Space>
        <Typography.Title level={2} className="event-card-title">
          <Link to={`/events/${event.id}`}>{event.title}</Link>
        </Typography.Title>
        <Typography.Text>{timeRange(event.startsAt, event.endsAt)}</Typography.Text>
        <Typography.Text type="secondary">
          <EventPlace event={event} /> · {event.organiser}
        </Typography.Text>
        {event.status === 'published' ? (
          <Typography.Text type={event.seatsLeft > 0 ? 'success' : 'warning'}>
            {event.seatsLeft > 0 ? t('events.list.seatsLeft', { n: event.seatsLeft }) : t('events.list.full')}
          </Typography.Text>
        ) : null}
      </Space>
    </Card>
  );
}

/** 数字素养活动: the events list fixed to the digital-literacy kinds. */
export function LiteracyEventsPage() {
  return <EventsPage fixedCategory="literacy" />;
}

export function EventsPage({ fixedCategory }: { fixedCategory?: EventCategory }) {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const { regions } = useRegions();
  const upcoming = filters.get('upcoming') !== 'false';
  const category = fixedCategory ?? EventCategory.safeParse(filters.get('category')).data;
  const kinds = category ? EVENT_CATEGORY_KINDS[category] : EventKind.options;
  const { data, error, loading, reload } = useApi<EventList>('/api/events', {
    city: filters.get('city'),
    category,
    kind: filters.get('kind'),
    q: filters.get('q'),
    upcoming: upcoming ? 'true' : undefined,
    page: filters.page,
    pageSize: 12,
  });
  const cities = (regions ?? []).filter((r) => r.level === 'city' || r.level === 'special');
  return (
    <>
      {category === 'literacy' ? (
        <PageHeader title={t('events.literacy.title')} intro={t('events.literacy.intro')} />
      ) : (
        <PageHeader title={t('events.list.title')} intro={t('events.list.intro')} />
      )}
      <Flex wrap gap={12} style={{ marginBottom: 16 }} role="search">
        {fixedCategory ? null : (
          <Select
            aria-label={t('events.list.category')}
            style={{ minWidth: 140 }}
            value={category ?? ''}
            onChange={(v) => filters.update({ category: v, kind: '' })}
            options={[
              { value: '', label: t('events.list.allCategories') },
              ...EventCategory.options.map((c) => ({ value: c, label: t(`events.category.${c}`) })),
            ]}
            data-testid="event-category"
          />
        )}
        <Select
          aria-label={t('events.list.city')}
          style={{ minWidth: 160 }}
          value={filters.get('city')}
          onChange={(v) => filters.update({ city: v })}
          options={[{ value: '', label: t('events.list.allCities') }, ...cities.map((c) => ({ value: c.code, label: c.name }))]}
        />
        <Select
          aria-label={t('events.list.kind')}
          style={{ minWidth: 140 }}
          value={filters.get('kind')}
          onChange={(v) => filters.update({ kind: v })}
          options={[{ value: '', label: t('events.list.allKinds') }, ...kinds.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))]}
        />
        <Input.Search
          aria-label={t('events.list.search')}
          placeholder={t('events.list.search')}
          allowClear
          defaultValue={filters.get('q')}
          onSearch={(v) => filters.update({ q: v.trim() })}
          style={{ maxWidth: 280 }}
        />
        <Checkbox checked={upcoming} onChange={(e) => filters.update({ upcoming: e.target.checked ? '' : 'false' })}>
          {t('events.list.upcoming')}
        </Checkbox>
      </Flex>
      <ErrorAlert error={error} onRetry={reload} />
      {data ? (
        <Typography.Paragraph type="secondary" aria-live="polite">
          {t('events.list.total', { total: data.total })}
        </Typography.Paragraph>
      ) : null}
      {!loading && data && data.items.length === 0 ? <Empty description={t('events.list.empty')} /> : null}
      <div className="event-grid" data-testid="event-list">
        {(data?.items ?? []).map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </div>
      {data && data.total > data.pageSize ? (
        <Pagination style={{ marginTop: 16 }} current={data.page} pageSize={data.pageSize} total={data.total} onChange={(p) => filters.update({ page: p })} />
      ) : null}
    </>
  );
}
