/** 管理培训班 (provider): workflow buttons, the roster with attendance per session, exam results, links to edit and check-in. */
import { Alert, App, Button, Card, Popconfirm, Result, Select, Skeleton, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { ClassAction } from '../../../shared/training.js';
import { ApiError, api } from '../../api.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { ReasonModal } from '../events/ReasonModal.js';
import { useCommand } from '../events/useCommand.js';
import { ClassPlace, ClassStatusTag, EnrolmentStatusTag, ProgrammeTag } from './TrainingBits.js';
import type { ClassDetail, Roster, RosterRow } from './training-types.js';

function ClassActions({ cls, onChanged }: { cls: ClassDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const [cancelling, setCancelling] = useState(false);
  const act = async (action: ClassAction, reason?: string) => {
    const done = await run(() => api(`/api/training/classes/${cls.id}/transitions/${action}`, { method: 'POST', body: reason ? { reason } : {} }));
    if (done) {
      void message.success(t('training.manage.done', { action: t(`training.action.${action}`) }));
      setCancelling(false);
      onChanged();
    }
  };
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {cls.allowedActions.map((a) =>
          a === 'finish' ? (
            <Popconfirm
              key={a}
              title={t('training.manage.finishConfirm')}
              okText={t('training.action.finish')}
              cancelText={t('common.cancel')}
              onConfirm={() => void act(a)}
            >
              <Button type="primary" loading={busy} data-testid="class-action-finish">
                {t('training.action.finish')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              key={a}
              type={a === 'publish' ? 'primary' : 'default'}
              danger={a === 'cancel'}
              loading={busy}
              onClick={() => (a === 'cancel' ? setCancelling(true) : void act(a))}
              data-testid={`class-action-${a}`}
            >
              {t(`training.action.${a}`)}
            </Button>
          ),
        )}
        {cls.status === 'draft' ? <ButtonLink to={`/provider/classes/${cls.id}/edit`}>{t('training.manage.edit')}</ButtonLink> : null}
        {cls.status === 'published' || cls.status === 'closed' ? (
          <ButtonLink to={`/provider/classes/${cls.id}/check-in`} data-testid="class-check-in-link">
            {t('training.manage.checkIn')}
          </ButtonLink>
        ) : null}
      </Space>
      {cls.status === 'draft' && cls.occupationCode ? <Typography.Text type="secondary">{t('training.manage.accreditationHint')}</Typography.Text> : null}
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
      <ReasonModal
        open={cancelling}
        title={t('training.action.cancel')}
        busy={busy}
        onOk={(r) => void act('cancel', r)}
        onCancel={() => setCancelling(false)}
      />
    </Space>
  );
}

type Exam = 'passed' | 'failed' | '';

function RosterTable({ cls, onChanged }: { cls: ClassDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { message } = App.useApp();
  const { data, error, loading, reload } = useApi<Roster>(`/api/training/classes/${cls.id}/roster`);
  const [exams, setExams] = useState<Record<string, Exam>>({});
  const save = useCommand();
  const running = cls.status === 'published' || cls.status === 'closed';
  useEffect(() => {
    if (data) setExams(Object.fromEntries(data.items.map((r) => [r.id, r.examPassed === null ? '' : r.examPassed ? 'passed' : 'failed'])));
  }, [data]);
  const saveExams = async () => {
    const results = Object.entries(exams)
      .filter(([id, v]) => v !== '' && data?.items.find((r) => r.id === id)?.status === 'enrolled')
      .map(([enrolmentId, v]) => ({ enrolmentId, passed: v === 'passed' }));
    if (results.length === 0) return;
    const ok = await save.run(() => api<{ recorded: number }>(`/api/training/classes/${cls.id}/exam-results`, { method: 'POST', body: { results } }));
    if (ok) {
      void message.success(t('training.manage.examsSaved', { n: ok.recorded }));
      reload();
      onChanged();
    }
  };
  const total = data?.sessions.length ?? 0;
  const columns = [
    { title: t('training.manage.name'), key: 'name', render: (_: unknown, r: RosterRow) => r.nameMasked },
    { title: t('training.manage.phone'), key: 'phone', responsive: ['md' as const], render: (_: unknown, r: RosterRow) => r.phoneMasked ?? '—' },
    { title: t('training.manage.status'), key: 'status', render: (_: unknown, r: RosterRow) => <EnrolmentStatusTag status={r.status} /> },
    { title: t('training.manage.attendance'), key: 'attendance', render: (_: unknown, r: RosterRow) => `${r.attendedSessionIds.length} / ${total}` },
    ...(cls.hasExam
      ? [
          {
            title: t('training.manage.exam'),
            key: 'exam',
            render: (_: unknown, r: RosterRow) =>
              running && r.status === 'enrolled' ? (
                <Select<Exam>
                  aria-label={`${t('training.manage.exam')}：${r.nameMasked}`}
                  style={{ minWidth: 110 }}
                  value={exams[r.id] ?? ''}
                  onChange={(v) => setExams((e) => ({ ...e, [r.id]: v }))}
                  options={[
                    { value: '', label: t('training.manage.examPending') },
                    { value: 'passed', label: t('training.manage.examPassed') },
                    { value: 'failed', label: t('training.manage.examFailed') },
                  ]}
                />
              ) : r.examPassed === null ? (
                t('training.manage.examPending')
              ) : r.examPassed ? (
                t('training.manage.examPassed')
              ) : (
                t('training.manage.examFailed')
              ),
          },
        ]
      : []),
    {
      title: t('training.manage.outcome'),
      key: 'outcome',
      responsive: ['sm' as const],
      render: (_: unknown, r: RosterRow) => (r.outcomeReason ? t(`training.reason.${r.outcomeReason as 'exam_failed'}`) : (r.sponsorName ?? '')),
    },
  ];
  return (
    <Card title={<h2 className="event-h2">{t('training.manage.roster')}</h2>}>
      <ErrorAlert error={error} onRetry={reload} />
      <Table<RosterRow>
        rowKey="id"
        size="small"
        loading={loading}
        columns={columns}
        dataSource={data?.items ?? []}
        pagination={false}
        scroll={{ x: true }}
        locale={{ emptyText: <span className="event-empty">{t('training.manage.rosterEmpty')}</span> }}
        data-testid="class-roster"
      />
      {cls.hasExam && running && (data?.items.length ?? 0) > 0 ? (
        <Space orientation="vertical" style={{ marginTop: 12 }}>
          {save.error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, save.error)} /> : null}
          <Button onClick={() => void saveExams()} loading={save.busy} data-testid="class-save-exams">
            {t('training.manage.saveExams')}
          </Button>
        </Space>
      ) : null}
    </Card>
  );
}

export function ProviderClassPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const { data: cls, error, loading, reload } = useApi<ClassDetail>(`/api/training/classes/${id}`);
  const [tick, setTick] = useState(0);
  if (error instanceof ApiError && (error.status === 404 || error.status === 400)) {
    return <Result status="404" title={<h1 className="result-title">{t('errors.NOT_FOUND')}</h1>} />;
  }
  const changed = () => {
    reload();
    setTick((n) => n + 1);
  };
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/provider/classes">← {t('training.manage.title')}</Link>
      </div>
      <PageHeader title={cls?.name ?? t('training.manage.title')} />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !cls ? <Skeleton active /> : null}
      {cls ? (
        <>
          <Card style={{ marginBottom: 16 }}>
            <Space orientation="vertical" size={8} style={{ width: '100%' }}>
              <Space wrap size={[8, 4]}>
                <ProgrammeTag type={cls.programmeType} />
                <ClassStatusTag status={cls.status} />
              </Space>
              <Typography.Text>{timeRange(cls.startsAt, cls.endsAt)}</Typography.Text>
              <Typography.Text type="secondary">
                <ClassPlace cls={cls} />
              </Typography.Text>
              <Typography.Text data-testid="class-counts">
                {t('training.manage.counts')}：{cls.counts.enrolled} / {cls.counts.waitlisted ?? 0} / {cls.counts.completed ?? 0}（
                {t('training.detail.capacity')} {cls.capacity}）
              </Typography.Text>
              {cls.status !== 'draft' && cls.status !== 'cancelled' ? <Link to={`/training/classes/${cls.id}`}>{t('training.list.title')} ↗</Link> : null}
              <ClassActions cls={cls} onChanged={changed} />
            </Space>
          </Card>
          <RosterTable key={`${cls.status}-${tick}`} cls={cls} onChanged={reload} />
        </>
      ) : null}
    </>
  );
}
