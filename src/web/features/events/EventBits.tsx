/** Small pieces shared by the event pages: status and kind tags, time range, place. */
import dayjs from 'dayjs';
import { type EventKind, type EventStatus, eventCategory, type ParticipantStatus, type RegistrationStatus } from '../../../shared/events.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';
import type { EventSummary } from './event-types.js';

const STATUS_TONE: Record<EventStatus, Tone> = {
  draft: 'neutral',
  published: 'success',
  registration_closed: 'warning',
  finished: 'neutral',
  cancelled: 'error',
};
const PARTICIPANT_TONE: Record<ParticipantStatus, Tone> = {
  applied: 'warning',
  invited: 'info',
  approved: 'success',
  rejected: 'error',
  declined: 'neutral',
  withdrawn: 'neutral',
};
const REGISTRATION_TONE: Record<RegistrationStatus, Tone> = { registered: 'success', waitlisted: 'warning', cancelled: 'neutral' };

export function EventStatusTag({ status }: { status: EventStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={STATUS_TONE[status]}>{t(`events.status.${status}`)}</ToneTag>;
}

export function EventKindTag({ kind }: { kind: EventKind }) {
  const { t } = useI18n();
  const tone: Tone = kind === 'online' ? 'digital' : eventCategory(kind) === 'literacy' ? 'success' : 'info';
  return <ToneTag tone={tone}>{t(`events.kind.${kind}`)}</ToneTag>;
}

export function ParticipantStatusTag({ status }: { status: ParticipantStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={PARTICIPANT_TONE[status]}>{t(`events.participantStatus.${status}`)}</ToneTag>;
}

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={REGISTRATION_TONE[status]}>{t(`events.registrationStatus.${status}`)}</ToneTag>;
}

/** `2026-12-01 09:00–16:30`, or two full dates when the event spans days. */
export function timeRange(startsAt: string, endsAt: string): string {
  const s = dayjs(startsAt);
  const e = dayjs(endsAt);
  return s.isSame(e, 'day') ? `${s.format('YYYY-MM-DD HH:mm')}–${e.format('HH:mm')}` : `${s.format('YYYY-MM-DD HH:mm')} – ${e.format('YYYY-MM-DD HH:mm')}`;
}

export function dateTime(iso: string | null | undefined): string {
  return iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—';
}

/** The venue with its region, or "online". */
export function EventPlace({ event }: { event: Pick<EventSummary, 'venue' | 'onlineUrl' | 'regionName' | 'kind'> }) {
  const { t } = useI18n();
  if (event.kind === 'online' || (!event.venue && event.onlineUrl)) return <span>{t('events.list.online')}</span>;
  return (
    <span>
      {event.regionName ? `${event.regionName} · ` : ''}
      {event.venue}
    </span>
  );
}
