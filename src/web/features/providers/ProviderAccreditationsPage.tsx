/** 机构与资质 (provider / evaluator / host): the organisation's category, 申报 by occupation and level, the applications and accreditations. */
import { Alert, App, Button, Card, Collapse, Form, Input, List, Modal, Radio, Select, Skeleton, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { AccreditationPurpose, ProviderCategory } from '../../../shared/providers.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { useCommand } from '../events/useCommand.js';
import { AccreditationHistory, AccreditationStatusTag, ItemsList } from './AccreditationBits.js';
import { flattenItems, groupItems, type ItemRow, ItemsEditor } from './ItemsEditor.js';
import type { AccreditationDetail, AccreditationView, MyOrganisation } from './providers-types.js';
import './providers.css';

function OrganisationCard({ org, onSaved }: { org: MyOrganisation; onSaved: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [form] = Form.useForm<{ category: ProviderCategory; description?: string }>();
  const save = async (v: { category: ProviderCategory; description?: string }) => {
    const done = await run(() => api('/api/providers/me', { method: 'PUT', body: { category: v.category, description: v.description?.trim() || null } }));
    if (done) {
      void message.success(t('providers.mine.saved'));
      onSaved();
    }
  };
  return (
    <Card title={<h2 className="card-title">{t('providers.mine.orgTitle')}</h2>} style={{ marginBottom: 16 }}>
      <Typography.Paragraph>
        <strong>{org.name}</strong> · {org.regionName}
      </Typography.Paragraph>
      <Form
        name="provider"
        form={form}
        layout="vertical"
        initialValues={{ category: org.category ?? undefined, description: org.description ?? '' }}
        onFinish={(v) => void save(v)}
      >
        <Form.Item name="category" label={t('providers.fields.category')} rules={[{ required: true }]}>
          <Select options={ProviderCategory.options.map((c) => ({ value: c, label: t(`providers.category.${c}`) }))} style={{ maxWidth: 320 }} />
        </Form.Item>
        <Form.Item name="description" label={t('providers.fields.description')}>
          <Input.TextArea rows={2} maxLength={1000} />
        </Form.Item>
        <Button htmlType="submit" loading={busy} data-testid="provider-save">
          {t('providers.mine.saveCategory')}
        </Button>
      </Form>
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Card>
  );
}

interface ApplyValues {
  purpose: AccreditationPurpose;
  items: ItemRow[];
  statement: string;
}

function ApplyCard({ defaultPurpose, onApplied }: { defaultPurpose: AccreditationPurpose; onApplied: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const { busy, error, run } = useCommand();
  const submit = async (v: ApplyValues) => {
    const done = await run(() =>
      api('/api/providers/accreditations', {
        method: 'POST',
        body: { purpose: v.purpose, items: flattenItems(v.items), statement: v.statement.trim() },
        headers: { 'idempotency-key': crypto.randomUUID() },
      }),
    );
    if (done) {
      void message.success(t('providers.mine.submitted'));
      form.resetFields();
      onApplied();
    }
  };
  return (
    <Card title={<h2 className="card-title">{t('providers.mine.applyTitle')}</h2>} style={{ marginBottom: 16 }}>
      <Form<ApplyValues>
        name="apply"
        form={form}
        layout="vertical"
        initialValues={{ purpose: defaultPurpose, items: [{ levels: ['5'] }] }}
        onFinish={(v) => void submit(v)}
        data-testid="apply-form"
      >
        <Form.Item name="purpose" label={t('providers.fields.purpose')}>
          <Radio.Group options={AccreditationPurpose.options.map((p) => ({ value: p, label: t(`providers.purpose.${p}`) }))} />
        </Form.Item>
        <Form.Item label={t('providers.fields.items')} required>
          <ItemsEditor />
        </Form.Item>
        <Form.Item name="statement" label={t('providers.fields.statement')} rules={[{ required: true, min: 10, max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="apply-submit">
          {t('providers.mine.submit')}
        </Button>
      </Form>
      {error ? <Alert style={{ marginTop: 12 }} type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Card>
  );
}

function ResubmitModal({ a, onClose, onDone }: { a: AccreditationView | null; onClose: () => void; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ items: ItemRow[]; statement: string }>();
  const { busy, error, run } = useCommand();
  if (!a) return null;
  const submit = async (v: { items: ItemRow[]; statement: string }) => {
    const done = await run(() =>
      api(`/api/providers/accreditations/${a.id}/transitions/resubmit`, {
        method: 'POST',
        body: { items: flattenItems(v.items), statement: v.statement.trim() },
      }),
    );
    if (done) onDone();
  };
  return (
    <Modal
      open
      title={t('providers.mine.resubmitTitle')}
      onCancel={onClose}
      onOk={() => form.submit()}
      confirmLoading={busy}
      okText={t('providers.action.resubmit')}
      destroyOnHidden
      width={720}
    >
      <Form
        name="resubmit"
        form={form}
        layout="vertical"
        preserve={false}
        initialValues={{ items: groupItems(a.items), statement: a.statement }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item label={t('providers.fields.items')} required>
          <ItemsEditor />
        </Form.Item>
        <Form.Item name="statement" label={t('providers.fields.statement')} rules={[{ required: true, min: 10, max: 2000 }]}>
          <Input.TextArea rows={3} maxLength={2000} />
        </Form.Item>
      </Form>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
    </Modal>
  );
}

function History({ id }: { id: string }) {
  const { data } = useApi<AccreditationDetail>(`/api/providers/accreditations/${id}`);
  return data ? <AccreditationHistory a={data} /> : <Skeleton active />;
}

export function ProviderAccreditationsPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const org = useApi<MyOrganisation>('/api/providers/me');
  const list = useApi<{ items: AccreditationView[] }>('/api/providers/accreditations/mine');
  const { busy, error, run } = useCommand();
  const [resubmitting, setResubmitting] = useState<AccreditationView | null>(null);
  const withdraw = async (a: AccreditationView) => {
    const done = await run(() => api(`/api/providers/accreditations/${a.id}/transitions/withdraw`, { method: 'POST', body: {} }));
    if (done) list.reload();
  };
  return (
    <>
      <PageHeader title={t('providers.mine.title')} intro={t('providers.mine.intro')} />
      <ErrorAlert
        error={org.error ?? list.error}
        onRetry={() => {
          org.reload();
          list.reload();
        }}
      />
      {org.data ? <OrganisationCard org={org.data} onSaved={org.reload} /> : <Skeleton active />}
      {org.data ? <ApplyCard defaultPurpose={org.data.kind === 'evaluator' ? 'evaluation' : 'training'} onApplied={list.reload} /> : null}
      <Card title={<h2 className="card-title">{t('providers.mine.listTitle')}</h2>}>
        {error ? <Alert style={{ marginBottom: 12 }} type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        <List<AccreditationView>
          loading={list.loading}
          dataSource={list.data?.items ?? []}
          locale={{ emptyText: t('providers.mine.empty') }}
          data-testid="my-accreditations"
          renderItem={(a) => (
            <List.Item key={a.id} data-testid={`accreditation-${a.id}`}>
              <Space orientation="vertical" style={{ width: '100%' }} size={4}>
                <Space wrap>
                  <strong>{t(`providers.purpose.${a.purpose}`)}</strong>
                  <AccreditationStatusTag status={a.status} />
                  {a.inForce && a.validUntil ? <Typography.Text type="success">{t('providers.mine.inForce', { date: a.validUntil })}</Typography.Text> : null}
                  <Typography.Text type="secondary">
                    {t('providers.fields.submittedAt')} {dayjs(a.submittedAt).format('YYYY-MM-DD')}
                  </Typography.Text>
                </Space>
                <ItemsList items={a.items} />
                <Space wrap>
                  {a.allowedActions.includes('resubmit') ? (
                    <Button size="small" type="primary" onClick={() => setResubmitting(a)} data-testid="accreditation-resubmit">
                      {t('providers.action.resubmit')}
                    </Button>
                  ) : null}
                  {a.allowedActions.includes('withdraw') ? (
                    <Button size="small" loading={busy} onClick={() => void withdraw(a)}>
                      {t('providers.action.withdraw')}
                    </Button>
                  ) : null}
                </Space>
                <Collapse size="small" items={[{ key: 'h', label: t('providers.mine.history'), children: <History id={a.id} /> }]} />
              </Space>
            </List.Item>
          )}
        />
      </Card>
      <ResubmitModal
        a={resubmitting}
        onClose={() => setResubmitting(null)}
        onDone={() => {
          setResubmitting(null);
          list.reload();
        }}
      />
    </>
  );
}
