/** 我的证书 (talent): certificates with QR code and PDF, evaluation registration and results, professional qualifications. */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, Select, Space, Tabs, Typography, Upload } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link } from 'react-router';
import { EVIDENCE_MAX_BYTES } from '../../../shared/certificates.js';
import { ApiError, api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { CertStatusTag, Fields, QualStatusTag, SessionStatusTag } from './CertificateBits.js';
import type { Candidacy, CertificateView, OpenSession, QualificationView } from './certificate-types.js';
import './certificates.css';

function CertificateCard({ c }: { c: CertificateView }) {
  const { t } = useI18n();
  return (
    <Card data-testid="my-certificate" data-number={c.number} data-status={c.status}>
      <Space orientation="vertical" size={8} style={{ width: '100%' }}>
        <Space wrap>
          <Typography.Title level={2} style={{ fontSize: 18, margin: 0 }}>
            {c.occupationName ?? c.occupationCode} · {c.levelName}
          </Typography.Title>
          <CertStatusTag status={c.status} />
        </Space>
        <div className="cert-card-body">
          <Fields
            rows={[
              [
                t('certificates.common.number'),
                <span key="n" className="cert-number">
                  {c.numberDisplay}
                </span>,
              ],
              [t('certificates.common.holder'), c.holderName],
              [t('certificates.common.issuer'), c.issuerName],
              [t('certificates.common.issuedOn'), c.issuedOn],
              ...(c.revokedReason ? ([[t('certificates.common.revokedReason'), c.revokedReason]] as [string, string][]) : []),
            ]}
          />
          {c.qrDataUrl ? <img className="cert-qr" src={c.qrDataUrl} alt={t('certificates.common.qrAlt', { number: c.numberDisplay })} /> : null}
        </div>
        <Space wrap>
          <Button icon={<DownloadOutlined />} href={`/api/certificates/${c.id}/certificate.pdf`} download>
            {t('certificates.common.downloadPdf')}
          </Button>
          <Link to={c.verifyPath}>{t('certificates.common.openVerify')}</Link>
        </Space>
      </Space>
    </Card>
  );
}

function Certificates() {
  const { t } = useI18n();
  const { data, error, reload } = useApi<CertificateView[]>('/api/certificates/mine');
  return (
    <>
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.length === 0 ? <Empty description={t('certificates.mine.empty')} /> : null}
      <div className="cert-grid" data-testid="my-certificates">
        {(data ?? []).map((c) => (
          <CertificateCard key={c.id} c={c} />
        ))}
      </div>
    </>
  );
}

function Evaluations() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const open = useApi<OpenSession[]>('/api/certificates/sessions/open');
  const mine = useApi<Candidacy[]>('/api/certificates/evaluations/mine');
  const [error, setError] = useState<unknown>(null);
  const register = async (id: string) => {
    setError(null);
    try {
      await api(`/api/certificates/sessions/${id}/registration`, { method: 'POST' });
      void message.success(t('certificates.mine.registered'));
      open.reload();
      mine.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('certificates.mine.myEvaluations')}
      </Typography.Title>
      <ErrorAlert error={mine.error} onRetry={mine.reload} />
      {(mine.data ?? []).length === 0 ? <Typography.Text type="secondary">{t('certificates.common.none')}</Typography.Text> : null}
      {(mine.data ?? []).map((c) => (
        <Card key={c.id} size="small" data-testid="my-candidacy">
          <Space wrap>
            <strong>{c.planName}</strong>
            <SessionStatusTag status={c.sessionStatus} />
          </Space>
          <div>
            {c.orgName} · {t('certificates.mine.examOn')} {c.examOn} · {c.venue}
          </div>
          <div>
            {c.result ? (
              <>
                {t(`certificates.candidateResult.${c.result}`)}
                {c.theoryScore !== null ? `（${t('certificates.mine.score', { theory: c.theoryScore, practical: c.practicalScore ?? '' })}）` : ''}
              </>
            ) : (
              <Typography.Text type="secondary">{t('certificates.mine.resultPending')}</Typography.Text>
            )}
          </div>
        </Card>
      ))}
      <Typography.Title level={2} style={{ fontSize: 18 }}>
        {t('certificates.mine.sessions')}
      </Typography.Title>
      <ErrorAlert error={open.error} onRetry={open.reload} />
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      {(open.data ?? []).length === 0 ? <Typography.Text type="secondary">{t('certificates.mine.sessionsEmpty')}</Typography.Text> : null}
      {(open.data ?? []).map((s) => (
        <Card key={s.id} size="small" data-testid="open-session">
          <Space orientation="vertical" size={4} style={{ width: '100%' }}>
            <strong>{s.planName}</strong>
            <span>
              {s.occupationName} · {s.levelName}
            </span>
            <span>
              {s.orgName} · {t('certificates.mine.examOn')} {s.examOn} · {s.venue}
            </span>
            <Space wrap>
              <Typography.Text type="secondary">{t('certificates.mine.seatsLeft', { n: s.seatsLeft })}</Typography.Text>
              {s.registered ? (
                <Typography.Text type="success">{t('certificates.mine.registered')}</Typography.Text>
              ) : (
                <Button
                  type="primary"
                  disabled={s.seatsLeft === 0}
                  onClick={() => void register(s.id)}
                  aria-label={`${t('certificates.mine.register')}：${s.planName}`}
                >
                  {t('certificates.mine.register')}
                </Button>
              )}
            </Space>
          </Space>
        </Card>
      ))}
    </Space>
  );
}

interface DeclareValues {
  kind: 'ruankao' | 'other';
  title: string;
  level: 'junior' | 'intermediate' | 'senior';
  certificateNo: string;
  issuedOn: Dayjs;
  authority: string;
  occupationCode?: string;
}

function Qualifications() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const [form] = Form.useForm<DeclareValues>();
  const list = useApi<QualificationView[]>('/api/certificates/qualifications/mine');
  const [evidence, setEvidence] = useState<{ id: string; fileName: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const upload = async (file: File) => {
    setError(null);
    try {
      const saved = await api<{ id: string; fileName: string }>('/api/certificates/qualifications/evidence', {
        method: 'POST',
        rawBody: file,
        query: { fileName: file.name },
        headers: { 'content-type': file.type || 'application/octet-stream' },
      });
      setEvidence(saved);
    } catch (err) {
      setError(err);
    }
  };
  const declare = async (v: DeclareValues) => {
    if (!evidence) return;
    setBusy(true);
    setError(null);
    try {
      await api('/api/certificates/qualifications', {
        method: 'POST',
        body: { ...v, occupationCode: v.occupationCode?.trim() || null, issuedOn: v.issuedOn.format('YYYY-MM-DD'), evidenceId: evidence.id },
      });
      void message.success(t('certificates.mine.declared'));
      form.resetFields();
      setEvidence(null);
      list.reload();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const withdraw = async (id: string) => {
    try {
      await api(`/api/certificates/qualifications/${id}/transitions/withdraw`, { method: 'POST', body: {} });
      list.reload();
    } catch (err) {
      setError(err);
    }
  };
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Paragraph type="secondary">{t('certificates.mine.qualificationsIntro')}</Typography.Paragraph>
      <ErrorAlert error={list.error} onRetry={list.reload} />
      {(list.data ?? []).map((q) => (
        <Card key={q.id} size="small" data-testid="my-qualification" data-status={q.status}>
          <Space wrap>
            <strong>
              {q.title}（{t(`certificates.qualLevel.${q.level}`)}）
            </strong>
            <QualStatusTag status={q.status} />
          </Space>
          <div>
            {t('certificates.mine.certificateNo')} {q.certificateNo} · {q.authority} · {q.issuedOn}
          </div>
          <Space wrap>
            <a href={`/api/certificates/qualifications/${q.id}/evidence`} target="_blank" rel="noreferrer">
              {t('certificates.mine.viewEvidence')}
            </a>
            {q.allowedActions.includes('withdraw') ? (
              <Button size="small" onClick={() => void withdraw(q.id)}>
                {t('certificates.mine.withdraw')}
              </Button>
            ) : null}
          </Space>
        </Card>
      ))}
      <Card title={t('certificates.mine.declare')}>
        <Form
          form={form}
          layout="vertical"
          onFinish={(v) => void declare(v)}
          initialValues={{ kind: 'ruankao', level: 'intermediate' }}
          data-testid="declare-form"
        >
          <Form.Item name="kind" label={t('certificates.mine.kind')} rules={[{ required: true }]}>
            <Select options={(['ruankao', 'other'] as const).map((k) => ({ value: k, label: t(`certificates.qualKind.${k}`) }))} />
          </Form.Item>
          <Form.Item name="title" label={t('certificates.mine.qualTitle')} rules={[{ required: true, min: 2, max: 60 }]}>
            <Input placeholder={t('certificates.mine.qualTitlePlaceholder')} />
          </Form.Item>
          <Form.Item name="level" label={t('certificates.mine.qualLevel')} rules={[{ required: true }]}>
            <Select options={(['junior', 'intermediate', 'senior'] as const).map((k) => ({ value: k, label: t(`certificates.qualLevel.${k}`) }))} />
          </Form.Item>
          <Form.Item name="certificateNo" label={t('certificates.mine.certificateNo')} rules={[{ required: true, min: 4, max: 40 }]}>
            <Input />
          </Form.Item>
          <Form.Item name="issuedOn" label={t('certificates.mine.qualIssuedOn')} rules={[{ required: true }]}>
            <DatePicker style={{ width: '100%', maxWidth: 240 }} />
          </Form.Item>
          <Form.Item name="authority" label={t('certificates.mine.authority')} rules={[{ required: true, min: 2, max: 80 }]}>
            <Input placeholder={t('certificates.mine.authorityPlaceholder')} />
          </Form.Item>
          <Form.Item name="occupationCode" label={t('certificates.mine.qualOccupation')} rules={[{ pattern: /^\d-\d{2}-\d{2}-\d{2}$/ }]}>
            <Input placeholder="2-02-10-03" style={{ maxWidth: 240 }} />
          </Form.Item>
          <Form.Item label={t('certificates.mine.evidence')} extra={t('certificates.mine.evidenceHint')} required>
            <Upload
              accept=".pdf,.png,.jpg,.jpeg,application/pdf,image/png,image/jpeg"
              showUploadList={false}
              beforeUpload={(file) => {
                if (file.size > EVIDENCE_MAX_BYTES) setError(new ApiError('CERTIFICATES_EVIDENCE_INVALID'));
                else void upload(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('certificates.mine.evidenceChoose')}</Button>
            </Upload>
            {evidence ? <div>{t('certificates.mine.evidenceUploaded', { name: evidence.fileName })}</div> : null}
          </Form.Item>
          {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
          <Button type="primary" htmlType="submit" loading={busy} disabled={!evidence}>
            {t('certificates.common.submit')}
          </Button>
        </Form>
      </Card>
    </Space>
  );
}

export function MyCertificatesPage() {
  const { t } = useI18n();
  return (
    <>
      <PageHeader title={t('certificates.mine.title')} intro={t('certificates.mine.intro')} />
      <Tabs
        items={[
          { key: 'certs', label: t('certificates.mine.certificates'), children: <Certificates /> },
          { key: 'eval', label: t('certificates.mine.sessions'), children: <Evaluations /> },
          { key: 'quals', label: t('certificates.mine.qualifications'), children: <Qualifications /> },
        ]}
      />
    </>
  );
}
