/** 评审任务 (reviewer): the recognition and programme applications assigned to me, with materials and a one-time score form. */
import { App, Button, Card, Empty, Form, Input, InputNumber, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { MaterialLinks, StatusTag } from './RecognitionBits.js';
import type { ReviewTask } from './recognition-types.js';
import './recognition.css';

function ScoreForm({ task, onDone }: { task: ReviewTask; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { score: number; comment: string }) => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/recognition/reviews/${task.id}/score`, { method: 'POST', body: v });
      void message.success(t('recognition.reviews.done'));
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Form layout="vertical" onFinish={(v) => void submit(v)} data-testid="score-form">
      <Form.Item name="score" label={t('recognition.common.score')} extra={t('recognition.reviews.scoreHint')} rules={[{ required: true }]}>
        <InputNumber min={0} max={100} precision={0} style={{ width: 140 }} data-testid="score-input" />
      </Form.Item>
      <Form.Item name="comment" label={t('recognition.common.comment')} rules={[{ required: true, whitespace: true, max: 1000 }]}>
        <Input.TextArea rows={3} data-testid="comment-input" />
      </Form.Item>
      <ErrorAlert error={error} />
      <Button type="primary" htmlType="submit" loading={busy} data-testid="score-submit" style={{ marginTop: 8 }}>
        {t('recognition.reviews.submitScore')}
      </Button>
    </Form>
  );
}

export function ReviewerPage() {
  const { t, tx } = useI18n();
  const list = useApi<{ items: ReviewTask[] }>('/api/recognition/reviews/mine');
  const items = list.data?.items ?? [];
  return (
    <>
      <PageHeader title={t('recognition.reviews.title')} intro={t('recognition.reviews.intro')} />
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {list.data && items.length === 0 ? <Empty description={t('recognition.common.noData')} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        {items.map((r) => (
          <Card
            key={r.id}
            data-testid="review-task"
            data-subject={r.subjectId}
            title={
              <Space wrap>
                <span>
                  {r.subjectKind === 'programme'
                    ? tx(`recognition.programme.${r.subject?.title}`, r.subject?.title ?? '')
                    : `${t('recognition.common.category')} ${r.subject?.title ?? ''}`}
                </span>
                {r.subject ? <StatusTag status={r.subject.status} ns={r.subjectKind === 'programme' ? 'programmeStatus' : 'status'} /> : null}
              </Space>
            }
          >
            <Space orientation="vertical" style={{ width: '100%' }}>
              <div>
                {t('recognition.common.applicant')}：{r.subject?.applicant} · {r.subject?.employerName} · {r.subject?.field}
              </div>
              <Typography.Paragraph className="recognition-achievements">{r.subject?.summary}</Typography.Paragraph>
              <MaterialLinks materials={r.materials} />
              {r.score !== null ? (
                <Typography.Text type="success" data-testid="scored">
                  {t('recognition.reviews.scored', { score: r.score })}
                </Typography.Text>
              ) : r.subject?.status === 'in_review' ? (
                <ScoreForm task={r} onDone={list.reload} />
              ) : (
                <Typography.Text type="secondary">{t('recognition.reviews.waiting')}</Typography.Text>
              )}
            </Space>
          </Card>
        ))}
      </Space>
    </>
  );
}
