/** 补贴公示 (public): claims in public notice, names masked, with the notice period. */
import { Table } from 'antd';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { levelName, money } from './policy-bits.js';

interface Notice {
  id: string;
  policyName: string;
  regionName: string;
  applicantName: string;
  occupationCode: string | null;
  levelCode: string | null;
  amountFen: number;
  noticeFrom: string;
  noticeUntil: string;
}

export function NoticesPage() {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  const { data, error, loading, reload } = useApi<{ items: Notice[] }>('/api/policies/notices');
  return (
    <>
      <PageHeader title={t('policies.notices.title')} intro={t('policies.notices.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<Notice>
        rowKey="id"
        data-testid="notices"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={desktop ? undefined : { x: 640 }}
        locale={{ emptyText: t('policies.notices.empty') }}
        columns={[
          { title: t('policies.notices.applicant'), dataIndex: 'applicantName' },
          { title: t('policies.notices.policy'), dataIndex: 'policyName' },
          { title: t('policies.notices.level'), render: (_, n) => [n.occupationCode, levelName(n.levelCode)].filter(Boolean).join(' / ') },
          { title: t('policies.notices.amount'), render: (_, n) => money(n.amountFen) },
          { title: t('policies.notices.region'), dataIndex: 'regionName' },
          { title: t('policies.notices.period'), render: (_, n) => `${n.noticeFrom} — ${n.noticeUntil}` },
        ]}
      />
    </>
  );
}
