/** One application's detail drawer for officials (materials, reviewers, decision), and the reviewer-assignment block it shares with 人才计划 details. */
import { Button, Card, Descriptions, Drawer, Select, Space } from 'antd';
import { useState } from 'react';
import { recognitionWorkflow } from '../../../shared/recognition.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ActionButtons } from './ActionButtons.js';
import { ClockText, History, MaterialLinks, StatusTag } from './RecognitionBits.js';
import type { Application, Category, Reviewer, Reviews } from './recognition-types.js';
import './recognition.css';

export function ReviewersBlock({
  kind,
  id,
  reviews,
  canAssign,
  onDone,
}: {
  kind: 'applications' | 'programmes';
  id: string;
  reviews: Reviews | null | undefined;
  canAssign: boolean;
  onDone: () => void;
}) {
  const { t } = useI18n();
  const pool = useApi<{ items: Reviewer[] }>(canAssign ? '/api/recognition/reviewers' : null);
  const [reviewerId, setReviewerId] = useState<string | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const assign = async () => {
    if (!reviewerId) return;
    setError(null);
    try {
      await api(`/api/recognition/${kind}/${id}/reviewers`, { method: 'POST', body: { reviewerId } });
      setReviewerId(undefined);
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      {(reviews?.items ?? []).map((r) => (
        <div key={r.id} data-testid="assigned-reviewer">
          {r.reviewerName}（{r.affiliation}）：{r.score === null ? t('recognition.common.notScored') : `${r.score} · ${r.comment ?? ''}`}
        </div>
      ))}
      {reviews?.average !== null && reviews?.average !== undefined ? <strong>{t('recognition.common.average', { score: reviews.average })}</strong> : null}
      {canAssign ? (
        <Space wrap>
          <Select
            style={{ minWidth: 240 }}
            placeholder={t('recognition.manage.assignReviewer')}
            value={reviewerId}
            onChange={setReviewerId}
            data-testid="reviewer-select"
            options={(pool.data?.items ?? []).map((r) => ({ value: r.userId, label: `${r.name}（${r.affiliationName}）` }))}
          />
          <Button onClick={() => void assign()} disabled={!reviewerId} data-testid="assign-reviewer">
            {t('recognition.manage.assign')}
          </Button>
        </Space>
      ) : null}
      <ErrorAlert error={error} />
    </Space>
  );
}

export function ApplicationDrawer({
  id,
  categories,
  onClose,
  onChanged,
}: {
  id: string | null;
  categories: Category[];
  onClose: () => void;
  onChanged: () => void;
}) {
  const { t } = useI18n();
  const desktop = useIsDesktop();
  const detail = useApi<Application>(id ? `/api/recognition/applications/${id}` : null);
  const a = detail.data;
  const [categoryCode, setCategoryCode] = useState<string | undefined>(undefined);
  const name = (code: string | null) => categories.find((c) => c.code === code)?.name ?? code ?? '';
  const refresh = () => {
    detail.reload();
    onChanged();
  };
  return (
    <Drawer
      open={id !== null}
      onClose={onClose}
      size={desktop ? 640 : '100%'}
      title={a ? `${a.applicantName ?? ''} · ${name(a.categoryCode)}` : ''}
      destroyOnHidden
    >
      <ErrorAlert error={detail.error} onRetry={detail.reload} />
      {a ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="recognition-detail" data-status={a.status}>
          <Space wrap>
            <StatusTag status={a.status} />
            <ClockText clock={a.clock} status={a.status} />
          </Space>
          <Descriptions size="small" column={1} bordered>
            <Descriptions.Item label={t('recognition.common.employer')}>{a.employerName}</Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.field')}>{a.field}</Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.achievements')}>
              <span className="recognition-achievements">{a.achievements}</span>
            </Descriptions.Item>
            <Descriptions.Item label={t('recognition.common.materials')}>
              <MaterialLinks materials={a.materials ?? []} />
            </Descriptions.Item>
            {a.grantedCategoryCode ? (
              <Descriptions.Item label={t('recognition.common.grantedCategory')}>{name(a.grantedCategoryCode)}</Descriptions.Item>
            ) : null}
          </Descriptions>
          {['accepted', 'in_review'].includes(a.status) || (a.reviews?.items.length ?? 0) > 0 ? (
            <Card size="small" title={t('recognition.common.reviews')}>
              <ReviewersBlock kind="applications" id={a.id} reviews={a.reviews} canAssign={['accepted', 'in_review'].includes(a.status)} onDone={refresh} />
            </Card>
          ) : null}
          <ActionButtons
            actions={a.allowedActions}
            workflow={recognitionWorkflow}
            url={(action) => `/api/recognition/applications/${a.id}/transitions/${action}`}
            onDone={refresh}
            extra={(action) =>
              action === 'recognise' ? (
                <Select
                  style={{ width: '100%' }}
                  placeholder={t('recognition.manage.chooseCategory')}
                  allowClear
                  value={categoryCode}
                  onChange={(v: string | undefined) => setCategoryCode(v)}
                  options={categories.filter((c) => c.active).map((c) => ({ value: c.code, label: c.name }))}
                />
              ) : null
            }
            extraBody={(action) => (action === 'recognise' && categoryCode ? { categoryCode } : {})}
          />
          <Card size="small" title={t('recognition.common.history')}>
            <History history={a.history} />
          </Card>
        </Space>
      ) : null}
    </Drawer>
  );
}
