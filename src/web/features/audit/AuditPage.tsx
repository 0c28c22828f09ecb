/** 审计日志: newest entries (region-scoped for officials), filters, and — for auditors — the chain check. */
import { SafetyOutlined } from '@ant-design/icons';
import { Alert, Button, Input, Select, Table, type TableProps, Typography } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { api } from '../../api.js';
import type { AuditEntry, AuditVerifyResult, Task } from '../../api-types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { TaskProgress } from '../../components/TaskProgress.js';
import { regionName, useRegions } from '../../components/regions.js';
import { ToneTag } from '../../components/ToneTag.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import type { Tone } from '../../theme.js';

const RESULT_TONE: Record<string, Tone> = { ok: 'success', failed: 'warning', denied: 'error' };

function useColumns(): TableProps<AuditEntry>['columns'] {
  const { t, tx } = useI18n();
  const { regions } = useRegions();
  return [
    { title: t('audit.seq'), dataIndex: 'seq', key: 'seq', width: 80 },
    { title: t('audit.at'), dataIndex: 'at', key: 'at', width: 170, render: (at: string) => dayjs(at).format('YYYY-MM-DD HH:mm:ss') },
    { title: t('audit.actor'), dataIndex: 'actorRole', key: 'actor', responsive: ['md'], render: (r: string | null) => (r ? tx(`roles.${r}`, r) : '—') },
    // action codes are long dotted words (training_class.auto_finish): let them break on a phone
    { title: t('audit.action'), dataIndex: 'action', key: 'action', render: (a: string) => <span style={{ wordBreak: 'break-all' }}>{a}</span> },
    {
      title: t('audit.object'),
      key: 'object',
      responsive: ['lg'],
      render: (_: unknown, e: AuditEntry) => (e.objectType ? `${e.objectType}${e.objectId ? ` · ${e.objectId}` : ''}` : '—'),
    },
    { title: t('audit.region'), dataIndex: 'regionCode', key: 'region', responsive: ['lg'], render: (c: string | null) => regionName(regions, c) || '—' },
    {
      title: t('audit.result'),
      dataIndex: 'result',
      key: 'result',
      render: (r: string) => <ToneTag tone={RESULT_TONE[r] ?? 'neutral'}>{tx(`audit.results.${r}`, r)}</ToneTag>,
    },
    {
      title: t('audit.detail'),
      dataIndex: 'detail',
      key: 'detail',
      responsive: ['xl'],
      render: (d: unknown) => (d ? <code style={{ fontSize: 12, wordBreak: 'break-all' }}>{JSON.stringify(d)}</code> : '—'),
    },
  ];
}

function VerifyChain() {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [result, setResult] = useState<AuditVerifyResult | null>(null);
  const [error, setError] = useState<unknown>(null);
  const [taskId, setTaskId] = useState<string | null>(null);
  // The chain is verified by a background task; its progress is shown until it finishes.
  const run = async () => {
    setError(null);
    setResult(null);
    try {
      setTaskId((await api<{ taskId: string }>('/api/audit/verify-task', { method: 'POST' })).taskId);
    } catch (err) {
      setError(err);
    }
  };
  const finished = (task: Task) => {
    setTaskId(null);
    if (task.status === 'succeeded') setResult(task.result as unknown as AuditVerifyResult);
    else setError(new Error('task failed'));
  };
  const bad = result?.firstBad;
  return (
    <div style={{ marginBottom: 16 }} aria-live="polite">
      <Button icon={<SafetyOutlined />} onClick={() => void run()} loading={taskId !== null} data-testid="verify-chain">
        {t('audit.verify')}
      </Button>
      {taskId ? <TaskProgress taskId={taskId} intervalMs={500} onDone={finished} /> : null}
      <ErrorAlert error={error} />
      {result ? (
        <Alert
          style={{ marginTop: 12 }}
          type={result.ok ? 'success' : 'error'}
          showIcon
          title={
            result.ok || !bad
              ? t('audit.verifyOk', { entries: result.entries, headSeq: result.headSeq })
              : t('audit.verifyBad', { seq: bad.seq, problem: tx(`audit.problems.${bad.problem}`, bad.problem), entries: result.entries })
          }
        />
      ) : null}
    </div>
  );
}

export function AuditPage() {
  const { t } = useI18n();
  const { me } = useAuth();
  const [filters, setFilters] = useState({ objectType: '', objectId: '', limit: 50 });
  const { data, error, loading, reload } = useApi<{ items: AuditEntry[] }>('/api/audit', filters);
  const columns = useColumns();
  const [draft, setDraft] = useState({ objectType: '', objectId: '' });
  return (
    <>
      <PageHeader title={t('audit.title')} intro={t('audit.intro')} />
      {me?.user.role === 'auditor' ? <VerifyChain /> : null}
      <search>
        <form
          className="filters"
          onSubmit={(e) => {
            e.preventDefault();
            setFilters({ ...filters, objectType: draft.objectType.trim(), objectId: draft.objectId.trim() });
          }}
        >
          <div className="filter-item">
            <label htmlFor="audit-type">{t('fields.objectType')}</label>
            <Input id="audit-type" value={draft.objectType} onChange={(e) => setDraft({ ...draft, objectType: e.target.value })} />
          </div>
          <div className="filter-item">
            <label htmlFor="audit-id">{t('fields.objectId')}</label>
            <Input id="audit-id" value={draft.objectId} onChange={(e) => setDraft({ ...draft, objectId: e.target.value })} />
          </div>
          <div className="filter-item">
            <label htmlFor="audit-limit">{t('audit.limit')}</label>
            <Select
              id="audit-limit"
              value={filters.limit}
              onChange={(limit: number) => setFilters({ ...filters, limit })}
              options={[50, 100, 200].map((n) => ({ value: n, label: String(n) }))}
            />
          </div>
          <Button htmlType="submit" type="primary">
            {t('common.search')}
          </Button>
          <Button onClick={reload}>{t('common.refresh')}</Button>
        </form>
      </search>
      <Typography.Paragraph type="secondary">{t('audit.latestNote')}</Typography.Paragraph>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<AuditEntry>
        rowKey="seq"
        size="small"
        columns={columns}
        dataSource={data?.items ?? []}
        loading={loading}
        pagination={false}
        data-testid="audit-table"
      />
    </>
  );
}
