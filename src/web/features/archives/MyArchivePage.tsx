/** 我的档案 (talent): where my personnel archive is, its materials and transfers; request a transfer; custody certificate. */
import { Alert, App, Button, Card, Descriptions, Empty, Form, Input, Select, Space, Table, Tag, Typography } from 'antd';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';

export interface Custodian {
  id: string;
  kind: 'agency' | 'public_centre';
  name: string;
  regionCode: string;
  address: string;
}
export interface Transfer {
  id: string;
  status: string;
  from: Custodian | null;
  to: Custodian | null;
  reason: string;
  trackingNumber: string | null;
  requestedAt: string;
  allowedActions: string[];
  archiveId?: string;
  archiveNo?: string;
}
interface Archive {
  id: string;
  archiveNo: string;
  since: string;
  personName: string;
  custodian: Custodian;
  materials: { id: string; title: string; fileName: string; uploadedAt: string }[];
  transfers: Transfer[];
}

export function TransferStatusTag({ status }: { status: string }) {
  const { t } = useI18n();
  const color = status === 'received' ? 'green' : status === 'rejected' || status === 'cancelled' ? 'default' : 'processing';
  return <Tag color={color}>{t(`archives.status.${status}` as MessageKey)}</Tag>;
}

export function MyArchivePage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<{ archive: Archive | null }>('/api/archives/mine');
  const { data: custodians } = useApi<{ items: Custodian[] }>('/api/archives/custodians');
  const cmd = useCommand();
  const a = data?.archive;
  const request = async (v: { toCustodianId: string; reason?: string }) => {
    const done = await cmd.run(() => api('/api/archives/mine/transfers', { method: 'POST', body: { toCustodianId: v.toCustodianId, reason: v.reason ?? '' } }));
    if (done) {
      void message.success(t('archives.mine.requested'));
      reload();
    }
  };
  const cancel = async (id: string) => {
    if (await cmd.run(() => api(`/api/archives/transfers/${id}/transitions/cancel`, { method: 'POST', body: {} }))) reload();
  };
  return (
    <>
      <PageHeader title={t('archives.mine.title')} intro={t('archives.mine.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && !a ? <Empty description={t('archives.mine.none')} /> : null}
      {a ? (
        <Space orientation="vertical" size={16} style={{ width: '100%' }}>
          <Card data-testid="my-archive">
            <Descriptions column={{ xs: 1, md: 2 }} size="small">
              <Descriptions.Item label={t('archives.mine.where')}>
                {a.custodian.name}（{t(`archives.kind.${a.custodian.kind}` as MessageKey)}）
              </Descriptions.Item>
              <Descriptions.Item label={t('archives.mine.archiveNo')}>{a.archiveNo}</Descriptions.Item>
              <Descriptions.Item label={t('archives.mine.since')}>{a.since}</Descriptions.Item>
            </Descriptions>
            <Button href="/api/archives/mine/custody-certificate.pdf" type="primary" style={{ marginTop: 8 }}>
              {t('archives.mine.certificate')}
            </Button>
          </Card>
          <Card title={t('archives.mine.materials')}>
            {a.materials.length === 0 ? <Typography.Text type="secondary">{t('archives.mine.noMaterials')}</Typography.Text> : null}
            {a.materials.map((m) => (
              <div key={m.id}>
                <a href={`/api/archives/materials/${m.id}`}>
                  {m.title}（{m.fileName}）
                </a>
              </div>
            ))}
          </Card>
          <Card title={t('archives.mine.transfers')}>
            <Table<Transfer>
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={a.transfers}
              columns={[
                { title: t('archives.desk.to'), key: 'to', render: (_, r) => r.to?.name },
                { title: '', dataIndex: 'status', render: (v: string) => <TransferStatusTag status={v} /> },
                { title: '', dataIndex: 'trackingNumber', render: (v: string | null) => (v ? t('archives.mine.tracking', { no: v }) : null) },
                {
                  title: '',
                  key: 'act',
                  render: (_, r) =>
                    r.allowedActions.includes('cancel') ? (
                      <Button size="small" onClick={() => void cancel(r.id)}>
                        {t('archives.action.cancel')}
                      </Button>
                    ) : null,
                },
              ]}
            />
          </Card>
          <Card title={t('archives.mine.request')}>
            <Form layout="vertical" onFinish={(v: { toCustodianId: string; reason?: string }) => void request(v)}>
              <Form.Item name="toCustodianId" label={t('archives.mine.to')} rules={[{ required: true }]}>
                <Select
                  showSearch
                  optionFilterProp="label"
                  options={(custodians?.items ?? []).filter((c) => c.id !== a.custodian.id).map((c) => ({ value: c.id, label: c.name }))}
                />
              </Form.Item>
              <Form.Item name="reason" label={t('archives.mine.reason')}>
                <Input maxLength={300} />
              </Form.Item>
              {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
              <Button type="primary" htmlType="submit" loading={cmd.busy}>
                {t('archives.mine.submit')}
              </Button>
            </Form>
          </Card>
        </Space>
      ) : null}
    </>
  );
}
