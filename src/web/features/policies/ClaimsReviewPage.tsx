/**
 * 补贴审核 (officials of the region): the queue by status, assignment first (认领), 公示, approval against
 * the budget, return / reject with a reason, claims on hold with the reason of each flag, appeals.
 */
import { Alert, App, Button, Card, Collapse, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { StatusFilter } from '../../components/StatusFilter.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { ClaimStatusTag, type ClaimView, ConditionList, FlagList, levelName, money, ReasonModal } from './policy-bits.js';
import './policies.css';

const QUEUE_STATES = ['submitted', 'on_hold', 'in_review', 'returned', 'public_notice', 'approved', 'in_batch', 'paid', 'rejected', 'appealed'] as const;
const NEEDS_REASON = new Set(['return', 'reject', 'release_hold', 'dismiss_appeal']);

function ReviewCard({ claim, onChanged }: { claim: ClaimView; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { busy, error, run } = useCommand();
  const [reasonFor, setReasonFor] = useState<string | null>(null);
  const step = async (action: string, reason?: string) => {
    const done = await run(() => api(`/api/policies/claims/${claim.id}/transitions/${action}`, { method: 'POST', body: reason ? { reason } : {} }));
    if (done) {
      setReasonFor(null);
      onChanged();
    }
  };
  const mine = claim.assignedToMe;
  const actions = claim.allowedActions.filter((a) => !(claim.status === 'in_review' && !mine && a !== 'assign'));
  return (
    <Card data-testid="review-claim" data-status={claim.status} data-id={claim.id}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <ClaimStatusTag status={claim.status} />
          <Typography.Text strong>{claim.policyName}</Typography.Text>
          <Typography.Text>{claim.applicantName}</Typography.Text>
          <Typography.Text>{money(claim.amountFen)}</Typography.Text>
        </Space>
        <Typography.Text type="secondary">
          {claim.regionName}
          {claim.occupationCode ? ` · ${claim.occupationCode} ${levelName(claim.levelCode)}` : ''}
          {claim.submittedAt ? ` · ${t('policies.review.submittedAt')} ${claim.submittedAt.slice(0, 10)}` : ''}
          {claim.status === 'in_review' ? ` · ${mine ? t('policies.review.assignedToMe') : t('policies.review.assignedOther')}` : ''}
        </Typography.Text>
        {claim.noticeUntil ? (
          <Typography.Text type="secondary">
            {t('policies.review.notice')}：{claim.noticeFrom} — {claim.noticeUntil}
          </Typography.Text>
        ) : null}
        <FlagList flags={claim.flags} />
        {claim.lastReason ? <Typography.Text type="warning">{claim.lastReason}</Typography.Text> : null}
        {claim.evaluation?.conditions ? (
          <Collapse
            size="small"
            items={[{ key: 'e', label: t('policies.review.evaluation'), children: <ConditionList conditions={claim.evaluation.conditions} /> }]}
          />
        ) : null}
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        <Space wrap>
          {actions.map((a) => (
            <Button
              key={a}
              type={a === 'assign' || a === 'approve' || a === 'start_notice' ? 'primary' : 'default'}
              danger={a === 'reject'}
              loading={busy}
              onClick={() => (NEEDS_REASON.has(a) ? setReasonFor(a) : void step(a))}
            >
              {t(`policies.action.${a}` as MessageKey)}
            </Button>
          ))}
        </Space>
      </Space>
      <ReasonModal
        open={reasonFor !== null}
        title={reasonFor ? t(`policies.action.${reasonFor}` as MessageKey) : ''}
        busy={busy}
        onOk={(r) => reasonFor && void step(reasonFor, r)}
        onCancel={() => setReasonFor(null)}
      />
    </Card>
  );
}

export function ClaimsReviewPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [status, setStatus] = useState('submitted');
  const { data, error, loading, reload } = useApi<{ items: ClaimView[]; total: number }>('/api/policies/claims', { status: status || undefined, pageSize: 50 });
  const prefill = useCommand();
  const runPrefill = async () => {
    if (await prefill.run(() => api('/api/policies/prefill', { method: 'POST' }))) void message.success(t('policies.review.prefillDone'));
  };
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('policies.review.title')}
        intro={t('policies.review.intro')}
        extra={
          <Button onClick={() => void runPrefill()} loading={prefill.busy}>
            {t('policies.review.prefill')}
          </Button>
        }
      />
      <div className="policy-filters">
        <StatusFilter id="claim-status" value={status} onChange={setStatus} states={QUEUE_STATES} stateLabel={(s) => t(`policies.status.${s}` as MessageKey)} />
      </div>
      {prefill.error ? <Alert type="error" showIcon title={formatError(i18n, prefill.error)} /> : null}
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('policies.review.empty')} /> : null}
      <div className="policy-stack" data-testid="review-queue">
        {items.map((c) => (
          <ReviewCard key={c.id} claim={c} onChanged={reload} />
        ))}
      </div>
    </>
  );
}
