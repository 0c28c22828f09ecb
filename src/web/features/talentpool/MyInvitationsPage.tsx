/** 收到的邀约 (talent): invitations from employers; accept (optionally applying to the job) or decline. */
import { Alert, App, Button, Card, Empty, Popconfirm, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { InvitationStatusTag } from './InvitationStatusTag.js';
import type { InvitationView, Page } from './talentpool-types.js';
import { useInvitationTransition } from './useInvitationTransition.js';

function InvitationCard({ item, onChanged }: { item: InvitationView; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, send } = useInvitationTransition();
  const act = async (action: 'accept' | 'decline', apply = false) => {
    const done = await send(item.id, action, apply ? { apply: true } : {});
    if (!done) return;
    void message.success(action === 'decline' ? t('talentpool.mine.declined') : apply ? t('talentpool.mine.appliedToo') : t('talentpool.mine.accepted'));
    onChanged();
  };
  const may = (a: string) => item.allowedActions.includes(a as InvitationView['allowedActions'][number]);
  return (
    <Card data-testid="my-invitation" data-status={item.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {item.orgName}
          </Typography.Title>
          <InvitationStatusTag status={item.status} />
        </Space>
        <Typography.Text>
          {item.jobId && item.jobTitle ? (
            <>
              {t('talentpool.mine.job', { title: '' })}
              <Link to={`/jobs/${item.jobId}`}>{item.jobTitle}</Link>
            </>
          ) : (
            t('talentpool.mine.talk')
          )}
        </Typography.Text>
        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}>{item.message}</Typography.Paragraph>
        <Typography.Text type="secondary">
          {t('talentpool.mine.sentAt', { date: dayjs(item.sentAt).format('YYYY-MM-DD') })}
          {item.status === 'sent' ? ` · ${t('talentpool.mine.expiresAt', { date: dayjs(item.expiresAt).format('YYYY-MM-DD') })}` : ''}
        </Typography.Text>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        <Space wrap>
          {may('accept') && item.jobId && item.jobStatus === 'published' ? (
            <Button type="primary" loading={busy} onClick={() => void act('accept', true)} data-testid="invitation-accept-apply">
              {t('talentpool.mine.acceptAndApply')}
            </Button>
          ) : null}
          {may('accept') ? (
            <Button type={item.jobId ? 'default' : 'primary'} loading={busy} onClick={() => void act('accept')} data-testid="invitation-accept">
              {t('talentpool.mine.accept')}
            </Button>
          ) : null}
          {may('decline') ? (
            <Popconfirm
              title={t('talentpool.mine.declineConfirm', { org: item.orgName })}
              okText={t('talentpool.mine.decline')}
              cancelText={t('common.cancel')}
              onConfirm={() => void act('decline')}
            >
              <Button loading={busy}>{t('talentpool.mine.decline')}</Button>
            </Popconfirm>
          ) : null}
          {item.applicationId ? <Link to="/applications">{t('talentpool.mine.viewApplication')}</Link> : null}
        </Space>
      </Space>
    </Card>
  );
}

export function MyInvitationsPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<Page<InvitationView>>('/api/talent-pool/invitations/mine', { pageSize: 100 });
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('talentpool.mine.title')} intro={t('talentpool.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('talentpool.mine.empty')}>
          <Link to="/profile">{t('talentpool.mine.toProfile')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-invitations">
        {items.map((item) => (
          <InvitationCard key={item.id} item={item} onChanged={reload} />
        ))}
      </Space>
    </>
  );
}
