/** 评价与发证 (evaluation body): plans and their sessions, new plan, new session, certificates issued (revoke). */
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Select, Space, Table, Tabs, Typography } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { LevelCode } from '../../../shared/certificates.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { OccupationSelect } from '../jobs/OccupationSelect.js';
import { CertStatusTag, RevokeButton, SessionStatusTag } from './CertificateBits.js';
import type { CertificateView, PlanView } from './certificate-types.js';
import './certificates.css';

interface PlanValues {
  name: string;
  occupationCode: string;
  levelCode: string;
  theoryPassScore: number;
  practicalPassScore: number;
}

function NewPlan({ onDone }: { onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<PlanValues>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (v: PlanValues) => {
    setBusy(true);
    setError(null);
    try {
      await api('/api/certificates/plans', { method: 'POST', body: v });
      form.resetFields();
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('certificates.evaluation.newPlan')} data-testid="new-plan">
      <Form form={form} layout="vertical" initialValues={{ levelCode: '3', theoryPassScore: 60, practicalPassScore: 60 }} onFinish={(v) => void submit(v)}>
        <Form.Item name="name" label={t('certificates.evaluation.planName')} rules={[{ required: true, min: 4, max: 80 }]}>
          <Input data-testid="plan-name" />
        </Form.Item>
        <Form.Item
          name="occupationCode"
          label={t('certificates.evaluation.occupationCode')}
          extra={t('certificates.evaluation.occupationHint')}
          rules={[{ required: true }]}
        >
          <OccupationSelect id="plan-occupation" />
        </Form.Item>
        <Form.Item name="levelCode" label={t('certificates.evaluation.level')} rules={[{ required: true }]}>
          <Select options={LevelCode.options.map((l) => ({ value: l, label: t(`certificates.level.${l}`) }))} data-testid="plan-level" />
        </Form.Item>
        <Space wrap>
          <Form.Item name="theoryPassScore" label={t('certificates.evaluation.theoryPass')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
          <Form.Item name="practicalPassScore" label={t('certificates.evaluation.practicalPass')} rules={[{ required: true }]}>
            <InputNumber min={0} max={100} />
          </Form.Item>
        </Space>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy} data-testid="plan-create">
          {t('certificates.evaluation.createPlan')}
        </Button>
      </Form>
    </Card>
  );
}

function NewSession({ planId, onDone }: { planId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ examOn: Dayjs; venue: string; capacity: number }>();
  const [error, setError] = useState<unknown>(null);
  const submit = async (v: { examOn: Dayjs; venue: string; capacity: number }) => {
    setError(null);
    try {
      await api(`/api/certificates/plans/${planId}/sessions`, { method: 'POST', body: { ...v, examOn: v.examOn.format('YYYY-MM-DD') } });
      form.resetFields();
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Form form={form} layout="inline" onFinish={(v) => void submit(v)} initialValues={{ capacity: 30 }} style={{ rowGap: 8 }} data-testid="new-session">
      <Form.Item name="examOn" label={t('certificates.evaluation.examOn')} rules={[{ required: true }]}>
        <DatePicker />
      </Form.Item>
      <Form.Item name="venue" label={t('certificates.evaluation.venue')} rules={[{ required: true, min: 2 }]}>
        <Input style={{ width: 220 }} />
      </Form.Item>
      <Form.Item name="capacity" label={t('certificates.evaluation.capacity')} rules={[{ required: true }]}>
        <InputNumber min={1} max={5000} />
      </Form.Item>
      <Button htmlType="submit">{t('certificates.evaluation.createSession')}</Button>
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ width: '100%', marginTop: 8 }} /> : null}
    </Form>
  );
}

function Plans() {
  const { t } = useI18n();
  const { data, error, reload } = useApi<PlanView[]>('/api/certificates/plans');
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.length === 0 ? <Empty description={t('certificates.evaluation.noPlans')} /> : null}
      {(data ?? []).map((p) => (
        <Card key={p.id} title={p.name} data-testid="plan">
          <Typography.Paragraph>
            {p.occupationName}（{p.occupationCode}）· {p.levelName} ·{' '}
            {t('certificates.evaluation.passRule', { theory: p.theoryPassScore, practical: p.practicalPassScore })}
          </Typography.Paragraph>
          <Space orientation="vertical" style={{ width: '100%' }}>
            {p.sessions.map((s) => (
              <Space key={s.id} wrap data-testid="plan-session">
                <SessionStatusTag status={s.status} />
                <span>
                  {s.examOn} · {s.venue} · {t('certificates.evaluation.candidates', { n: s.candidates })}
                </span>
                <Link to={`/evaluation/sessions/${s.id}`}>{t('certificates.evaluation.open')}</Link>
              </Space>
            ))}
            <NewSession planId={p.id} onDone={reload} />
          </Space>
        </Card>
      ))}
      <NewPlan onDone={reload} />
    </Space>
  );
}

function Issued() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { data, error, reload } = useApi<{ items: CertificateView[] }>('/api/certificates');
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<CertificateView>
        rowKey="id"
        dataSource={data?.items ?? []}
        pagination={{ pageSize: 20 }}
        scroll={{ x: 720 }}
        locale={{ emptyText: t('certificates.evaluation.noIssued') }}
        columns={[
          {
            title: t('certificates.common.number'),
            dataIndex: 'numberDisplay',
            render: (v: string, c) => (
              <Link to={c.verifyPath} className="cert-number">
                {v}
              </Link>
            ),
          },
          { title: t('certificates.common.holder'), dataIndex: 'holderName' },
          { title: t('certificates.common.occupation'), render: (_, c) => `${c.occupationName ?? c.occupationCode} · ${c.levelName ?? ''}` },
          { title: t('certificates.common.issuedOn'), dataIndex: 'issuedOn' },
          { title: t('certificates.common.status'), render: (_, c) => <CertStatusTag status={c.status} /> },
          {
            title: '',
            render: (_, c) =>
              c.allowedActions.includes('revoke') ? (
                <RevokeButton
                  id={c.id}
                  number={c.numberDisplay}
                  onDone={() => {
                    void message.success(t('certificates.common.revoked'));
                    reload();
                  }}
                />
              ) : null,
          },
        ]}
      />
    </>
  );
}

export function EvaluationPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('certificates.evaluation.title')} intro={t('certificates.evaluation.intro')} />
      <Tabs
        items={[
          { key: 'plans', label: t('certificates.evaluation.plans'), children: <Plans /> },
          { key: 'issued', label: t('certificates.evaluation.issued'), children: <Issued /> },
        ]}
      />
    </>
  );
}
