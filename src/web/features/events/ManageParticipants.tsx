/** 参会单位 (official): approve or reject applications, invite verified employers. */
import { Alert, App, Button, Select, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import type { ParticipantAction } from '../../../shared/events.js';
import { api } from '../../api.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ParticipantStatusTag } from './EventBits.js';
import type { EventDetail, ParticipantView } from './event-types.js';
import { ReasonModal } from './ReasonModal.js';
import { useCommand } from './useCommand.js';

interface OrgItem {
  id: string;
  name: string;
}

function InviteForm({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const [orgId, setOrgId] = useState<string | undefined>();
  const { data } = useApi<{ items: OrgItem[] }>('/api/organisations', { kind: 'employer', status: 'verified', q: q || undefined, pageSize: 20 });
  const { busy, error, run } = useCommand();
  const invite = async () => {
    if (!orgId) return;
    const done = await run(() => api(`/api/events/${event.id}/participants`, { method: 'POST', body: { orgId } }));
    if (done) {
      void message.success(t('events.manage.invited'));
      setOrgId(undefined);
      onChanged();
    }
  };
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Select
        showSearch
        allowClear
        aria-label={t('events.manage.inviteOrg')}
        placeholder={t('events.manage.inviteOrg')}
        style={{ minWidth: 260 }}
        filterOption={false}
        onSearch={setQ}
        value={orgId}
        onChange={setOrgId}
        options={(data?.items ?? []).map((o) => ({ value: o.id, label: o.name }))}
      />
      <Button onClick={() => void invite()} disabled={!orgId} loading={busy}>
        {t('events.manage.inviteSend')}
      </Button>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Space>
  );
}

export function ManageParticipants({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [rejecting, setRejecting] = useState<ParticipantView | null>(null);
  const act = async (p: ParticipantView, action: ParticipantAction, reason?: string) => {
    const done = await run(() => api(`/api/events/participants/${p.id}/transitions/${action}`, { method: 'POST', body: reason ? { reason } : {} }));
    if (done) {
      void message.success(t('events.manage.done'));
      setRejecting(null);
      onChanged();
    }
  };
  const columns = [
    { title: t('events.manage.org'), key: 'org', render: (_: unknown, p: ParticipantView) => p.orgName },
    { title: t('events.manage.status'), key: 'status', render: (_: unknown, p: ParticipantView) => <ParticipantStatusTag status={p.status} /> },
    {
      title: t('events.manage.jobs'),
      key: 'jobs',
      responsive: ['md' as const],
      render: (_: unknown, p: ParticipantView) => (
        <Space orientation="vertical" size={0}>
          {p.jobs.map((j) => (
            <Link key={j.id} to={`/jobs/${j.id}`}>
              {j.title}
            </Link>
          ))}
          {p.note ? <Typography.Text type="secondary">{p.note}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      title: '',
      key: 'actions',
      render: (_: unknown, p: ParticipantView) => (
        <Space wrap>
          {p.allowedActions.map((a) => (
            <Button
              key={a}
              size="small"
              danger={a === 'reject'}
              type={a === 'approve' ? 'primary' : 'default'}
              loading={busy}
              onClick={() => (a === 'reject' ? setRejecting(p) : void act(p, a))}
              aria-label={`${t(`events.participantAction.${a}`)}：${p.orgName}`}
            >
              {t(`events.participantAction.${a}`)}
            </Button>
          ))}
        </Space>
      ),
    },
  ];
  const open = !['finished', 'cancelled'].includes(event.status);
  return (
    <>
      {open ? <InviteForm event={event} onChanged={onChanged} /> : null}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <Table<ParticipantView>
        rowKey="id"
        columns={columns}
        dataSource={event.participants}
        pagination={false}
        locale={{ emptyText: <span className="event-empty">{t('events.manage.noParticipants')}</span> }}
        data-testid="manage-participants"
      />
      <ReasonModal
        open={rejecting !== null}
        title={`${t('events.participantAction.reject')}：${rejecting?.orgName ?? ''}`}
        busy={busy}
        onOk={(reason) => rejecting && void act(rejecting, 'reject', reason)}
        onCancel={() => setRejecting(null)}
      />
    </>
  );
}
