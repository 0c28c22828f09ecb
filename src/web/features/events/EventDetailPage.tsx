/** 活动详情 (public for published events): when and where, registration with the ticket, employers and their jobs. */
import { Card, Descriptions, Result, Skeleton, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { ApiError } from '../../api.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EmployerSection } from './EmployerSection.js';
import { dateTime, EventKindTag, EventPlace, EventStatusTag, timeRange } from './EventBits.js';
import { ParticipantsList } from './ParticipantsList.js';
import { RegisterSection } from './RegisterSection.js';
import type { EventDetail } from './event-types.js';
import './events.css';

function EventFacts({ event }: { event: EventDetail }) {
  const { t } = useI18n();
  const items = [
    { key: 'time', label: t('events.detail.time'), children: timeRange(event.startsAt, event.endsAt) },
    event.venue ? { key: 'place', label: t('events.detail.place'), children: <EventPlace event={event} /> } : null,
    event.onlineUrl
      ? {
          key: 'online',
          label: t('events.detail.onlineLink'),
          children: (
            <a href={event.onlineUrl} target="_blank" rel="noopener noreferrer">
              {event.onlineUrl}
            </a>
          ),
        }
      : null,
    { key: 'organiser', label: t('events.detail.organiser'), children: event.organiser },
    { key: 'deadline', label: t('events.detail.deadline'), children: dateTime(event.registrationDeadline) },
    {
      key: 'capacity',
      label: t('events.detail.capacity'),
      children: t('events.detail.capacityText', { registered: event.counts.registered, capacity: event.capacity }),
    },
  ].filter((i) => i !== null);
  return <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}

export function EventDetailPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  const { data, error, loading, reload } = useApi<EventDetail>(valid ? `/api/events/${id}` : null);
  const notFound = !valid || (error instanceof ApiError && (error.status === 404 || error.status === 400));
  if (notFound) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('events.detail.notFound')}</h1>}
        extra={
          <ButtonLink to="/events" type="primary">
            {t('events.detail.back')}
          </ButtonLink>
        }
      />
    );
  }
  const event = data && data.id === id ? data : undefined;
  const literacy = event?.category === 'literacy';
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to={literacy ? '/literacy' : '/events'}>← {literacy ? t('events.literacy.title') : t('events.detail.back')}</Link>
      </div>
      <PageHeader
        title={event?.title ?? t('events.list.title')}
        extra={event && event.allowedActions.length > 0 ? <ButtonLink to={`/manage/events/${event.id}`}>{t('events.detail.manage')}</ButtonLink> : null}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !event ? <Skeleton active /> : null}
      {event ? (
        <>
          <Card>
            <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
              <EventKindTag kind={event.kind} />
              <EventStatusTag status={event.status} />
            </Space>
            <EventFacts event={event} />
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('events.detail.description')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{event.description}</Typography.Paragraph>
          </Card>
          <RegisterSection event={event} onChanged={reload} />
          {literacy ? null : (
            <>
              <EmployerSection event={event} onChanged={reload} />
              <ParticipantsList participants={event.participants} />
            </>
          )}
        </>
      ) : null}
    </>
  );
}
