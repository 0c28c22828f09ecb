/** 我的账号: my data (identifiers masked by the server), consents, export and closure. */
import { Card, Descriptions, Skeleton, Space } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import type { AccountData, MeUser } from '../../api-types.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ConsentsCard } from './ConsentsCard.js';
import { DataRightsCard } from './DataRightsCard.js';

function ProfileCard({ user }: { user: MeUser }) {
  const { t, tx } = useI18n();
  const when = (iso: string | null) => (iso ? dayjs(iso).format('YYYY-MM-DD HH:mm') : '—');
  const items = [
    { key: 'username', label: t('fields.username'), children: user.username },
    { key: 'displayName', label: t('fields.displayName'), children: user.displayName },
    { key: 'role', label: t('fields.role'), children: t(`roles.${user.role}`) },
    { key: 'region', label: t('fields.regionCode'), children: user.regionName ?? user.regionCode },
    ...(user.department ? [{ key: 'department', label: t('fields.department'), children: tx(`departments.${user.department}`, user.department) }] : []),
    ...(user.organisation ? [{ key: 'org', label: t('account.organisation'), children: user.organisation.name }] : []),
    { key: 'idNumber', label: t('fields.idNumber'), children: <span data-testid="id-number-masked">{user.idNumberMasked ?? t('common.notSet')}</span> },
    { key: 'phone', label: t('fields.phone'), children: <span data-testid="phone-masked">{user.phoneMasked ?? t('common.notSet')}</span> },
    { key: 'secondFactor', label: t('account.secondFactor'), children: user.secondFactor ? t('account.bound') : t('account.notBound') },
    { key: 'createdAt', label: t('account.createdAt'), children: when(user.createdAt) },
    { key: 'lastLoginAt', label: t('account.lastLoginAt'), children: when(user.lastLoginAt) },
  ];
  return (
    <Card title={<h2 className="card-title">{t('account.profile')}</h2>}>
      <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />
      <p className="muted">{t('account.maskNote')}</p>
    </Card>
  );
}

export function AccountPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<AccountData>('/api/account');
  const [current, setCurrent] = useState<AccountData | undefined>();
  useEffect(() => setCurrent(data), [data]);
  return (
    <>
      <PageHeader title={t('account.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !current ? <Skeleton active /> : null}
      {current ? (
        <Space orientation="vertical" size="large" style={{ width: '100%' }}>
          <ProfileCard user={current.user} />
          <ConsentsCard data={current} onChange={setCurrent} />
          <DataRightsCard />
        </Space>
      ) : null}
    </>
  );
}
