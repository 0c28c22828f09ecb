/** 政策目录 (public): every published policy with its plain summary, who may apply and the amount rule. */
import { Card, Empty, Input, Segmented, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { type PolicySummary, useAmountText } from './policy-bits.js';
import './policies.css';

export function PoliciesPage() {
  const { t } = useI18n();
  const amountText = useAmountText();
  const [kind, setKind] = useState<string>('');
  const [q, setQ] = useState('');
  const { data, error, loading, reload } = useApi<{ items: PolicySummary[]; total: number }>('/api/policies', {
    applicantKind: kind || undefined,
    q: q || undefined,
  });
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader title={t('policies.list.title')} intro={t('policies.list.intro')} extra={<Link to="/policies/notices">{t('policies.list.notices')}</Link>} />
      <Space wrap className="policy-filters">
        <Segmented
          aria-label={t('policies.detail.applicant')}
          value={kind}
          onChange={(v) => setKind(String(v))}
          options={[
            { value: '', label: t('policies.list.all') },
            { value: 'person', label: t('policies.list.person') },
            { value: 'organisation', label: t('policies.list.organisation') },
          ]}
        />
        <Input.Search aria-label={t('policies.list.search')} placeholder={t('policies.list.search')} allowClear onSearch={setQ} style={{ maxWidth: 280 }} />
      </Space>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('policies.list.empty')} /> : null}
      <div className="policy-grid" data-testid="policy-list">
        {items.map((p) => (
          <Card key={p.id} data-testid="policy-card">
            <Space orientation="vertical" size={6} style={{ width: '100%' }}>
              <Space wrap size={[6, 4]}>
                <Tag>{p.applicantKind === 'person' ? t('policies.list.person') : t('policies.list.organisation')}</Tag>
                {p.autoGrant ? <Tag color="green">{t('policies.list.autoGrant')}</Tag> : null}
                <Tag>{p.regionName}</Tag>
              </Space>
              <Typography.Title level={2} className="policy-card-title">
                <Link to={`/policies/${p.id}`}>{p.name}</Link>
              </Typography.Title>
              <Typography.Paragraph>{p.summary}</Typography.Paragraph>
              <Typography.Text type="secondary">
                {t('policies.detail.amount')}：{amountText(p.amountRule)}
              </Typography.Text>
              <Typography.Text type="secondary">
                {t('policies.list.window')}：{p.windowFrom} — {p.windowTo ?? t('policies.list.longTerm')}
              </Typography.Text>
            </Space>
          </Card>
        ))}
      </div>
    </>
  );
}
