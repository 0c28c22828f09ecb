/** 我的创业项目 (talent 创客 / employer): my projects, a new project, and the investors' introduction requests. */
import { App, Card, Empty, Space, Tabs, Tag, Typography } from 'antd';
import { useState } from 'react';
import { introductionWorkflow } from '../../../shared/ventures.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { OwnerProject } from './OwnerProject.js';
import { ProjectForm } from './ProjectForm.js';
import { ActionBar, VStatusTag } from './VentureBits.js';
import type { IntroductionView, MyProject } from './types.js';

function Inbox() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: IntroductionView[] }>('/api/ventures/introductions/received');
  const items = data?.items ?? [];
  return (
    <>
      <Typography.Paragraph type="secondary">{t('ventures.mine.inboxIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.mine.inboxEmpty')} /> : null}
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {items.map((r) => (
          <Card size="small" key={r.id} data-testid="introduction-received">
            <Space wrap size={[8, 4]}>
              <VStatusTag status={r.status} />
              <Typography.Text strong>{r.investorName}</Typography.Text>
              {r.investorKind ? <Tag>{t(`ventures.investorKind.${r.investorKind}` as MessageKey)}</Tag> : null}
            </Space>
            <div style={{ marginTop: 4 }}>{r.projectName}</div>
            <Typography.Paragraph type="secondary" style={{ margin: '4px 0' }}>
              {t('ventures.mine.message', { message: r.message })}
            </Typography.Paragraph>
            <ActionBar
              workflow={introductionWorkflow}
              actions={r.allowedActions}
              label={r.investorName}
              onAct={(a, reason) =>
                api(`/api/ventures/introductions/${r.id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} }).then((x) => {
                  reload();
                  return x;
                })
              }
            />
          </Card>
        ))}
      </Space>
    </>
  );
}

export function MyVenturesPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [tab, setTab] = useState('projects');
  const { data, error, loading, reload } = useApi<{ items: MyProject[] }>('/api/ventures/projects/mine');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('ventures.mine.title')} intro={t('ventures.mine.intro')} />
      <Tabs
        activeKey={tab}
        onChange={setTab}
        items={[
          {
            key: 'projects',
            label: t('ventures.mine.tabProjects'),
            children: (
              <>
                <ErrorAlert error={error} onRetry={reload} />
                {!loading && !error && items.length === 0 ? <Empty description={t('ventures.mine.empty')} /> : null}
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {items.map((p) => (
                    <OwnerProject key={p.id} p={p} onChanged={reload} />
                  ))}
                </Space>
              </>
            ),
          },
          {
            key: 'new',
            label: t('ventures.mine.tabNew'),
            children: (
              <ProjectForm
                onSaved={() => {
                  void message.success(t('ventures.mine.created'));
                  reload();
                  setTab('projects');
                }}
              />
            ),
          },
          { key: 'inbox', label: t('ventures.mine.tabInbox'), children: <Inbox /> },
        ]}
      />
    </>
  );
}
