/** 我的培训 (talent): enrolments with the QR ticket, offers from employers, results, and rating completed classes. */
import { Alert, App, Button, Card, Empty, Form, Input, Rate, Space, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { dateTime, timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { useCommand } from '../events/useCommand.js';
import { ClassPlace, EnrolmentStatusTag, ProgrammeTag, TrainingTicket } from './TrainingBits.js';
import type { MyEnrolment } from './training-types.js';

function RateForm({ item, onDone }: { item: MyEnrolment; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const submit = async (v: { stars: number; comment?: string }) => {
    const ok = await run(() =>
      api(`/api/training/classes/${item.classId}/rating`, { method: 'POST', body: { stars: v.stars, comment: v.comment?.trim() || undefined } }),
    );
    if (ok) {
      void message.success(t('training.mine.thanks'));
      onDone();
    }
  };
  return (
    <Form layout="vertical" onFinish={(v) => void submit(v)} data-testid="rate-form" style={{ maxWidth: 480 }}>
      <Form.Item
        name="stars"
        label={t('training.mine.stars')}
        rules={[{ required: true, message: t('validation.required', { field: t('training.mine.stars') }) }]}
      >
        <Rate aria-label={t('training.mine.stars')} />
      </Form.Item>
      <Form.Item name="comment" label={t('training.mine.comment')}>
        <Input.TextArea rows={3} maxLength={500} showCount />
      </Form.Item>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('training.mine.submitRating')}
      </Button>
    </Form>
  );
}

function EnrolmentCard({ item, onChanged }: { item: MyEnrolment; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [rating, setRating] = useState(false);
  const { busy, error, run } = useCommand();
  const answer = async (accept: boolean) => {
    const ok = await run(() =>
      api(`/api/training/classes/${item.classId}/offer/${accept ? 'accept' : 'decline'}`, { method: 'POST', body: accept ? undefined : {} }),
    );
    if (ok) onChanged();
  };
  return (
    <Card data-testid="my-training" data-status={item.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap size={[8, 4]}>
          <ProgrammeTag type={item.class.programmeType} />
          <EnrolmentStatusTag status={item.status} />
        </Space>
        <Typography.Title level={2} className="event-card-title">
          <Link to={`/training/classes/${item.classId}`}>{item.class.name}</Link>
        </Typography.Title>
        <Typography.Text>{timeRange(item.class.startsAt, item.class.endsAt)}</Typography.Text>
        <Typography.Text type="secondary">
          <ClassPlace cls={item.class} /> · {item.class.providerName}
        </Typography.Text>
        {item.attendedSessions > 0 ? <Typography.Text>{t('training.mine.attended', { n: item.attendedSessions })}</Typography.Text> : null}
        {item.status === 'waitlisted' ? (
          <Alert type="warning" showIcon title={t('training.detail.waitlisted', { position: item.waitlistPosition ?? '' })} />
        ) : null}
        {item.status === 'offered' ? (
          <Alert
            type="info"
            showIcon
            title={t('training.detail.offered')}
            action={
              <Space>
                <Button type="primary" loading={busy} onClick={() => void answer(true)}>
                  {t('training.detail.accept')}
                </Button>
                <Button loading={busy} onClick={() => void answer(false)}>
                  {t('training.detail.decline')}
                </Button>
              </Space>
            }
          />
        ) : null}
        {item.status === 'completed' && item.completedAt ? (
          <Alert type="success" showIcon title={t('training.mine.completedAt', { time: dateTime(item.completedAt) })} data-testid="training-completed" />
        ) : null}
        {item.status === 'not_completed' && item.outcomeReason ? (
          <Alert type="error" showIcon title={t('training.mine.notCompleted', { reason: t(`training.reason.${item.outcomeReason as 'exam_failed'}`) })} />
        ) : null}
        {item.status === 'enrolled' ? <TrainingTicket enrolment={item} title={item.class.name} /> : null}
        {item.rating ? <Typography.Text>{t('training.mine.rated', { stars: item.rating.stars })}</Typography.Text> : null}
        {item.canRate && !rating ? (
          <Button onClick={() => setRating(true)} aria-label={`${t('training.mine.rate')}：${item.class.name}`}>
            {t('training.mine.rate')}
          </Button>
        ) : null}
        {item.canRate && rating ? <RateForm item={item} onDone={onChanged} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      </Space>
    </Card>
  );
}

export function MyTrainingPage() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: MyEnrolment[] }>('/api/training/enrolments/mine');
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('training.mine.title')} intro={t('training.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? (
        <Empty description={t('training.mine.empty')}>
          <Link to="/training">{t('training.mine.browse')}</Link>
        </Empty>
      ) : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="my-trainings">
        {items.map((item) => (
          <EnrolmentCard key={item.id} item={item} onChanged={reload} />
        ))}
      </Space>
    </>
  );
}
