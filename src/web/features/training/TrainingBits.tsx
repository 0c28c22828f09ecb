/** Small pieces shared by the training pages: tags, money, place, the ticket. */
import { Typography } from 'antd';
import type { ClassStatus, EnrolmentStatus, ProgrammeType } from '../../../shared/training.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';
import type { ClassView, EnrolmentView } from './training-types.js';

const STATUS_TONE: Record<ClassStatus, Tone> = { draft: 'neutral', published: 'success', closed: 'warning', finished: 'neutral', cancelled: 'error' };
const ENROLMENT_TONE: Record<EnrolmentStatus, Tone> = {
  offered: 'info',
  enrolled: 'success',
  waitlisted: 'warning',
  withdrawn: 'neutral',
  declined: 'neutral',
  completed: 'success',
  not_completed: 'error',
  expired: 'neutral',
};

export function ClassStatusTag({ status }: { status: ClassStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`training.status.${status}`)}</ToneTag>;
}

export function EnrolmentStatusTag({ status }: { status: EnrolmentStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={ENROLMENT_TONE[status]}>{t(`training.enrolmentStatus.${status}`)}</ToneTag>;
}

export function ProgrammeTag({ type }: { type: ProgrammeType }) {
  const { t } = useI18n();
  return <ToneTag tone="digital">{t(`training.programme.${type}`)}</ToneTag>;
}

/** 分 as 元 with thousands separators (two decimals only when there are fen). */
export function yuan(fen: number): string {
  return (fen / 100).toLocaleString('zh-CN', { minimumFractionDigits: fen % 100 ? 2 : 0, maximumFractionDigits: 2 });
}

export function Fee({ fen }: { fen: number }) {
  const { t } = useI18n();
  return <>{fen === 0 ? t('training.money.free') : t('training.money.yuan', { amount: yuan(fen) })}</>;
}

export function ClassPlace({ cls }: { cls: Pick<ClassView, 'mode' | 'venue' | 'regionName'> }) {
  const { t } = useI18n();
  return <>{cls.mode === 'online' ? t('training.detail.online') : [cls.regionName, cls.venue].filter(Boolean).join(' · ')}</>;
}

export function TrainingTicket({ enrolment, title }: { enrolment: EnrolmentView; title: string }) {
  const { t } = useI18n();
  const ticket = enrolment.ticket;
  if (!ticket) return null;
  return (
    <section aria-label={t('training.ticket.title')} className="event-ticket" data-testid="training-ticket">
      <img src={ticket.qrDataUrl} alt={t('training.ticket.qrAlt', { title })} />
      <div style={{ minWidth: 0 }}>
        <Typography.Text type="secondary">{t('training.ticket.code')}</Typography.Text>
        <div className="event-ticket-code" data-testid="training-ticket-code">
          {ticket.code}
        </div>
        <Typography.Paragraph type="secondary" style={{ marginTop: 8, maxWidth: 360 }}>
          {t('training.ticket.hint')}
        </Typography.Paragraph>
      </div>
    </section>
  );
}
