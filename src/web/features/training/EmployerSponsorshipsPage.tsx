/** 委托培训 (employer): places the organisation sponsored for its employees and their outcome. */
import { Empty, Table, Typography } from 'antd';
import { Link } from 'react-router';
import type { EnrolmentStatus } from '../../../shared/training.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { EnrolmentStatusTag } from './TrainingBits.js';

interface Sponsored {
  id: string;
  classId: string;
  className: string;
  startsOn: string;
  status: EnrolmentStatus;
  nameMasked: string;
  completedAt: string | null;
}

export function EmployerSponsorshipsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: Sponsored[] }>('/api/training/sponsorships');
  return (
    <>
      <PageHeader title={t('training.sponsorships.title')} intro={t('training.sponsorships.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<Sponsored>
        rowKey="id"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{
          emptyText: (
            <Empty description={t('training.sponsorships.empty')}>
              <Link to="/training">{t('training.mine.browse')}</Link>
            </Empty>
          ),
        }}
        columns={[
          { title: t('training.manage.name'), key: 'name', dataIndex: 'nameMasked' },
          {
            title: t('training.form.name'),
            key: 'class',
            render: (_: unknown, s: Sponsored) => (
              <>
                <Link to={`/training/classes/${s.classId}`}>{s.className}</Link>
                <Typography.Text type="secondary"> {s.startsOn}</Typography.Text>
              </>
            ),
          },
          { title: t('training.manage.status'), key: 'status', render: (_: unknown, s: Sponsored) => <EnrolmentStatusTag status={s.status} /> },
        ]}
      />
    </>
  );
}
