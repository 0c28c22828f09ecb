/**
 * 参会 on the event page (employers): apply with some of the organisation's published postings, or
 * answer an invitation; shows where the participation stands.
 */
import { Alert, App, Button, Card, Form, Input, Select, Space } from 'antd';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ParticipantStatusTag } from './EventBits.js';
import type { EventDetail, ParticipantView } from './event-types.js';
import { useCommand } from './useCommand.js';

interface OwnJob {
  id: string;
  title: string;
}

export function ParticipantActions({ participant, onChanged }: { participant: ParticipantView; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const act = async (action: string) => {
    const done = await run(() => api(`/api/events/participants/${participant.id}/transitions/${action}`, { method: 'POST', body: {} }));
    if (done) {
      void message.success(t('events.employer.done'));
      onChanged();
    }
  };
  const actions = participant.allowedActions.filter((a) => a !== 'reapply');
  return (
    <Space wrap>
      {actions.map((a) => (
        <Button key={a} loading={busy} danger={a === 'withdraw' || a === 'decline'} type={a === 'accept' ? 'primary' : 'default'} onClick={() => void act(a)}>
          {t(`events.participantAction.${a}`)}
        </Button>
      ))}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Space>
  );
}

export function EmployerSection({ event, onChanged }: { event: EventDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const isEmployer = me?.user.role === 'employer';
  const verified = me?.user.organisation?.status === 'verified';
  const { data: jobs } = useApi<{ items: OwnJob[] }>(isEmployer && verified ? '/api/jobs/mine' : null, { status: 'published', pageSize: 100 });
  if (!isEmployer) return null;
  const mine = event.myParticipation;
  const mayApply = !mine || mine.allowedActions.includes('reapply');
  const open = event.status === 'published' || event.status === 'registration_closed';
  const apply = async (values: { jobIds?: string[]; note?: string }) => {
    const done = await run(() => api(`/api/events/${event.id}/participants`, { method: 'POST', body: { jobIds: values.jobIds ?? [], note: values.note } }));
    if (done) {
      void message.success(t('events.employer.applied'));
      onChanged();
    }
  };
  return (
    <Card title={<h2 className="event-h2">{t('events.employer.title')}</h2>} style={{ marginTop: 16 }} data-testid="event-employer">
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      {mine ? (
        <Space orientation="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <span>
            {t('events.employer.status')}
            <ParticipantStatusTag status={mine.status} />
          </span>
          <ParticipantActions participant={mine} onChanged={onChanged} />
        </Space>
      ) : null}
      {!verified ? <Alert type="warning" showIcon title={t('events.employer.notVerified')} /> : null}
      {verified && mayApply && open ? (
        <Form layout="vertical" onFinish={(v) => void apply(v)} style={{ maxWidth: 560 }}>
          <p>{t('events.employer.intro')}</p>
          <Form.Item name="jobIds" label={t('events.employer.jobs')}>
            <Select
              mode="multiple"
              placeholder={t('events.employer.jobsPlaceholder')}
              options={(jobs?.items ?? []).map((j) => ({ value: j.id, label: j.title }))}
            />
          </Form.Item>
          <Form.Item name="note" label={t('events.employer.note')}>
            <Input.TextArea rows={2} maxLength={500} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('events.employer.apply')}
          </Button>
        </Form>
      ) : null}
    </Card>
  );
}
