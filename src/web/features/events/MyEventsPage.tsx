/** 我的活动 (talent): registrations with the ticket QR code, the waitlist position, cancel. */
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Typography } from 'antd';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EventKindTag, EventPlace, RegistrationStatusTag, timeRange } from './EventBits.js';
import { TicketCard } from './TicketCard.js';
import type { MyRegistration } from './event-types.js';
import { useCommand } from './useCommand.js';
import './events.css';

function RegistrationCard({ item, onChanged }: { item: MyRegistration; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const active = item.status !== 'cancelled';
  const over = ['finished', 'cancelled'].includes(item.event.status);
  const cancel = async () => {
    const done = await run(() => api(`/api/events/${item.eventId}/registration/cancel`, { method: 'POST' }));
    if (done) {
      void message.success(t('events.detail.cancelled'));
      onChanged();
    }
  };
  return (
    <Card data-testid="my-event" data-status={item.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <EventKindTag kind={item.event.kind} />
          <RegistrationStatusTag status={item.status} />
        </Space>
        <Typography.Title level={2} className="event-card-title">
          <Link to={`/events/${item.eventId}`}>{item.event.title}</Link>
        </Typography.Title>
        <Typography.Text>{timeRange(item.event.startsAt, item.event.endsAt)}</Typography.Text>
        <Typography.Text type="secondary">
          <EventPlace event={{ ...item.event, regionName: item.event.regionName ?? null }} />
        </Typography.Text>
        {item.status === 'waitlisted' ? (
          <Alert type="warning" showIcon title={t('events.detail.waitlisted', { position: item.waitlistPosition ?? '' })} />
        ) : null}
        {active && !over ? <TicketCard registration={item} title={item.event.title} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        {active && !over && !item.checkedInAt ? (
          <Popconfirm
            title={t('events.detail.cancelConfirm')}
            okText={t('events.detail.cancel')}
            cancelText={t('common.cancel')}
            onConfirm={() => void cancel()}
          >
            <Button danger loading={busy} aria-label={`${t('events.detail.cancel')}：${item.event.title}`}>
              {t('events.detail.cancel')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}

export function MyEventsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: MyRegistration[] }>('/api/events/registrations/mine');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('events.mine.title')} intro={t('events.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('events.mine.empty')}>
          <Link to="/events">{t('events.mine.browse')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-events">
        {items.map((item) => (
          <RegistrationCard key={item.id} item={item} onChanged={reload} />
        ))}
      </Space>
    </>
  );
}
