/**
 * 人力资源服务机构管理 (official): review the region's licence registrations (approve, return, suspend, reinstate,
 * revoke) and, in the second tab, the annual-report table with its Excel export.
 */
import { App, Button, Card, Drawer, List, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { RegistrationStatus } from '../../../shared/agencies.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusFilter } from '../../components/StatusFilter.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { RegistrationView } from './agencies-types.js';
import { AgencyHistory, LicenceFacts, LicenceFlags, RegistrationStatusTag, ServiceTags } from './AgencyBits.js';
import { type Decision, DecisionModal } from './DecisionModal.js';
import { ManageReportsPanel } from './ManageReportsPanel.js';
import './agencies.css';

const PAGE_SIZE = 20;

function RegistrationDrawer({ id, onClose }: { id: string | null; onClose: () => void }) {
  const { t } = useI18n();
  const { data } = useApi<RegistrationView>(id ? `/api/agencies/${id}` : null);
  return (
    <Drawer open={Boolean(id)} onClose={onClose} title={data?.orgName ?? t('agencies.manage.detail')} size="large">
      {data ? (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <LicenceFacts entry={data} />
          {data.description ? <Typography.Paragraph>{data.description}</Typography.Paragraph> : null}
          <h3 className="card-title">{t('agencies.workspace.history')}</h3>
          <AgencyHistory history={data.history ?? []} workflow="registration" />
        </Space>
      ) : (
        <Skeleton active />
      )}
    </Drawer>
  );
}

function RegistrationsPanel() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const filters = useUrlFilters();
  const status = filters.get('status') === 'all' ? '' : filters.get('status') || 'submitted';
  const { data, error, loading, reload } = useApi<{ total: number; items: RegistrationView[] }>('/api/agencies/registrations', {
    status: status || undefined,
    page: filters.page,
    pageSize: PAGE_SIZE,
  });
  const [decision, setDecision] = useState<Decision | null>(null);
  const [detail, setDetail] = useState<string | null>(null);
  return (
    <>
      <div className="filters">
        <StatusFilter
          id="registration-status"
          value={status}
          onChange={(s) => filters.update({ status: s || 'all' })}
          states={RegistrationStatus.options}
          stateLabel={(s) => t(`agencies.status.${s as RegistrationStatus}`)}
        />
      </div>
      <ErrorAlert error={error} onRetry={reload} />
      <List<RegistrationView>
        loading={loading}
        dataSource={data?.items ?? []}
        locale={{ emptyText: t('agencies.manage.empty') }}
        pagination={
          data && data.total > PAGE_SIZE
            ? { current: filters.page, pageSize: PAGE_SIZE, total: data.total, onChange: (p) => filters.update({ page: p }) }
            : false
        }
        data-testid="registration-queue"
        renderItem={(r) => (
          <List.Item key={r.id} data-testid="registration-item">
            <Space orientation="vertical" style={{ width: '100%' }} size={6}>
              <Space wrap>
                <strong>{r.orgName}</strong>
                <Typography.Text type="secondary">{r.regionName}</Typography.Text>
                <RegistrationStatusTag status={r.status} />
                <LicenceFlags entry={r} />
              </Space>
              <Typography.Text className="agency-licence">
                {t('agencies.directory.licence', { number: r.licenceNumber })} · {r.issuingAuthority} · {r.validFrom} — {r.validTo}
              </Typography.Text>
              <ServiceTags services={r.services} />
              <Space wrap>
                {r.allowedActions.map((action) => (
                  <Button
                    key={action}
                    size="small"
                    type={action === 'approve' ? 'primary' : 'default'}
                    danger={action === 'suspend' || action === 'revoke'}
                    onClick={() => setDecision({ path: `/api/agencies/${r.id}/transitions/${action}`, action, subject: r.orgName })}
                    data-testid={`registration-action-${action}`}
                  >
                    {t(`agencies.action.${action as 'approve'}`)}
                  </Button>
                ))}
                <Button size="small" type="link" onClick={() => setDetail(r.id)}>
                  {t('agencies.manage.detail')}
                </Button>
              </Space>
            </Space>
          </List.Item>
        )}
      />
      <DecisionModal
        decision={decision}
        onClose={() => setDecision(null)}
        onDone={() => {
          setDecision(null);
          void message.success(t('agencies.manage.done'));
          reload();
        }}
      />
      <RegistrationDrawer id={detail} onClose={() => setDetail(null)} />
    </>
  );
}

export function AgenciesManagePage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const tab = filters.get('tab') || 'registrations';
  return (
    <>
      <PageHeader title={t('agencies.manage.title')} intro={t('agencies.manage.intro')} />
      <Card>
        <Tabs
          activeKey={tab}
          onChange={(key) => filters.update({ tab: key === 'registrations' ? '' : key, status: '', year: '', filing: '' })}
          destroyOnHidden
          items={[
            { key: 'registrations', label: t('agencies.manage.tabRegistrations'), children: <RegistrationsPanel /> },
            { key: 'reports', label: t('agencies.manage.tabReports'), children: <ManageReportsPanel /> },
          ]}
        />
      </Card>
    </>
  );
}
