/** 管理活动 (official of the region): workflow buttons, participants, registrations, links to edit and check-in. */
import { Alert, App, Button, Card, Result, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { EventAction } from '../../../shared/events.js';
import { ApiError, api } from '../../api.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EventKindTag, EventPlace, EventStatusTag, timeRange } from './EventBits.js';
import type { EventDetail } from './event-types.js';
import { LiteracyAttendance } from './LiteracyAttendance.js';
import { ManageParticipants } from './ManageParticipants.js';
import { ManageRegistrations } from './ManageRegistrations.js';
import { ReasonModal } from './ReasonModal.js';
import { useCommand } from './useCommand.js';
import './events.css';

function EventActions({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [cancelling, setCancelling] = useState(false);
  const act = async (action: EventAction, reason?: string) => {
    const done = await run(() => api(`/api/events/${event.id}/transitions/${action}`, { method: 'POST', body: reason ? { reason } : {} }));
    if (done) {
      void message.success(t('events.manage.done'));
      setCancelling(false);
      onChanged();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {event.allowedActions.map((a) => (
          <Button
            key={a}
            type={a === 'publish' ? 'primary' : 'default'}
            danger={a === 'cancel'}
            loading={busy}
            onClick={() => (a === 'cancel' ? setCancelling(true) : void act(a))}
            data-testid={`event-action-${a}`}
          >
            {t(`events.action.${a}`)}
          </Button>
        ))}
        {!['finished', 'cancelled'].includes(event.status) ? <ButtonLink to={`/manage/events/${event.id}/edit`}>{t('events.manage.edit')}</ButtonLink> : null}
        {event.status === 'published' || event.status === 'registration_closed' ? (
          <ButtonLink to={`/manage/events/${event.id}/check-in`} data-testid="event-check-in-link">
            {t('events.manage.checkIn')}
          </ButtonLink>
        ) : null}
      </Space>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      <ReasonModal open={cancelling} title={t('events.action.cancel')} busy={busy} onOk={(r) => void act('cancel', r)} onCancel={() => setCancelling(false)} />
    </Space>
  );
}

export function ManageEventPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data: event, error, loading, reload } = useApi<EventDetail>(`/api/events/${id}`);
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title={<h1 className="result-title">{t('events.detail.notFound')}</h1>} />;
  }
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/manage/events">← {t('events.manage.title')}</Link>
      </div>
      <PageHeader title={event?.title ?? t('events.manage.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !event ? <Skeleton active /> : null}
      {event ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Space wrap size={[8, 4]}>
                <EventKindTag kind={event.kind} />
                <EventStatusTag status={event.status} />
              </Space>
              <Typography.Text>{timeRange(event.startsAt, event.endsAt)}</Typography.Text>
              <Typography.Text type="secondary">
                <EventPlace event={event} /> · {event.organiser}
              </Typography.Text>
              <Typography.Text data-testid="event-counts">
                {t('events.manage.counts')}：{event.counts.registered} / {event.counts.waitlisted ?? 0} / {event.counts.checkedIn ?? 0}（
                {t('events.detail.capacity')} {event.capacity}）
              </Typography.Text>
              {event.status !== 'draft' && event.status !== 'cancelled' ? (
                <Link to={`/events/${event.id}`}>{t(event.category === 'literacy' ? 'events.literacy.title' : 'events.list.title')} ↗</Link>
              ) : null}
              <EventActions event={event} onChanged={reload} />
            </Space>
          </Card>
          <LiteracyAttendance event={event} onChanged={reload} />
          <Tabs
            items={[
              ...(event.category === 'literacy'
                ? []
                : [{ key: 'participants', label: t('events.manage.participants'), children: <ManageParticipants event={event} onChanged={reload} /> }]),
              { key: 'registrations', label: t('events.manage.registrations'), children: <ManageRegistrations eventId={event.id} /> },
            ]}
          />
        </>
      ) : null}
    </>
  );
}
