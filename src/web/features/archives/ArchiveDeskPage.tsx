/**
 * 档案业务 (custodian staff: HR service agencies; officials for public centres): archives held, incoming and
 * outgoing transfers with their actions, material uploads (with their class), recording a new archive; officials
 * also keep the custodian registry. The held materials are listed on 档案材料 (ArchiveMaterialsPage).
 */
import { UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Form, Input, Select, Space, Table, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router';
import { ArchiveMaterialCategory } from '../../../shared/archives.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { type Custodian, type Transfer, TransferStatusTag } from './MyArchivePage.js';

interface Desk {
  custodians: Custodian[];
  archives: { id: string; archiveNo: string; since: string; custodianId: string; personName: string }[];
  incoming: Transfer[];
  outgoing: Transfer[];
}

function MaterialUpload({ archiveId, onDone }: { archiveId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [title, setTitle] = useState('');
  const [category, setCategory] = useState<ArchiveMaterialCategory>('other');
  const [error, setError] = useState<unknown>(null);
  return (
    <Space wrap>
      <Input
        size="small"
        placeholder={t('archives.desk.materialTitle')}
        aria-label={t('archives.desk.materialTitle')}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        style={{ width: 140 }}
      />
      <Select
        size="small"
        aria-label={t('archives.desk.materialCategory')}
        value={category}
        onChange={setCategory}
        style={{ width: 170 }}
        options={ArchiveMaterialCategory.options.map((c) => ({ value: c, label: t(`archives.category.${c}`) }))}
      />
      <Upload
        accept=".pdf,.png,.jpg,.jpeg"
        showUploadList={false}
        beforeUpload={(file) => {
          setError(null);
          void api(`/api/archives/${archiveId}/materials`, {
            method: 'POST',
            rawBody: file,
            query: { title: title || file.name, fileName: file.name, category },
            headers: { 'content-type': file.type || 'application/octet-stream' },
          })
            .then(onDone)
            .catch(setError);
          return false;
        }}
      >
        <Button size="small" icon={<UploadOutlined />}>
          {t('archives.desk.upload')}
        </Button>
      </Upload>
      {error ? <Typography.Text type="danger">{formatError(i18n, error)}</Typography.Text> : null}
    </Space>
  );
}

function TransferTable({ rows, act }: { rows: Transfer[]; act: (id: string, action: string) => void }) {
  const { t } = useI18n();
  return (
    <Table<Transfer>
      rowKey="id"
      size="small"
      pagination={false}
      scroll={{ x: true }}
      dataSource={rows}
      locale={{ emptyText: t('archives.desk.none') }}
      columns={[
        { title: '', dataIndex: 'archiveNo' },
        { title: t('archives.desk.from'), key: 'from', render: (_, r) => r.from?.name },
        { title: t('archives.desk.to'), key: 'to', render: (_, r) => r.to?.name },
        { title: '', dataIndex: 'status', render: (v: string) => <TransferStatusTag status={v} /> },
        { title: '', dataIndex: 'trackingNumber' },
        {
          title: '',
          key: 'act',
          render: (_, r) => (
            <Space wrap>
              {r.allowedActions.map((a) => (
                <Button key={a} size="small" onClick={() => act(r.id, a)} danger={a === 'reject'}>
                  {t(`archives.action.${a}` as MessageKey)}
                </Button>
              ))}
            </Space>
          ),
        },
      ]}
    />
  );
}

export function ArchiveDeskPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<Desk>('/api/archives/desk');
  const { data: registry, reload: reloadRegistry } = useApi<{ items: Custodian[] }>(me?.user.role === 'official' ? '/api/archives/custodians' : null);
  const cmd = useCommand();
  const act = async (id: string, action: string) => {
    const body: Record<string, unknown> = {};
    if (action === 'dispatch') body.trackingNumber = window.prompt(t('archives.desk.trackingPrompt')) ?? '';
    if (action === 'reject') body.reason = window.prompt(t('archives.action.reject')) ?? '';
    if (await cmd.run(() => api(`/api/archives/transfers/${id}/transitions/${action}`, { method: 'POST', body }))) reload();
  };
  const saved = () => {
    void message.success(t('archives.desk.saved'));
    reload();
    reloadRegistry();
  };
  return (
    <>
      <PageHeader title={t('archives.desk.title')} intro={t('archives.desk.intro')} />
      <ErrorAlert error={error} onRetry={reload} />
      {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card title={t('archives.desk.incoming')}>
          <TransferTable rows={data?.incoming ?? []} act={(id, a) => void act(id, a)} />
        </Card>
        <Card title={t('archives.desk.outgoing')}>
          <TransferTable rows={data?.outgoing ?? []} act={(id, a) => void act(id, a)} />
        </Card>
        <Card title={t('archives.desk.archives')} extra={<Link to="/archives/materials">{t('archives.nav.materials')}</Link>}>
          <Table
            rowKey="id"
            size="small"
            pagination={{ pageSize: 20 }}
            scroll={{ x: true }}
            dataSource={data?.archives ?? []}
            columns={[
              { title: t('archives.mine.archiveNo'), dataIndex: 'archiveNo' },
              { title: t('archives.desk.person'), dataIndex: 'personName' },
              { title: t('archives.mine.since'), dataIndex: 'since' },
              { title: '', key: 'up', render: (_: unknown, r: { id: string }) => <MaterialUpload archiveId={r.id} onDone={saved} /> },
            ]}
          />
        </Card>
        <Card title={t('archives.desk.record')}>
          <Form
            layout="vertical"
            onFinish={(v: { username: string; custodianId: string; archiveNo: string; since: { format(f: string): string } }) =>
              void cmd.run(() => api('/api/archives', { method: 'POST', body: { ...v, since: v.since.format('YYYY-MM-DD') } })).then((r) => r && saved())
            }
          >
            <Space wrap>
              <Form.Item name="username" label={t('archives.desk.username')} rules={[{ required: true }]}>
                <Input />
              </Form.Item>
              <Form.Item name="custodianId" label={t('archives.desk.custodian')} rules={[{ required: true }]}>
                <Select style={{ minWidth: 200 }} options={(data?.custodians ?? []).map((c) => ({ value: c.id, label: c.name }))} />
              </Form.Item>
              <Form.Item name="archiveNo" label={t('archives.mine.archiveNo')} rules={[{ required: true, min: 3 }]}>
                <Input />
              </Form.Item>
              <Form.Item name="since" label={t('archives.mine.since')} rules={[{ required: true }]}>
                <DatePicker />
              </Form.Item>
            </Space>
            <Button htmlType="submit" type="primary">
              {t('archives.desk.record')}
            </Button>
          </Form>
        </Card>
        {me?.user.role === 'official' ? (
          <Card title={t('archives.desk.registry')}>
            <Table
              rowKey="id"
              size="small"
              pagination={false}
              scroll={{ x: true }}
              dataSource={registry?.items ?? []}
              columns={[
                { title: t('archives.desk.name'), dataIndex: 'name' },
                { title: '', dataIndex: 'kind', render: (v: string) => t(`archives.kind.${v}` as MessageKey) },
                { title: t('archives.desk.region'), dataIndex: 'regionCode' },
              ]}
            />
            <Typography.Title level={3} style={{ fontSize: 16, marginTop: 16 }}>
              {t('archives.desk.addCustodian')}
            </Typography.Title>
            <Form
              layout="vertical"
              initialValues={{ kind: 'public_centre', regionCode: me.user.regionCode }}
              onFinish={(v: { kind: string; name: string; regionCode: string; orgId?: string }) =>
                void cmd
                  .run(() => api('/api/archives/custodians', { method: 'POST', body: { ...v, orgId: v.orgId?.trim() || null } }))
                  .then((r) => r && saved())
              }
            >
              <Space wrap>
                <Form.Item name="kind" label={t('competitions.manage.kind')}>
                  <Select
                    style={{ minWidth: 200 }}
                    options={(['public_centre', 'agency'] as const).map((k) => ({ value: k, label: t(`archives.kind.${k}` as MessageKey) }))}
                  />
                </Form.Item>
                <Form.Item name="name" label={t('archives.desk.name')} rules={[{ required: true, min: 4 }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="regionCode" label={t('archives.desk.region')} rules={[{ required: true, pattern: /^\d{6}$/ }]}>
                  <Input />
                </Form.Item>
                <Form.Item name="orgId" label={t('archives.desk.orgId')}>
                  <Input />
                </Form.Item>
              </Space>
              <Button htmlType="submit">{t('archives.desk.addCustodian')}</Button>
            </Form>
          </Card>
        ) : null}
      </Space>
    </>
  );
}
