/** 我参加的招聘活动 (employer): applications, invitations and confirmed participations, with their actions. */
import { Card, Empty, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ParticipantActions } from './EmployerSection.js';
import { EventKindTag, EventPlace, EventStatusTag, ParticipantStatusTag, timeRange } from './EventBits.js';
import type { Participation } from './event-types.js';
import './events.css';

export function EmployerEventsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: Participation[] }>('/api/events/participating');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('events.employer.pageTitle')} intro={t('events.employer.pageIntro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('events.employer.empty')}>
          <Link to="/events">{t('events.employer.browse')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="employer-events">
        {items.map((p) => (
          <Card key={p.id} data-testid="employer-event">
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Space wrap size={[8, 4]}>
                <EventKindTag kind={p.event.kind} />
                <EventStatusTag status={p.event.status} />
                <ParticipantStatusTag status={p.status} />
              </Space>
              <Typography.Title level={2} className="event-card-title">
                {p.event.status === 'draft' ? p.event.title : <Link to={`/events/${p.eventId}`}>{p.event.title}</Link>}
              </Typography.Title>
              <Typography.Text>{timeRange(p.event.startsAt, p.event.endsAt)}</Typography.Text>
              <Typography.Text type="secondary">
                <EventPlace event={{ ...p.event, regionName: null }} />
              </Typography.Text>
              {p.jobs.length > 0 ? (
                <Typography.Text>
                  {t('events.employer.jobs')}：
                  {p.jobs.map((j, i) => (
                    <span key={j.id}>
                      {i > 0 ? '、' : ''}
                      <Link to={`/jobs/${j.id}`}>{j.title}</Link>
                    </span>
                  ))}
                </Typography.Text>
              ) : null}
              <ParticipantActions participant={p} onChanged={reload} />
            </Space>
          </Card>
        ))}
      </Space>
    </>
  );
}
