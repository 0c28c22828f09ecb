import type { OrgStatus } from '../api-types.js';
import { useI18n } from '../i18n/I18nProvider.js';
import type { Tone } from '../theme.js';
import { ToneTag } from './ToneTag.js';

export const ORG_STATUS_TONE: Record<OrgStatus, Tone> = {
  pending: 'warning',
  verified: 'success',
  returned: 'warning',
  rejected: 'error',
  suspended: 'error',
};

/** An organisation's verification status as a coloured tag. */
export function OrgStatusTag({ status }: { status: string }) {
  const { tx } = useI18n();
  const tone = ORG_STATUS_TONE[status as OrgStatus] ?? 'neutral';
  return <ToneTag tone={tone}>{tx(`orgStatus.${status}`, status)}</ToneTag>;
}
