/**
 * 我的政策与补贴 (talent or organisation): prefilled claims to confirm with the payee account (免申即享),
 * my claims and where each stands, every policy with my verdict and what would change it, my declared facts.
 */
import { Alert, App, Button, Card, Collapse, Empty, Form, Input, InputNumber, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { api, newIdempotencyKey } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { ClaimStatusTag, type ClaimView, ConditionList, type EligibilityItem, levelName, money, ReasonModal, VerdictTag } from './policy-bits.js';
import './policies.css';

function ConfirmForm({ claim, onDone }: { claim: ClaimView; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [key] = useState(newIdempotencyKey);
  const submit = async (v: { bankName: string; account: string }) => {
    const done = await run(() => api(`/api/policies/claims/${claim.id}/confirm`, { method: 'POST', body: { payee: v }, headers: { 'idempotency-key': key } }));
    if (done) {
      void message.success(t('policies.mine.confirmed'));
      onDone();
    }
  };
  return (
    <Form layout="vertical" onFinish={(v) => void submit(v)} aria-label={`${t('policies.mine.confirm')}：${claim.policyName}`}>
      <Typography.Paragraph type="secondary">{t('policies.mine.confirmIntro')}</Typography.Paragraph>
      <Form.Item name="bankName" label={t('policies.mine.bankName')} rules={[{ required: true, min: 2 }]}>
        <Input maxLength={40} autoComplete="off" />
      </Form.Item>
      <Form.Item name="account" label={t('policies.mine.account')} rules={[{ required: true, pattern: /^[\d\s-]{12,30}$/ }]}>
        <Input inputMode="numeric" maxLength={30} autoComplete="off" />
      </Form.Item>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('policies.mine.confirm')}
      </Button>
    </Form>
  );
}

function ClaimCard({ claim, onChanged }: { claim: ClaimView; onChanged: () => void }) {
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
  const actions = claim.allowedActions.filter((a) => a !== 'confirm');
  return (
    <Card data-testid="my-claim" data-status={claim.status} data-policy={claim.policyCode}>
      <Space orientation="vertical" size={6} style={{ width: '100%' }}>
        <Space wrap>
          <ClaimStatusTag status={claim.status} />
          <Typography.Text strong>{claim.policyName}</Typography.Text>
        </Space>
        <Typography.Text>
          {t('policies.mine.amount')}：{money(claim.amountFen)}
          {claim.occupationCode ? `（${claim.occupationCode} ${levelName(claim.levelCode)}）` : ''}
        </Typography.Text>
        <Typography.Text type="secondary">
          {t('policies.mine.region')}：{claim.regionName}
          {claim.payeeAccountMasked ? ` · ${claim.payeeBank ?? ''} ${claim.payeeAccountMasked}` : ''}
        </Typography.Text>
        {claim.status === 'public_notice' && claim.noticeUntil ? (
          <Typography.Text type="secondary">
            {t('policies.review.notice')}：{claim.noticeFrom} — {claim.noticeUntil}
          </Typography.Text>
        ) : null}
        {claim.lastReason ? (
          <Typography.Text type="warning">
            {t('policies.mine.reason')}：{claim.lastReason}
          </Typography.Text>
        ) : null}
        {claim.status === 'on_hold' ? <Typography.Text type="secondary">{t('policies.mine.flagsNote')}</Typography.Text> : null}
        {claim.status === 'prefilled' ? <ConfirmForm claim={claim} onDone={onChanged} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        {actions.length ? (
          <Space wrap>
            {actions.map((a) => (
              <Button key={a} loading={busy} onClick={() => (a === 'appeal' ? setReasonFor(a) : void step(a))}>
                {t(`policies.action.${a}` as MessageKey)}
              </Button>
            ))}
          </Space>
        ) : null}
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

function ClaimsTab() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: ClaimView[] }>('/api/policies/claims/mine');
  const items = data?.items ?? [];
  const prefilled = items.filter((c) => c.status === 'prefilled');
  const others = items.filter((c) => c.status !== 'prefilled');
  return (
    <div className="policy-stack" data-testid="my-claims">
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('policies.mine.noClaims')} /> : null}
      {prefilled.length ? <Typography.Title level={2}>{t('policies.mine.prefilledTitle')}</Typography.Title> : null}
      {prefilled.map((c) => (
        <ClaimCard key={c.id} claim={c} onChanged={reload} />
      ))}
      {others.map((c) => (
        <ClaimCard key={c.id} claim={c} onChanged={reload} />
      ))}
    </div>
  );
}

function EligibilityTab() {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<{ items: EligibilityItem[] }>('/api/policies/eligibility/mine');
  return (
    <div data-testid="my-eligibility">
      <ErrorAlert error={error} onRetry={reload} />
      <Collapse
        items={(data?.items ?? []).map((e) => ({
          key: e.policyId,
          label: (
            <Space wrap data-testid="eligibility-item" data-policy={e.code} data-verdict={e.verdict}>
              <VerdictTag verdict={e.verdict} />
              <span>{e.name}</span>
              {e.amountFen !== null && e.verdict === 'eligible' ? <span className="policy-muted">{money(e.amountFen)}</span> : null}
            </Space>
          ),
          children: (
            <Space orientation="vertical" style={{ width: '100%' }}>
              {e.subject ? <Typography.Text type="secondary">{e.subject.label}</Typography.Text> : null}
              <ConditionList conditions={e.conditions} />
              <Link to={`/policies/${e.policyId}`}>{t('policies.detail.explanation')}</Link>
            </Space>
          ),
        }))}
      />
    </div>
  );
}

interface Facts {
  residenceRegionCode: string;
  hukouRegionCode: string | null;
  workplaceRegionCode: string | null;
  insuredMonths: number | null;
  verified: boolean;
}

function FactsTab() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { data, error, reload } = useApi<Facts>('/api/policies/facts/me');
  const { busy, error: saveError, run } = useCommand();
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!data) return null;
  const save = async (v: { hukouRegionCode?: string; workplaceRegionCode?: string; insuredMonths?: number | null }) => {
    const done = await run(() =>
      api('/api/policies/facts/me', {
        method: 'PUT',
        body: { hukouRegionCode: v.hukouRegionCode ?? null, workplaceRegionCode: v.workplaceRegionCode ?? null, insuredMonths: v.insuredMonths ?? null },
      }),
    );
    if (done) {
      void message.success(t('policies.facts.saved'));
      reload();
    }
  };
  return (
    <Form
      layout="vertical"
      initialValues={{
        hukouRegionCode: data.hukouRegionCode ?? undefined,
        workplaceRegionCode: data.workplaceRegionCode ?? undefined,
        insuredMonths: data.insuredMonths,
      }}
      onFinish={(v) => void save(v)}
      style={{ maxWidth: 480 }}
    >
      <Typography.Paragraph type="secondary">
        {t('policies.facts.intro')} {data.verified ? null : `（${t('policies.facts.unverified')}）`}
      </Typography.Paragraph>
      <Form.Item label={t('policies.facts.hukou')} name="hukouRegionCode">
        <RegionCascader anyLevel />
      </Form.Item>
      <Form.Item label={t('policies.facts.workplace')} name="workplaceRegionCode">
        <RegionCascader anyLevel />
      </Form.Item>
      <Form.Item label={t('policies.facts.insuredMonths')} name="insuredMonths">
        <InputNumber min={0} max={600} precision={0} style={{ width: '100%' }} />
      </Form.Item>
      {saveError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, saveError)} /> : null}
      <Button type="primary" htmlType="submit" loading={busy}>
        {t('policies.facts.save')}
      </Button>
    </Form>
  );
}

export function MyPoliciesPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const talent = me?.user.role === 'talent';
  return (
    <>
      <PageHeader title={t('policies.mine.title')} intro={t('policies.mine.intro')} />
      <Tabs
        destroyOnHidden
        items={[
          { key: 'claims', label: t('policies.mine.claimsTab'), children: <ClaimsTab /> },
          { key: 'eligibility', label: t('policies.mine.eligibilityTab'), children: <EligibilityTab /> },
          ...(talent ? [{ key: 'facts', label: t('policies.mine.factsTab'), children: <FactsTab /> }] : []),
        ]}
      />
    </>
  );
}
