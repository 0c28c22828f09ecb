/** The talent's ticket: QR code (a signed token, no personal data) and the short code to type by hand. */
import { Alert, Typography } from 'antd';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime } from './EventBits.js';
import type { RegistrationView } from './event-types.js';

export function TicketCard({ registration, title }: { registration: RegistrationView; title: string }) {
  const { t } = useI18n();
  const ticket = registration.ticket;
  if (!ticket) return null;
  return (
    <section aria-label={t('events.ticket.title')} className="event-ticket" data-testid="event-ticket">
      <img src={ticket.qrDataUrl} alt={t('events.ticket.qrAlt', { title })} data-testid="ticket-qr" />
      <div style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('events.ticket.code')}</Typography.Text>
        <div className="event-ticket-code" data-testid="ticket-code">
          {ticket.code}
        </div>
        {registration.checkedInAt ? (
          <Alert type="success" showIcon title={t('events.ticket.checkedIn', { time: dateTime(registration.checkedInAt) })} style={{ marginTop: 8 }} />
        ) : (
          <Typography.Paragraph type="secondary" style={{ marginTop: 8, maxWidth: 360 }}>
            {t('events.ticket.hint')}
          </Typography.Paragraph>
        )}
      </div>
    </section>
  );
}
