/** 用户管理: staff and other accounts, by role and name; create staff accounts; disable / enable. */
import { PlusOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Select, Table, type TableProps } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import type { Role } from '../../../shared/roles.js';
import { api } from '../../api.js';
import type { AdminUser, CreatedUser, Paged } from '../../api-types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { CreateUserModal, TotpSecretModal } from './CreateUserModal.js';

const ROLES: readonly Role[] = ['talent', 'employer', 'provider', 'evaluator', 'agency', 'host', 'reviewer', 'official', 'admin', 'auditor'];

function StatusButton({ user, onChanged }: { user: AdminUser; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const next = user.status === 'active' ? 'disabled' : 'active';
  const run = async () => {
    try {
      await api<void>(`/api/admin/users/${user.id}/status`, { method: 'POST', body: { status: next } });
      void message.success(t('admin.users.statusChanged'));
      onChanged();
    } catch (err) {
      void message.error(formatError(i18n, err));
    }
  };
  const label = next === 'disabled' ? t('admin.users.disable') : t('admin.users.enable');
  if (next === 'active')
    return (
      <Button type="link" onClick={() => void run()}>
        {label}
      </Button>
    );
  return (
    <Popconfirm title={t('admin.users.disableConfirm')} onConfirm={() => void run()} okText={label} cancelText={t('common.cancel')}>
      <Button type="link" danger>
        {label}
      </Button>
    </Popconfirm>
  );
}

function useColumns(selfId: string | undefined, reload: () => void): TableProps<AdminUser>['columns'] {
  const { t, tx } = useI18n();
  return [
    { title: t('fields.username'), dataIndex: 'username', key: 'username' },
    { title: t('fields.displayName'), dataIndex: 'displayName', key: 'displayName', responsive: ['md'] },
    { title: t('fields.role'), dataIndex: 'role', key: 'role', render: (r: string) => tx(`roles.${r}`, r) },
    { title: t('fields.regionCode'), key: 'region', responsive: ['lg'], render: (_: unknown, u: AdminUser) => u.regionName ?? u.regionCode },
    {
      title: t('fields.department'),
      dataIndex: 'department',
      key: 'department',
      responsive: ['lg'],
      render: (d: string | null) => (d ? tx(`departments.${d}`, d) : '—'),
    },
    { title: t('fields.status'), dataIndex: 'status', key: 'status', render: (s: string) => tx(`userStatus.${s}`, s) },
    {
      title: t('admin.users.lastLogin'),
      dataIndex: 'lastLoginAt',
      key: 'lastLoginAt',
      responsive: ['xl'],
      render: (at: string | null) => (at ? dayjs(at).format('YYYY-MM-DD HH:mm') : '—'),
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_: unknown, u: AdminUser) => (u.id === selfId ? null : <StatusButton user={u} onChanged={reload} />),
    },
  ];
}

export function AdminUsersPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [filters, setFilters] = useState({ role: '', q: '', page: 1 });
  const { data, error, loading, reload } = useApi<Paged<AdminUser>>('/api/admin/users', filters);
  const [creating, setCreating] = useState(false);
  const [created, setCreated] = useState<CreatedUser | null>(null);
  const columns = useColumns(me?.user.id, reload);
  const extra = (
    <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)} data-testid="create-user">
      {t('admin.users.create')}
    </Button>
  );
  return (
    <>
      <PageHeader title={t('admin.users.title')} extra={extra} />
      <search className="filters">
        <div className="filter-item">
          <label htmlFor="user-role">{t('fields.role')}</label>
          <Select
            id="user-role"
            value={filters.role}
            onChange={(role: string) => setFilters({ ...filters, role, page: 1 })}
            options={[{ value: '', label: t('common.all') }, ...ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))]}
          />
        </div>
        <div className="filter-item" style={{ flex: '1 1 240px' }}>
          <label htmlFor="user-q">{t('fields.username')}</label>
          <Input.Search id="user-q" allowClear enterButton={t('common.search')} onSearch={(q) => setFilters({ ...filters, q: q.trim(), page: 1 })} />
        </div>
      </search>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<AdminUser>
        rowKey="id"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={{
          current: filters.page,
          pageSize: 20,
          total: data?.total ?? 0,
          showTotal: (total) => t('common.total', { total }),
          onChange: (page) => setFilters({ ...filters, page }),
        }}
      />
      <CreateUserModal
        open={creating}
        onClose={() => setCreating(false)}
        onCreated={(c) => {
          setCreating(false);
          setCreated(c);
          reload();
        }}
      />
      <TotpSecretModal created={created} onClose={() => setCreated(null)} />
    </>
  );
}
