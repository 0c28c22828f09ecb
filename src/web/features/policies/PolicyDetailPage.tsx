/** 政策详情 (public): 通俗化解读, legal basis, conditions, materials, amount, budgets, Q&A. */
import { Card, Collapse, Descriptions, Empty, List, Space, Tag, Typography } from 'antd';
import { Link, useParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { money, type PolicyDetail, useAmountText } from './policy-bits.js';
import './policies.css';

interface Sentence {
  text: string;
  children?: Sentence[];
}

/** The rule as nested Chinese sentences ("同时满足以下条件" / "满足以下条件之一"). */
function Sentences({ node }: { node: Sentence }) {
  return (
    <div data-testid="policy-conditions">
      {node.children ? (
        <>
          <Typography.Text>{node.text}：</Typography.Text>
          <ul>
            {node.children.map((c) => (
              <li key={c.text}>{c.children ? <Sentences node={c} /> : c.text}</li>
            ))}
          </ul>
        </>
      ) : (
        <Typography.Text>{node.text}</Typography.Text>
      )}
    </div>
  );
}

export function PolicyDetailPage() {
  const { id } = useParams();
  const { t } = useI18n();
  const { me } = useAuth();
  const amountText = useAmountText();
  const { data: p, error, reload } = useApi<PolicyDetail & { conditions: Sentence }>(id ? `/api/policies/${id}` : null);
  if (error) return <ErrorAlert error={error} onRetry={reload} />;
  if (!p) return null;
  return (
    <div className="policy-stack">
      <PageHeader
        title={p.name}
        intro={p.summary}
        extra={me ? <Link to="/policies/mine">{t('policies.detail.checkMine')}</Link> : <Link to="/login">{t('policies.detail.signInToCheck')}</Link>}
      />
      <Space wrap>
        <Tag>{p.applicantKind === 'person' ? t('policies.list.person') : t('policies.list.organisation')}</Tag>
        {p.autoGrant ? <Tag color="green">{t('policies.list.autoGrant')}</Tag> : null}
        <Tag>{p.regionName}</Tag>
      </Space>
      <Card title={t('policies.detail.explanation')}>
        <Typography.Paragraph className="policy-explanation" data-testid="policy-explanation">
          {p.explanation}
        </Typography.Paragraph>
      </Card>
      <Card>
        <Descriptions column={1} size="small">
          <Descriptions.Item label={t('policies.detail.amount')}>{amountText(p.amountRule)}</Descriptions.Item>
          <Descriptions.Item label={t('policies.list.window')}>
            {p.windowFrom} — {p.windowTo ?? t('policies.list.longTerm')}
          </Descriptions.Item>
          <Descriptions.Item label={t('policies.review.notice')}>{t('policies.detail.noticeDays', { days: p.noticeWorkingDays })}</Descriptions.Item>
        </Descriptions>
      </Card>
      <Card title={t('policies.detail.conditions')}>
        <Sentences node={p.conditions} />
      </Card>
      <Card title={t('policies.detail.materials')}>
        <List size="small" dataSource={p.materials} renderItem={(m) => <List.Item>{m}</List.Item>} />
      </Card>
      <Card title={t('policies.detail.qa')}>
        {p.qa.length ? (
          <Collapse items={p.qa.map((x, i) => ({ key: String(i), label: x.q, children: <Typography.Paragraph>{x.a}</Typography.Paragraph> }))} />
        ) : (
          <Empty />
        )}
      </Card>
      <Card title={t('policies.detail.legalBasis')}>
        <List
          size="small"
          dataSource={p.legalBasis}
          renderItem={(b) => (
            <List.Item>
              {b.title}
              {b.docNo ? `（${b.docNo}）` : ''}
              {b.issuer ? <span className="policy-muted">{b.issuer}</span> : null}
            </List.Item>
          )}
        />
      </Card>
      <Card title={t('policies.detail.budgets')}>
        <List
          size="small"
          dataSource={p.budgets}
          renderItem={(b) => (
            <List.Item>
              {t('policies.detail.budgetLine', {
                region: b.regionName,
                year: b.year,
                total: money(b.totalFen),
                committed: money(b.committedFen),
                paid: money(b.paidFen),
              })}
            </List.Item>
          )}
        />
      </Card>
    </div>
  );
}
