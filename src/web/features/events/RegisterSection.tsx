/**
 * 报名 on the event page: talents register (or join the waitlist), see their ticket and may cancel;
 * visitors are asked to sign in; other roles see a note.
 */
import { Alert, App, Button, Card, Popconfirm, Space } from 'antd';
import { useLocation, useNavigate } from 'react-router';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { TicketCard } from './TicketCard.js';
import type { EventDetail, RegistrationView } from './event-types.js';
import { useCommand } from './useCommand.js';

export function RegisterSection({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const mine = event.myRegistration;
  const register = async () => {
    const done = await run(() => api<RegistrationView>(`/api/events/${event.id}/registration`, { method: 'POST' }));
    if (done) onChanged();
  };
  const cancel = async () => {
    const done = await run(() => api<RegistrationView>(`/api/events/${event.id}/registration/cancel`, { method: 'POST' }));
    if (done) {
      void message.success(t('events.detail.cancelled'));
      onChanged();
    }
  };
  let body: React.ReactNode;
  if (!me) {
    body = (
      <Alert
        type="info"
        showIcon
        title={t('events.detail.loginToRegister')}
        action={
          <Button type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })}>
            {t('auth.login.submit')}
          </Button>
        }
      />
    );
  } else if (me.user.role !== 'talent') {
    body = <Alert type="info" showIcon title={t('events.detail.onlyTalents')} />;
  } else if (mine) {
    body = (
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {mine.status === 'registered' ? (
          <Alert type="success" showIcon title={t('events.detail.registered')} />
        ) : (
          <Alert type="warning" showIcon title={t('events.detail.waitlisted', { position: mine.waitlistPosition ?? '' })} />
        )}
        <TicketCard registration={mine} title={event.title} />
        {!mine.checkedInAt ? (
          <Popconfirm
            title={t('events.detail.cancelConfirm')}
            okText={t('events.detail.cancel')}
            cancelText={t('common.cancel')}
            onConfirm={() => void cancel()}
          >
            <Button danger loading={busy}>
              {t('events.detail.cancel')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    );
  } else if (event.registrationOpen) {
    body = (
      <Button type="primary" size="large" loading={busy} onClick={() => void register()} data-testid="event-register">
        {event.seatsLeft > 0 ? t('events.detail.register') : t('events.detail.registerWaitlist')}
      </Button>
    );
  } else {
    body = <Alert type="info" showIcon title={t('events.detail.closed')} />;
  }
  return (
    <Card title={<h2 className="event-h2">{t('events.detail.registration')}</h2>} style={{ marginTop: 16 }} data-testid="event-registration">
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      {body}
    </Card>
  );
}
