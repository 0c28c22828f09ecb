/** 评价批次 (evaluation body): candidates, trainees who completed a class, results entry, publication, issuing certificates. */
import { Alert, App, Button, Card, Checkbox, Empty, InputNumber, Popconfirm, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import { api, newIdempotencyKey } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { SessionStatusTag } from './CertificateBits.js';
import type { CandidateView, SessionDetail } from './certificate-types.js';
import './certificates.css';

interface Row {
  absent: boolean;
  theoryScore: number | null;
  practicalScore: number | null;
}

function Trainees({ sessionId, onDone }: { sessionId: string; onDone: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { data, error, reload } = useApi<{ enrolmentId: string; name: string; className: string; completedAt: string }[]>(
    `/api/certificates/sessions/${sessionId}/eligible-trainees`,
  );
  const [picked, setPicked] = useState<string[]>([]);
  const [cmdError, setCmdError] = useState<unknown>(null);
  const add = async () => {
    setCmdError(null);
    try {
      await api(`/api/certificates/sessions/${sessionId}/trainees`, { method: 'POST', body: { enrolmentIds: picked } });
      setPicked([]);
      reload();
      onDone();
    } catch (err) {
      setCmdError(err);
    }
  };
  return (
    <Card title={t('certificates.session.trainees')} size="small">
      <Typography.Paragraph type="secondary">{t('certificates.session.traineesIntro')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      {data && data.length === 0 ? <Typography.Text type="secondary">{t('certificates.session.noTrainees')}</Typography.Text> : null}
      <Checkbox.Group value={picked} onChange={(v) => setPicked(v as string[])} style={{ display: 'grid', gap: 6 }}>
        {(data ?? []).map((e) => (
          <Checkbox key={e.enrolmentId} value={e.enrolmentId}>
            {e.name} · {e.className}
          </Checkbox>
        ))}
      </Checkbox.Group>
      {cmdError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmdError)} style={{ marginTop: 8 }} /> : null}
      {data && data.length > 0 ? (
        <Button style={{ marginTop: 8 }} disabled={picked.length === 0} onClick={() => void add()}>
          {t('certificates.session.addSelected')}
        </Button>
      ) : null}
    </Card>
  );
}

export function EvaluationSessionPage() {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { id = '' } = useParams();
  const { data, error, loading, reload } = useApi<SessionDetail>(`/api/certificates/sessions/${id}`);
  const [rows, setRows] = useState<Record<string, Row>>({});
  const [cmdError, setCmdError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    if (!data) return;
    setRows(
      Object.fromEntries(
        data.candidateList.map((c) => [c.id, { absent: c.result === 'absent', theoryScore: c.theoryScore, practicalScore: c.practicalScore }]),
      ),
    );
  }, [data]);
  const run = async (fn: () => Promise<unknown>, ok?: string) => {
    setBusy(true);
    setCmdError(null);
    try {
      await fn();
      if (ok) void message.success(ok);
      reload();
    } catch (err) {
      setCmdError(err);
    } finally {
      setBusy(false);
    }
  };
  if (!data) return <>{loading ? <Skeleton active /> : <ErrorAlert error={error} onRetry={reload} />}</>;
  const editable = data.status === 'closed';
  const set = (cid: string, patch: Partial<Row>) =>
    setRows((r) => ({ ...r, [cid]: { ...(r[cid] ?? { absent: false, theoryScore: null, practicalScore: null }), ...patch } }));
  const saveResults = () =>
    run(
      () =>
        api(`/api/certificates/sessions/${id}/results`, {
          method: 'PUT',
          body: {
            results: Object.entries(rows)
              .filter(([, r]) => r.absent || (r.theoryScore !== null && r.practicalScore !== null))
              .map(([candidateId, r]) => ({ candidateId, ...r })),
          },
        }),
      t('certificates.session.resultsSaved'),
    );
  const issue = () =>
    run(async () => {
      const res = await api<{ issued: unknown[] }>(`/api/certificates/sessions/${id}/issue`, {
        method: 'POST',
        body: {},
        headers: { 'idempotency-key': newIdempotencyKey() },
      });
      void message.success(t('certificates.session.issuedCount', { n: res.issued.length }));
    });
  const passedWithout = data.candidateList.filter((c) => c.result === 'passed' && !c.certificateNumber).length;
  return (
    <>
      <PageHeader
        title={`${data.planName}`}
        intro={
          <>
            {data.occupationName}（{data.occupationCode}）· {data.levelName} · {data.examOn} · {data.venue}
            <br />
            {t('certificates.evaluation.passRule', { theory: data.theoryPassScore, practical: data.practicalPassScore })}
          </>
        }
        extra={<SessionStatusTag status={data.status} />}
      />
      <p>
        <Link to="/evaluation">← {t('certificates.evaluation.title')}</Link>
      </p>
      <Space wrap style={{ marginBottom: 12 }} data-testid="session-actions">
        {data.allowedActions.map((a) =>
          a === 'cancel' ? null : (
            <Button
              key={a}
              loading={busy}
              onClick={() => void run(() => api(`/api/certificates/sessions/${id}/transitions/${a}`, { method: 'POST', body: {} }))}
              data-testid={`session-${a}`}
            >
              {t(`certificates.sessionAction.${a as 'close' | 'reopen' | 'publish_results'}`)}
            </Button>
          ),
        )}
        {data.status === 'published' && passedWithout > 0 ? (
          <Popconfirm
            title={t('certificates.session.issue')}
            onConfirm={() => void issue()}
            okText={t('certificates.common.submit')}
            cancelText={t('certificates.common.cancel')}
          >
            <Button type="primary" loading={busy} data-testid="session-issue">
              {t('certificates.session.issue')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
      <Typography.Paragraph type="secondary">{t('certificates.session.enterHint')}</Typography.Paragraph>
      {cmdError ? <Alert type="error" showIcon role="alert" title={formatError(i18n, cmdError)} style={{ marginBottom: 12 }} /> : null}
      {data.status === 'open' ? <Trainees sessionId={id} onDone={reload} /> : null}
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 16 }}>
        {t('certificates.session.candidates')}
      </Typography.Title>
      {data.candidateList.length === 0 ? <Empty description={t('certificates.session.noCandidates')} /> : null}
      {data.candidateList.length > 0 ? (
        <Table<CandidateView>
          className="results-table"
          rowKey="id"
          dataSource={data.candidateList}
          pagination={false}
          scroll={{ x: 640 }}
          data-testid="candidates"
          columns={[
            { title: t('certificates.session.name'), dataIndex: 'name' },
            { title: t('certificates.session.source'), render: (_, c) => t(`certificates.candidateSource.${c.source}`) },
            {
              title: t('certificates.session.theory'),
              render: (_, c) =>
                editable ? (
                  <InputNumber
                    aria-label={`${c.name} ${t('certificates.session.theory')}`}
                    min={0}
                    max={100}
                    step={0.5}
                    disabled={rows[c.id]?.absent}
                    value={rows[c.id]?.theoryScore ?? null}
                    onChange={(v) => set(c.id, { theoryScore: v ?? null })}
                  />
                ) : (
                  (c.theoryScore ?? '—')
                ),
            },
            {
              title: t('certificates.session.practical'),
              render: (_, c) =>
                editable ? (
                  <InputNumber
                    aria-label={`${c.name} ${t('certificates.session.practical')}`}
                    min={0}
                    max={100}
                    step={0.5}
                    disabled={rows[c.id]?.absent}
                    value={rows[c.id]?.practicalScore ?? null}
                    onChange={(v) => set(c.id, { practicalScore: v ?? null })}
                  />
                ) : (
                  (c.practicalScore ?? '—')
                ),
            },
            {
              title: t('certificates.session.absent'),
              render: (_, c) => (
                <Checkbox
                  disabled={!editable}
                  checked={rows[c.id]?.absent ?? false}
                  onChange={(e) => set(c.id, { absent: e.target.checked })}
                  aria-label={`${c.name} ${t('certificates.session.absent')}`}
                />
              ),
            },
            { title: t('certificates.session.result'), render: (_, c) => t(`certificates.candidateResult.${c.result}`) },
            {
              title: t('certificates.session.certificate'),
              render: (_, c) => (c.certificateNumber ? <span className="cert-number">{c.certificateNumber}</span> : '—'),
            },
          ]}
        />
      ) : null}
      {editable && data.candidateList.length > 0 ? (
        <Button type="primary" style={{ marginTop: 12 }} loading={busy} onClick={() => void saveResults()} data-testid="save-results">
          {t('certificates.session.saveResults')}
        </Button>
      ) : null}
    </>
  );
}
