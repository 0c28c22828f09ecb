/** 报名名单 (official): names and mobile numbers masked; status and check-in time. */
import { Select, Table } from 'antd';
import { useState } from 'react';
import { RegistrationStatus } from '../../../shared/events.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime, RegistrationStatusTag } from './EventBits.js';
import type { RegistrationRow } from './event-types.js';

export function ManageRegistrations({ eventId }: { eventId: string }) {
  const { t } = useI18n();
  const [status, setStatus] = useState('');
  const [page, setPage] = useState(1);
  const { data, error, loading, reload } = useApi<{ items: RegistrationRow[]; total: number; pageSize: number }>(`/api/events/${eventId}/registrations`, {
    status,
    page,
    pageSize: 50,
  });
  const columns = [
    { title: t('events.manage.name'), dataIndex: 'nameMasked', key: 'name' },
    { title: t('events.manage.phone'), key: 'phone', responsive: ['sm' as const], render: (_: unknown, r: RegistrationRow) => r.phoneMasked ?? '—' },
    { title: t('events.manage.status'), key: 'status', render: (_: unknown, r: RegistrationRow) => <RegistrationStatusTag status={r.status} /> },
    { title: t('events.manage.registeredAt'), key: 'at', responsive: ['md' as const], render: (_: unknown, r: RegistrationRow) => dateTime(r.registeredAt) },
    {
      title: t('events.manage.checkedInAt'),
      key: 'checkedIn',
      render: (_: unknown, r: RegistrationRow) => (r.checkedInAt ? dateTime(r.checkedInAt) : t('events.manage.notCheckedIn')),
    },
  ];
  return (
    <>
      <Select
        aria-label={t('events.manage.status')}
        style={{ minWidth: 160, marginBottom: 12 }}
        value={status}
        onChange={(v) => {
          setStatus(v);
          setPage(1);
        }}
        options={[
          { value: '', label: t('events.manage.allStatuses') },
          ...RegistrationStatus.options.map((s) => ({ value: s, label: t(`events.registrationStatus.${s}`) })),
        ]}
      />
      <ErrorAlert error={error} onRetry={reload} />
      <Table<RegistrationRow>
        rowKey="id"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        locale={{ emptyText: <span className="event-empty">{t('events.manage.noRegistrations')}</span> }}
        pagination={{ current: page, pageSize: data?.pageSize ?? 50, total: data?.total ?? 0, onChange: setPage }}
        data-testid="manage-registrations"
      />
    </>
  );
}
