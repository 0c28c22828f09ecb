/**
 * 支付批次 (officials): gather the region's approved claims into a batch, export it as Excel for the finance
 * system, and record the result: per line (paid / failed with reason) or by uploading the result file.
 */
import { Alert, App, Button, Card, Empty, Input, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useIsDesktop } from '../../components/useIsDesktop.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { ClaimStatusTag, money } from './policy-bits.js';
import type { ClaimStatus } from '../../../shared/policies.js';
import './policies.css';

interface Batch {
  id: string;
  number: string;
  status: 'open' | 'exported' | 'closed';
  claimCount: number;
  totalFen: number;
  createdAt: string;
}
interface Line {
  claimId: string;
  status: ClaimStatus;
  amountFen: number;
  policyName: string;
  payeeName: string;
  payeeBank: string | null;
  payeeAccountMasked: string | null;
  paymentNote: string | null;
}

function BatchLines({ batch, onChanged }: { batch: Batch; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const desktop = useIsDesktop();
  const { data, error, reload } = useApi<Batch & { lines: Line[] }>(`/api/policies/batches/${batch.id}`);
  const { busy, error: cmdError, run } = useCommand();
  const [reasons, setReasons] = useState<Record<string, string>>({});
  const mark = async (claimId: string, result: 'paid' | 'failed') => {
    const line = { claimId, result, ...(result === 'failed' ? { reason: reasons[claimId] || '支付失败' } : {}) };
    if (await run(() => api(`/api/policies/batches/${batch.id}/results`, { method: 'POST', body: { lines: [line] } }))) {
      reload();
      onChanged();
    }
  };
  const upload = async (file: File) => {
    const res = await run(() =>
      api<{ paid: number; failed: number }>(`/api/policies/batches/${batch.id}/results-file`, {
        method: 'POST',
        rawBody: file,
        headers: { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
      }),
    );
    if (res) {
      void message.success(t('policies.batches.uploaded', res));
      reload();
      onChanged();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <ErrorAlert error={error} onRetry={reload} />
      <Space wrap>
        <Button href={`/api/policies/batches/${batch.id}/export`} download data-testid="batch-export">
          {t('policies.batches.export')}
        </Button>
        {batch.status !== 'closed' ? (
          <Upload
            accept=".xlsx"
            showUploadList={false}
            beforeUpload={(f) => {
              void upload(f);
              return false;
            }}
          >
            <Button>{t('policies.batches.upload')}</Button>
          </Upload>
        ) : null}
      </Space>
      {cmdError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmdError)} /> : null}
      <Table<Line>
        rowKey="claimId"
        size="small"
        pagination={false}
        dataSource={data?.lines ?? []}
        scroll={desktop ? undefined : { x: 720 }}
        columns={[
          { title: t('policies.batches.payee'), dataIndex: 'payeeName' },
          { title: t('policies.review.policy'), dataIndex: 'policyName' },
          { title: t('policies.batches.account'), render: (_, l) => `${l.payeeBank ?? ''} ${l.payeeAccountMasked ?? ''}` },
          { title: t('policies.batches.total'), render: (_, l) => money(l.amountFen) },
          { title: t('fields.status'), render: (_, l) => <ClaimStatusTag status={l.status} /> },
          {
            title: '',
            render: (_, l) =>
              l.status === 'in_batch' ? (
                <Space wrap>
                  <Button size="small" type="primary" loading={busy} onClick={() => void mark(l.claimId, 'paid')} data-testid="mark-paid">
                    {t('policies.batches.markPaid')}
                  </Button>
                  <Input
                    size="small"
                    aria-label={t('policies.batches.failReason')}
                    placeholder={t('policies.batches.failReason')}
                    style={{ width: 120 }}
                    onChange={(e) => setReasons((r) => ({ ...r, [l.claimId]: e.target.value }))}
                  />
                  <Button size="small" danger loading={busy} onClick={() => void mark(l.claimId, 'failed')}>
                    {t('policies.batches.markFailed')}
                  </Button>
                </Space>
              ) : (
                (l.paymentNote ?? '')
              ),
          },
        ]}
      />
    </Space>
  );
}

export function PaymentBatchesPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<{ items: Batch[] }>('/api/policies/batches');
  const { busy, error: createError, run } = useCommand();
  const [open, setOpen] = useState<string | null>(null);
  const create = async () => {
    const b = await run(() => api<Batch>('/api/policies/batches', { method: 'POST' }));
    if (b) {
      void message.success(t('policies.batches.created'));
      setOpen(b.id);
      reload();
    }
  };
  const items = data?.items ?? [];
  return (
    <>
      <PageHeader
        title={t('policies.batches.title')}
        intro={t('policies.batches.intro')}
        extra={
          <Button type="primary" onClick={() => void create()} loading={busy} data-testid="create-batch">
            {t('policies.batches.create')}
          </Button>
        }
      />
      {createError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, createError)} /> : null}
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('policies.batches.empty')} /> : null}
      <div className="policy-stack" data-testid="batches">
        {items.map((b) => (
          <Card
            key={b.id}
            data-testid="batch"
            data-status={b.status}
            title={
              <Space wrap>
                <Typography.Text strong>{b.number}</Typography.Text>
                <Tag>{t(`policies.batches.status.${b.status}` as MessageKey)}</Tag>
                <span>
                  {b.claimCount} · {money(b.totalFen)}
                </span>
              </Space>
            }
            extra={
              <Button type="link" onClick={() => setOpen(open === b.id ? null : b.id)}>
                {t('policies.batches.lines')}
              </Button>
            }
          >
            {open === b.id ? <BatchLines batch={b} onChanged={reload} /> : null}
          </Card>
        ))}
      </div>
    </>
  );
}
