/** Shared by the agency pages: status tags, services, licence flags, the licence facts and the history. */
import { Descriptions, Space } from 'antd';
import type { FilingStatus, RegistrationStatus, ReportStatus } from '../../../shared/agencies.js';
import type { WorkflowHistoryEntry } from '../../api-types.js';
import { ToneTag } from '../../components/ToneTag.js';
import { WorkflowHistory } from '../../components/WorkflowHistory.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';
import type { AgencyEntry } from './agencies-types.js';

const REG_TONE: Record<RegistrationStatus, Tone> = {
  submitted: 'warning',
  returned: 'warning',
  approved: 'success',
  suspended: 'error',
  revoked: 'error',
  expired: 'neutral',
};
const REPORT_TONE: Record<ReportStatus | FilingStatus, Tone> = {
  draft: 'neutral',
  not_filed: 'neutral',
  submitted: 'warning',
  accepted: 'success',
  returned: 'error',
};

export function RegistrationStatusTag({ status }: { status: RegistrationStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={REG_TONE[status]}>{t(`agencies.status.${status}`)}</ToneTag>;
}

export function ReportStatusTag({ status }: { status: ReportStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={REPORT_TONE[status]}>{t(`agencies.reportStatus.${status}`)}</ToneTag>;
}

export function FilingStatusTag({ status }: { status: FilingStatus }) {
  const { t } = useI18n();
  return <ToneTag tone={REPORT_TONE[status]}>{t(`agencies.filing.${status}`)}</ToneTag>;
}

export function ServiceTags({ services }: { services: AgencyEntry['services'] }) {
  const { t } = useI18n();
  return (
    <Space size={[6, 6]} wrap>
      {services.map((s) => (
        <ToneTag key={s} tone={s === 'ai_recruitment' || s === 'internet_recruitment' ? 'digital' : 'info'}>
          {t(`agencies.service.${s}`)}
        </ToneTag>
      ))}
    </Space>
  );
}

export function LicenceFlags({ entry }: { entry: Pick<AgencyEntry, 'licenceExpired' | 'licenceExpiring' | 'validTo'> }) {
  const { t } = useI18n();
  if (entry.licenceExpired) return <ToneTag tone="error">{t('agencies.flags.expired')}</ToneTag>;
  if (entry.licenceExpiring) return <ToneTag tone="warning">{t('agencies.flags.expiring', { date: entry.validTo })}</ToneTag>;
  return null;
}

/** The licence as registered: number, authority, validity, scope, services. */
export function LicenceFacts({ entry }: { entry: AgencyEntry }) {
  const { t } = useI18n();
  const items = [
    { key: 'number', label: t('agencies.fields.licenceNumber'), children: entry.licenceNumber },
    { key: 'authority', label: t('agencies.fields.issuingAuthority'), children: entry.issuingAuthority },
    {
      key: 'validity',
      label: t('agencies.fields.validity'),
      children: (
        <Space wrap size={6}>
          <span>
            {entry.validFrom} — {entry.validTo}
          </span>
          <LicenceFlags entry={entry} />
        </Space>
      ),
    },
    { key: 'scope', label: t('agencies.fields.businessScope'), children: entry.businessScope },
    { key: 'services', label: t('agencies.fields.services'), children: <ServiceTags services={entry.services} /> },
  ];
  return <Descriptions column={1} size="small" bordered items={items} styles={{ label: { whiteSpace: 'nowrap' } }} />;
}

export function AgencyHistory({ history, workflow }: { history: readonly WorkflowHistoryEntry[]; workflow: 'registration' | 'report' }) {
  const { t, tx } = useI18n();
  const state = (s: string) => (workflow === 'registration' ? tx(`agencies.status.${s}`, s) : tx(`agencies.reportStatus.${s}`, s));
  return (
    <WorkflowHistory
      history={history}
      lineKey="agencies.workspace.historyLine"
      emptyText={t('agencies.workspace.noHistory')}
      stateLabel={state}
      actionLabel={(a) => tx(`agencies.action.${a}`, a)}
    />
  );
}

/** The reason of the last return, when the entity is returned now. */
export function lastReturnReason(status: string, history: readonly WorkflowHistoryEntry[] | undefined): string | null {
  if (status !== 'returned') return null;
  return [...(history ?? [])].reverse().find((h) => h.action === 'return')?.reason ?? null;
}
