/**
 * 创业服务 (officials, their region only): review projects, register carriers, oversee incubations and their
 * milestones, keep the 专精特新"小巨人" cultivation list.
 */
import { Alert, App, Button, Card, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { CarrierKind, CarrierLevel, DigitalField, giantWorkflow, projectWorkflow } from '../../../shared/ventures.js';
import { api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { RegionCascader } from '../../components/RegionCascader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useCommand } from '../events/useCommand.js';
import { IncubationList } from './CarrierDeskPage.js';
import { ActionBar, FieldTag, fieldName, StageTag, VStatusTag } from './VentureBits.js';
import type { CarrierView, GiantView, ProjectView } from './types.js';

function Review() {
  const { t } = useI18n();
  const { data, error, loading, reload } = useApi<{ items: (ProjectView & { status: string; allowedActions: string[] })[] }>('/api/ventures/manage/projects');
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.manage.reviewEmpty')} /> : null}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((p) => (
          <Card size="small" key={p.id} data-testid="review-project">
            <Space wrap size={[8, 4]}>
              <VStatusTag status={p.status} />
              <FieldTag field={p.digitalField} />
              <StageTag stage={p.stage} />
              <Link to={`/ventures/projects/${p.id}`}>{p.name}</Link>
              <Typography.Text type="secondary">{[p.regionName, p.orgName].filter(Boolean).join(' · ')}</Typography.Text>
            </Space>
            <Typography.Paragraph ellipsis={{ rows: 2 }} style={{ margin: '4px 0' }}>
              {p.summary}
            </Typography.Paragraph>
            <ActionBar
              workflow={projectWorkflow}
              actions={p.allowedActions}
              label={p.name}
              onAct={async (a, reason) => {
                const r = await api(`/api/ventures/projects/${p.id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} });
                reload();
                return r;
              }}
            />
          </Card>
        ))}
      </Space>
    </>
  );
}

function Carriers() {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const { message } = App.useApp();
  const cmd = useCommand();
  const [form] = Form.useForm();
  const { data, error, reload } = useApi<{ items: CarrierView[] }>('/api/ventures/manage/carriers');
  const create = async (v: Record<string, unknown>) => {
    const ok = await cmd.run(() => api('/api/ventures/carriers', { method: 'POST', body: v }));
    if (ok) {
      void message.success(t('ventures.manage.created'));
      form.resetFields();
      reload();
    }
  };
  const toggle = async (c: CarrierView) => {
    await cmd.run(() => api(`/api/ventures/carriers/${c.id}`, { method: 'PATCH', body: { active: !c.active } }));
    reload();
  };
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<CarrierView>
        rowKey="id"
        size="small"
        pagination={false}
        scroll={{ x: 'max-content' }}
        dataSource={data?.items ?? []}
        columns={[
          { title: t('ventures.manage.carrierName'), dataIndex: 'name' },
          { title: t('ventures.manage.kind'), dataIndex: 'kind', render: (v: string) => t(`ventures.carrierKind.${v}` as MessageKey) },
          { title: t('ventures.common.region'), dataIndex: 'regionName' },
          { title: t('ventures.manage.capacity'), key: 'cap', render: (_: unknown, c) => `${c.occupied} / ${c.capacity}` },
          {
            title: '',
            key: 'active',
            render: (_: unknown, c) => (
              <Space>
                {c.active ? null : <Tag>{t('ventures.manage.inactive')}</Tag>}
                <Button size="small" onClick={() => void toggle(c)}>
                  {c.active ? t('ventures.manage.deactivate') : t('ventures.manage.activate')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
      <Card size="small" title={t('ventures.manage.newCarrier')} style={{ marginTop: 16 }}>
        <Form
          form={form}
          layout="vertical"
          initialValues={{ kind: 'incubator', level: 'municipal', capacity: 20, regionCode: me?.user.regionCode }}
          onFinish={(v) => void create(v)}
        >
          <Form.Item name="name" label={t('ventures.manage.carrierName')} rules={[{ required: true, min: 4, max: 80 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="kind" label={t('ventures.manage.kind')} rules={[{ required: true }]}>
              <Select style={{ width: 140 }} options={CarrierKind.options.map((k) => ({ value: k, label: t(`ventures.carrierKind.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="level" label={t('ventures.manage.level')} rules={[{ required: true }]}>
              <Select style={{ width: 120 }} options={CarrierLevel.options.map((k) => ({ value: k, label: t(`ventures.level.${k}` as MessageKey) }))} />
            </Form.Item>
            <Form.Item name="capacity" label={t('ventures.manage.capacity')} rules={[{ required: true }]}>
              <InputNumber min={1} max={10000} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="regionCode" label={t('ventures.common.region')} rules={[{ required: true }]}>
            <RegionCascader anyLevel />
          </Form.Item>
          <Form.Item name="focusFields" label={t('ventures.public.focus')} rules={[{ required: true }]}>
            <Select mode="multiple" options={DigitalField.options.map((f) => ({ value: f, label: fieldName(t, f) }))} />
          </Form.Item>
          <Form.Item name="managerUscc" label={t('ventures.manage.managerUscc')} extra={t('ventures.manage.managerHint')} rules={[{ required: true, len: 18 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="address" label={t('ventures.manage.address')}>
            <Input />
          </Form.Item>
          <Form.Item name="description" label={t('ventures.manage.description')}>
            <Input.TextArea rows={2} />
          </Form.Item>
          {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={cmd.busy}>
            {t('ventures.manage.newCarrier')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

function Giants() {
  const i18n = useI18n();
  const { t } = i18n;
  const cmd = useCommand();
  const [form] = Form.useForm();
  const { data, error, loading, reload } = useApi<{ items: GiantView[] }>('/api/ventures/manage/giants');
  const add = async (v: Record<string, unknown>) => {
    const ok = await cmd.run(() => api('/api/ventures/giants', { method: 'POST', body: v }));
    if (ok) {
      form.resetFields();
      reload();
    }
  };
  const items = data?.items ?? [];
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {!loading && !error && items.length === 0 ? <Empty description={t('ventures.manage.giantsEmpty')} /> : null}
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        {items.map((g) => (
          <Card size="small" key={g.id}>
            <Space wrap size={[8, 4]}>
              <VStatusTag status={g.status} />
              <Typography.Text strong>{g.name}</Typography.Text>
              <FieldTag field={g.field} />
              <Typography.Text type="secondary">{g.year}</Typography.Text>
            </Space>
            <ActionBar
              workflow={giantWorkflow}
              actions={g.allowedActions}
              label={g.name}
              onAct={async (a, reason) => {
                const r = await api(`/api/ventures/giants/${g.id}/transitions/${a}`, { method: 'POST', body: reason ? { reason } : {} });
                reload();
                return r;
              }}
            />
          </Card>
        ))}
      </Space>
      <Card size="small" title={t('ventures.manage.newGiant')} style={{ marginTop: 16 }}>
        <Form form={form} layout="vertical" initialValues={{ year: new Date().getFullYear() }} onFinish={(v) => void add(v)}>
          <Form.Item name="uscc" label={t('ventures.manage.uscc')} rules={[{ required: true, len: 18 }]}>
            <Input />
          </Form.Item>
          <Space wrap>
            <Form.Item name="field" label={t('ventures.common.field')} rules={[{ required: true }]}>
              <Select style={{ width: 200 }} options={DigitalField.options.map((f) => ({ value: f, label: fieldName(t, f) }))} />
            </Form.Item>
            <Form.Item name="year" label={t('ventures.manage.year')} rules={[{ required: true }]}>
              <InputNumber min={2020} max={2100} precision={0} />
            </Form.Item>
          </Space>
          <Form.Item name="note" label={t('ventures.manage.note')}>
            <Input />
          </Form.Item>
          {cmd.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmd.error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={cmd.busy}>
            {t('ventures.manage.newGiant')}
          </Button>
        </Form>
      </Card>
    </>
  );
}

export function ManageVenturesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('ventures.manage.title')} intro={t('ventures.manage.intro')} />
      <Tabs
        items={[
          { key: 'review', label: t('ventures.manage.tabReview'), children: <Review /> },
          { key: 'carriers', label: t('ventures.manage.tabCarriers'), children: <Carriers /> },
          { key: 'incubations', label: t('ventures.manage.tabIncubations'), children: <IncubationList /> },
          { key: 'giants', label: t('ventures.manage.tabGiants'), children: <Giants /> },
        ]}
      />
    </>
  );
}
