/** The invitation status as a tag with AA contrast. */
import type { InvitationStatus } from '../../../shared/talentpool.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';

const TONE: Record<InvitationStatus, Tone> = { sent: 'info', accepted: 'success', declined: 'neutral', expired: 'warning', withdrawn: 'neutral' };

export function InvitationStatusTag({ status }: { status: InvitationStatus }) {
  const { t } = useI18n();
  return (
    <span data-testid="invitation-status" data-status={status}>
      <ToneTag tone={TONE[status]}>{t(`talentpool.status.${status}`)}</ToneTag>
    </span>
  );
}
