/** 人才认定与待遇 (talent): apply with materials, follow each application and its statutory clock, 补正, 我的待遇, 人才计划. */
import { App, AutoComplete, Button, Card, Collapse, Descriptions, Empty, Form, Input, List, Select, Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ClockText, History, MaterialLinks, MaterialUpload, StatusTag } from './RecognitionBits.js';
import type { Application, Category, Entitlement, Material, Programme } from './recognition-types.js';
import './recognition.css';

/** Finds a verified organisation by name (optional; the name is what counts for the form). */
function EmployerField({ onPick, ...field }: { onPick: (id: string | null) => void; id?: string; value?: string; onChange?: (v: string) => void }) {
  const { t } = useI18n();
  const [q, setQ] = useState('');
  const found = useApi<{ items: { id: string; name: string }[] }>(q.trim().length >= 2 ? '/api/recognition/employers' : null, { q: q.trim() });
  return (
    <AutoComplete
      {...field}
      options={(found.data?.items ?? []).map((o) => ({ value: o.name, label: o.name, id: o.id }))}
      onSearch={(v) => {
        setQ(v);
        onPick(null);
      }}
      onSelect={(_v, option) => onPick((option as { id: string }).id)}
      placeholder={t('recognition.mine.employerSearch')}
      data-testid="employer-input"
    />
  );
}

interface ApplyValues {
  categoryCode: string;
  employerName: string;
  field: string;
  achievements: string;
}

function ApplyForm({ categories, onDone }: { categories: Category[]; onDone: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<ApplyValues>();
  const [materials, setMaterials] = useState<Material[]>([]);
  const [employerOrgId, setEmployerOrgId] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const code = Form.useWatch('categoryCode', form);
  const chosen = categories.find((c) => c.code === code);
  const submit = async (v: ApplyValues) => {
    if (materials.length === 0) {
      setError(new ApiError('VALIDATION_FAILED', { fields: ['materialIds'] }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api('/api/recognition/applications', { method: 'POST', body: { ...v, employerOrgId, materialIds: materials.map((m) => m.id) } });
      void message.success(t('recognition.mine.applied'));
      form.resetFields();
      setMaterials([]);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('recognition.mine.apply')} data-testid="recognition-apply">
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)}>
        <Form.Item name="categoryCode" label={t('recognition.common.category')} rules={[{ required: true }]}>
          <Select data-testid="category-select" options={categories.map((c) => ({ value: c.code, label: c.name }))} />
        </Form.Item>
        {chosen ? (
          <Card size="small" type="inner" title={t('recognition.mine.criteria')} style={{ marginBottom: 16 }}>
            <ul className="recognition-criteria">
              {chosen.criteria.map((c) => (
                <li key={c}>{c}</li>
              ))}
            </ul>
            <Typography.Text type="secondary">{t('recognition.clock.limit', { days: chosen.limitWorkingDays })}</Typography.Text>
          </Card>
        ) : null}
        <Form.Item name="employerName" label={t('recognition.common.employer')} rules={[{ required: true, whitespace: true, max: 100 }]}>
          <EmployerField onPick={setEmployerOrgId} />
        </Form.Item>
        <Form.Item name="field" label={t('recognition.common.field')} rules={[{ required: true, whitespace: true, max: 60 }]}>
          <Input data-testid="field-input" />
        </Form.Item>
        <Form.Item name="achievements" label={t('recognition.common.achievements')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
          <Input.TextArea rows={4} data-testid="achievements-input" />
        </Form.Item>
        <Form.Item label={t('recognition.common.materials')} required>
          <MaterialUpload value={materials} onChange={setMaterials} testId="apply-upload" />
        </Form.Item>
        <ErrorAlert error={error} />
        <Button type="primary" htmlType="submit" loading={busy} data-testid="apply-submit" style={{ marginTop: 12 }}>
          {t('recognition.common.submit')}
        </Button>
      </Form>
    </Card>
  );
}

function Resubmit({ app, onDone }: { app: Application; onDone: () => void }) {
  const { t } = useI18n();
  const [materials, setMaterials] = useState<Material[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const supplementReason = [...(app.history ?? [])].reverse().find((h) => h.action === 'request_supplement')?.reason;
  const send = async () => {
    setBusy(true);
    setError(null);
    try {
      await api(`/api/recognition/applications/${app.id}/transitions/resubmit`, { method: 'POST', body: { materialIds: materials.map((m) => m.id) } });
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" type="inner" title={t('recognition.mine.resubmitTitle')} data-testid="resubmit-card">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {supplementReason ? <Typography.Text type="warning">{t('recognition.mine.supplementReason', { reason: supplementReason })}</Typography.Text> : null}
        <Typography.Text type="secondary">{t('recognition.mine.resubmitHint')}</Typography.Text>
        <MaterialUpload value={materials} onChange={setMaterials} testId="resubmit-upload" />
        <ErrorAlert error={error} />
        <Button type="primary" loading={busy} onClick={() => void send()} data-testid="resubmit-submit">
          {t('recognition.action.resubmit')}
        </Button>
      </Space>
    </Card>
  );
}

function Applications() {
  const { t } = useI18n();
  const list = useApi<{ items: Application[] }>('/api/recognition/applications/mine');
  const cats = useApi<{ items: Category[] }>('/api/recognition/categories');
  const name = (code: string | null) => cats.data?.items.find((c) => c.code === code)?.name ?? code ?? '';
  const open = (list.data?.items ?? []).some((a) => ['submitted', 'accepted', 'supplement', 'in_review'].includes(a.status));
  const withdraw = async (id: string) => {
    await api(`/api/recognition/applications/${id}/transitions/withdraw`, { method: 'POST', body: {} });
    list.reload();
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={list.error ?? cats.error} onRetry={list.reload} />
      {(list.data?.items ?? []).map((a) => (
        <Card
          key={a.id}
          data-testid="my-recognition"
          data-status={a.status}
          title={
            <Space wrap>
              <span>{name(a.categoryCode)}</span>
              <StatusTag status={a.status} />
            </Space>
          }
        >
          <Space orientation="vertical" style={{ width: '100%' }}>
            <ClockText clock={a.clock} status={a.status} />
            <Descriptions size="small" column={1}>
              <Descriptions.Item label={t('recognition.common.employer')}>{a.employerName}</Descriptions.Item>
              <Descriptions.Item label={t('recognition.common.field')}>{a.field}</Descriptions.Item>
              {a.grantedCategoryCode ? (
                <Descriptions.Item label={t('recognition.common.grantedCategory')}>{name(a.grantedCategoryCode)}</Descriptions.Item>
              ) : null}
              {a.decisionReason ? <Descriptions.Item label={t('recognition.common.decision')}>{a.decisionReason}</Descriptions.Item> : null}
              <Descriptions.Item label={t('recognition.common.materials')}>
                <MaterialLinks materials={a.materials ?? []} />
              </Descriptions.Item>
            </Descriptions>
            {a.allowedActions.includes('resubmit') ? <Resubmit app={a} onDone={list.reload} /> : null}
            <Collapse size="small" items={[{ key: 'h', label: t('recognition.common.history'), children: <History history={a.history} /> }]} />
            {a.allowedActions.includes('withdraw') ? (
              <Button size="small" danger onClick={() => void withdraw(a.id)}>
                {t('recognition.action.withdraw')}
              </Button>
            ) : null}
          </Space>
        </Card>
      ))}
      {list.data && !open && cats.data ? <ApplyForm categories={cats.data.items} onDone={list.reload} /> : null}
    </Space>
  );
}

function Benefits() {
  const { t, tx } = useI18n();
  const list = useApi<{ items: Entitlement[] }>('/api/recognition/benefits/mine');
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('recognition.mine.benefitsIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      <List
        dataSource={list.data?.items ?? []}
        loading={list.loading}
        locale={{ emptyText: <Empty description={t('recognition.mine.noBenefits')} /> }}
        renderItem={(e) => (
          <List.Item data-testid="my-benefit" data-benefit={e.benefit} data-status={e.status}>
            <List.Item.Meta
              title={
                <Space wrap>
                  <span>{tx(`recognition.benefit.${e.benefit}`, e.benefit)}</span>
                  <StatusTag status={e.status} ns="benefitStatus" />
                </Space>
              }
              description={
                <>
                  <div>{tx(`recognition.department.${e.department}`, e.department)}</div>
                  {e.note ? (
                    <div>
                      {t('recognition.common.note')}：{e.note}
                    </div>
                  ) : null}
                </>
              }
            />
          </List.Item>
        )}
      />
    </Space>
  );
}

interface ProgrammeValues {
  programme: string;
  employerName: string;
  projectTitle: string;
  summary: string;
}

function Programmes() {
  const { t, tx } = useI18n();
  const { message } = App.useApp();
  const list = useApi<{ items: Programme[] }>('/api/recognition/programmes/mine');
  const [form] = Form.useForm<ProgrammeValues>();
  const [materials, setMaterials] = useState<Material[]>([]);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const act = async (id: string, action: string) => {
    setError(null);
    try {
      await api(`/api/recognition/programmes/${id}/transitions/${action}`, { method: 'POST', body: {} });
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  const submit = async (v: ProgrammeValues) => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/recognition/programmes', { method: 'POST', body: { ...v, materialIds: materials.map((m) => m.id) } });
      void message.success(t('recognition.mine.programmeApplied'));
      form.resetFields();
      setMaterials([]);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={error ?? list.error} />
      {(list.data?.items ?? []).map((p) => (
        <Card key={p.id} size="small" data-testid="my-programme" data-status={p.status}>
          <Space wrap>
            <strong>{tx(`recognition.programme.${p.programme}`, p.programme)}</strong>
            <StatusTag status={p.status} ns="programmeStatus" />
          </Space>
          <div>{p.projectTitle}</div>
          {p.decisionReason ? <Typography.Text type="secondary">{p.decisionReason}</Typography.Text> : null}
          <Collapse size="small" items={[{ key: 'h', label: t('recognition.common.history'), children: <History history={p.history} programme /> }]} />
          <Space wrap style={{ marginTop: 8 }}>
            {p.allowedActions.map((a) => (
              <Button key={a} size="small" onClick={() => void act(p.id, a)}>
                {tx(`recognition.action.${a}`, a)}
              </Button>
            ))}
          </Space>
        </Card>
      ))}
      <Card title={t('recognition.mine.applyProgramme')}>
        <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} initialValues={{ programme: 'ganpo_junior' }}>
          <Form.Item name="programme" label={t('recognition.mine.programmeName')} rules={[{ required: true }]}>
            <Select options={(['ganpo_talent', 'ganpo_junior'] as const).map((p) => ({ value: p, label: t(`recognition.programme.${p}`) }))} />
          </Form.Item>
          <Form.Item name="employerName" label={t('recognition.common.employer')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="projectTitle" label={t('recognition.mine.projectTitle')} rules={[{ required: true, whitespace: true, max: 100 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="summary" label={t('recognition.mine.summary')} rules={[{ required: true, whitespace: true, max: 4000 }]}>
            <Input.TextArea rows={3} />
          </Form.Item>
          <Form.Item label={t('recognition.common.materials')}>
            <MaterialUpload value={materials} onChange={setMaterials} />
          </Form.Item>
          <Button type="primary" htmlType="submit" loading={busy}>
            {t('recognition.common.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

export function MyRecognitionPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('recognition.mine.title')} intro={t('recognition.mine.intro')} />
      <Tabs
        items={[
          { key: 'apps', label: t('recognition.mine.applications'), children: <Applications /> },
          { key: 'benefits', label: t('recognition.mine.benefits'), children: <Benefits /> },
          { key: 'programmes', label: t('recognition.mine.programmes'), children: <Programmes /> },
        ]}
      />
    </>
  );
}
