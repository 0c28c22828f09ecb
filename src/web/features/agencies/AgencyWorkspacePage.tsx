/**
 * 机构登记与年报 (agency): register the 人力资源服务许可证 and services, see the review's outcome and history, resubmit
 * after a return or amend after a renewal; file annual reports; go to the postings made for clients.
 */
import { Alert, App, Button, Card, Skeleton, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import type { RegistrationFields } from '../../../shared/agencies.js';
import { ApiError, api } from '../../api.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useUrlFilters } from '../../components/useUrlFilters.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import type { MyAgency } from './agencies-types.js';
import { AgencyHistory, LicenceFacts, lastReturnReason, RegistrationStatusTag } from './AgencyBits.js';
import { AgencyReportsPanel } from './AgencyReportsPanel.js';
import { RegistrationForm } from './RegistrationForm.js';
import './agencies.css';

function RegistrationPanel({ me, reload }: { me: MyAgency; reload: () => void }) {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [editing, setEditing] = useState<'resubmit' | 'amend' | null>(null);
  const reg = me.registration;
  if (me.organisation.status !== 'verified') {
    return (
      <Alert
        type="warning"
        showIcon
        title={t('agencies.workspace.orgNotVerified', { status: tx(`orgStatus.${me.organisation.status}`, me.organisation.status) })}
      />
    );
  }
  const send = async (body: RegistrationFields) => {
    const path = reg && editing ? `/api/agencies/${reg.id}/transitions/${editing}` : '/api/agencies/registration';
    const done = await run(() => api(path, { method: 'POST', body: reg && editing ? { registration: body } : body }));
    if (!done) return;
    setEditing(null);
    void message.success(t('agencies.workspace.registered'));
    reload();
  };
  if (!reg || editing) {
    return (
      <RegistrationForm
        entry={reg}
        submitLabel={editing ? t(`agencies.action.${editing}`) : t('agencies.workspace.register')}
        busy={busy}
        error={error}
        onSubmit={(body) => void send(body)}
        {...(editing ? { onCancel: () => setEditing(null) } : {})}
      />
    );
  }
  const reason = lastReturnReason(reg.status, reg.history);
  const editable = reg.allowedActions.filter((a): a is 'resubmit' | 'amend' => a === 'resubmit' || a === 'amend');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Space wrap>
        <strong>{me.organisation.name}</strong>
        <RegistrationStatusTag status={reg.status} />
        <Typography.Text type="secondary">{me.organisation.regionName}</Typography.Text>
      </Space>
      {reason ? <Alert type="warning" showIcon title={t('agencies.workspace.returnedReason', { reason })} /> : null}
      <LicenceFacts entry={reg} />
      {reg.description ? <Typography.Paragraph>{reg.description}</Typography.Paragraph> : null}
      <Space wrap>
        {editable.map((a) => (
          <Button key={a} type={a === 'resubmit' ? 'primary' : 'default'} onClick={() => setEditing(a)} data-testid={`registration-${a}`}>
            {t(`agencies.action.${a}`)}
          </Button>
        ))}
        {reg.status === 'approved' ? <ButtonLink to="/agency/jobs">{t('agencies.workspace.postJobs')}</ButtonLink> : null}
      </Space>
      {reg.status === 'approved' ? <Typography.Text type="secondary">{t('agencies.workspace.jobsHint')}</Typography.Text> : null}
      <div>
        <h2 className="card-title">{t('agencies.workspace.history')}</h2>
        <AgencyHistory history={reg.history} workflow="registration" />
      </div>
    </Space>
  );
}

export function AgencyWorkspacePage() {
  const { t } = useI18n();
  const filters = useUrlFilters();
  const { data, error, loading, reload } = useApi<MyAgency>('/api/agencies/me');
  const notAgency = error instanceof ApiError && error.code === 'AGENCIES_ORG_NOT_AGENCY';
  const tab = filters.get('tab') || 'registration';
  return (
    <>
      <PageHeader title={t('agencies.workspace.title')} intro={t('agencies.workspace.intro')} />
      {notAgency ? <Alert type="info" showIcon title={t('agencies.workspace.notAgency')} /> : <ErrorAlert error={error} onRetry={reload} />}
      {loading && !data ? <Skeleton active /> : null}
      {data ? (
        <Card>
          <Tabs
            activeKey={tab}
            onChange={(key) => filters.update({ tab: key === 'registration' ? '' : key })}
            items={[
              { key: 'registration', label: t('agencies.workspace.tabRegistration'), children: <RegistrationPanel me={data} reload={reload} /> },
              { key: 'reports', label: t('agencies.workspace.tabReports'), children: <AgencyReportsPanel registration={data.registration} /> },
            ]}
          />
        </Card>
      ) : null}
    </>
  );
}
