/**
 * 培训班详情 (public once published): facts, schedule, skills; talents enrol (or join the waitlist),
 * see their ticket, withdraw, or answer an employer's sponsored place; employers sponsor an employee.
 */
import { Alert, App, Button, Card, Descriptions, Form, Input, List, Popconfirm, Result, Skeleton, Space, Typography } from 'antd';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import { ApiError, api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { formatError } from '../../i18n/format-error.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { timeRange } from '../events/EventBits.js';
import '../events/events.css';
import { useCommand } from '../events/useCommand.js';
import { ClassPlace, ClassStatusTag, EnrolmentStatusTag, Fee, ProgrammeTag, TrainingTicket, yuan } from './TrainingBits.js';
import type { ClassDetail, EnrolmentView } from './training-types.js';

function Facts({ cls }: { cls: ClassDetail }) {
  const { t } = useI18n();
  const items = [
    { key: 'provider', label: t('training.detail.provider'), children: <Link to={`/training/providers/${cls.providerOrgId}`}>{cls.providerName}</Link> },
    cls.occupationCode
      ? {
          key: 'occupation',
          label: t('training.detail.occupation'),
          children: `${cls.occupationName ?? ''}（${cls.occupationCode}）${cls.engineerGrade ? ` · ${t(`training.grade.${cls.engineerGrade as 'junior'}`)}` : ''}`,
        }
      : null,
    cls.levelCode ? { key: 'level', label: t('training.detail.level'), children: t(`training.level.${cls.levelCode as '5'}`) } : null,
    { key: 'time', label: t('training.detail.schedule'), children: timeRange(cls.startsAt, cls.endsAt) },
    { key: 'place', label: t('training.detail.place'), children: <ClassPlace cls={cls} /> },
    { key: 'fee', label: t('training.detail.fee'), children: <Fee fen={cls.feeFen} /> },
    {
      key: 'subsidy',
      label: t('training.detail.subsidy'),
      children: cls.subsidyFen
        ? t('training.detail.subsidyFrom', { amount: yuan(cls.subsidyFen), label: cls.subsidyCatalogueLabel ?? '' })
        : t('training.detail.subsidyNone'),
    },
    { key: 'capacity', label: t('training.detail.capacity'), children: `${cls.counts.enrolled} / ${cls.capacity}` },
    {
      key: 'rule',
      label: t('training.detail.completionRule'),
      children: t(cls.hasExam ? 'training.detail.ruleExam' : 'training.detail.rule', { threshold: cls.attendanceThreshold }),
    },
  ].filter((i) => i !== null);
  return <Descriptions column={{ xs: 1, sm: 1, md: 2 }} items={items} />;
}

function EnrolSection({ cls, onChanged }: { cls: ClassDetail; onChanged: () => void }) {
  const i18n = useI18n();
  const { t } = i18n;
  const { me } = useAuth();
  const navigate = useNavigate();
  const location = useLocation();
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const mine = cls.myEnrolment;
  const post = async (path: string, body?: Record<string, unknown>, done?: string) => {
    const ok = await run(() =>
      api<EnrolmentView>(`/api/training/classes/${cls.id}/${path}`, {
        method: 'POST',
        body,
        headers: path === 'enrolment' ? { 'Idempotency-Key': crypto.randomUUID() } : undefined,
      }),
    );
    if (ok) {
      if (done) void message.success(done);
      onChanged();
    }
  };
  if (!me) {
    if (!cls.enrolmentOpen) return null;
    return (
      <Alert
        type="info"
        showIcon
        title={t('training.detail.signInToEnrol')}
        action={
          <Button type="primary" onClick={() => navigate('/login', { state: { from: location.pathname } })}>
            {t('auth.login.submit')}
          </Button>
        }
      />
    );
  }
  if (me.user.role === 'employer') return cls.enrolmentOpen ? <SponsorSection cls={cls} /> : null;
  if (me.user.role !== 'talent') return null;
  const active = mine && ['offered', 'enrolled', 'waitlisted'].includes(mine.status);
  return (
    <Card style={{ marginTop: 16 }} data-testid="enrol-section">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {mine ? (
          <Space wrap>
            <EnrolmentStatusTag status={mine.status} />
            {mine.outcomeReason ? <Typography.Text type="danger">{t(`training.reason.${mine.outcomeReason as 'exam_failed'}`)}</Typography.Text> : null}
          </Space>
        ) : null}
        {mine?.status === 'enrolled' ? <Alert type="success" showIcon title={t('training.detail.enrolled')} /> : null}
        {mine?.status === 'waitlisted' ? (
          <Alert type="warning" showIcon title={t('training.detail.waitlisted', { position: mine.waitlistPosition ?? '' })} />
        ) : null}
        {mine?.status === 'offered' ? (
          <Alert
            type="info"
            showIcon
            title={t('training.detail.offered')}
            action={
              <Space>
                <Button type="primary" loading={busy} onClick={() => void post('offer/accept')}>
                  {t('training.detail.accept')}
                </Button>
                <Button loading={busy} onClick={() => void post('offer/decline', {})}>
                  {t('training.detail.decline')}
                </Button>
              </Space>
            }
          />
        ) : null}
        {mine ? <TrainingTicket enrolment={mine} title={cls.name} /> : null}
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} /> : null}
        {!active && cls.enrolmentOpen ? (
          <Button type="primary" size="large" loading={busy} onClick={() => void post('enrolment')} data-testid="class-enrol">
            {cls.seatsLeft > 0 ? t('training.detail.enrol') : t('training.detail.enrolWaitlist')}
          </Button>
        ) : null}
        {!active && !cls.enrolmentOpen && !mine ? <Typography.Text type="secondary">{t('training.detail.closed')}</Typography.Text> : null}
        {mine && (mine.status === 'enrolled' || mine.status === 'waitlisted') && cls.enrolmentOpen ? (
          <Popconfirm
            title={t('training.detail.withdrawConfirm')}
            okText={t('training.detail.withdraw')}
            cancelText={t('common.cancel')}
            onConfirm={() => void post('enrolment/withdraw', {}, t('training.detail.withdrawn'))}
          >
            <Button danger loading={busy}>
              {t('training.detail.withdraw')}
            </Button>
          </Popconfirm>
        ) : null}
      </Space>
    </Card>
  );
}

function SponsorSection({ cls }: { cls: ClassDetail }) {
  const i18n = useI18n();
  const { t } = i18n;
  const [form] = Form.useForm<{ phone: string; note?: string }>();
  const { message } = App.useApp();
  const { busy, error, run } = useCommand();
  const submit = async (v: { phone: string; note?: string }) => {
    const res = await run(() =>
      api<{ nameMasked: string }>(`/api/training/classes/${cls.id}/sponsorships`, {
        method: 'POST',
        body: { phone: v.phone.trim(), note: v.note?.trim() || undefined },
      }),
    );
    if (res) {
      void message.success(t('training.detail.sponsored', { name: res.nameMasked }));
      form.resetFields();
    }
  };
  return (
    <Card style={{ marginTop: 16 }} title={<h2 className="event-h2">{t('training.detail.sponsorTitle')}</h2>}>
      <Typography.Paragraph type="secondary">{t('training.detail.sponsorHint')}</Typography.Paragraph>
      <Form form={form} layout="vertical" onFinish={(v) => void submit(v)} style={{ maxWidth: 420 }}>
        <Form.Item
          name="phone"
          label={t('training.detail.sponsorPhone')}
          rules={[{ required: true, pattern: /^1\d{10}$/, message: t('validation.required', { field: t('training.detail.sponsorPhone') }) }]}
        >
          <Input inputMode="tel" maxLength={11} autoComplete="off" />
        </Form.Item>
        <Form.Item name="note" label={t('training.detail.sponsorNote')}>
          <Input maxLength={200} />
        </Form.Item>
        {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
        <Button type="primary" htmlType="submit" loading={busy}>
          {t('training.detail.sponsorSubmit')}
        </Button>
      </Form>
    </Card>
  );
}

export function TrainingClassPage() {
  const { t } = useI18n();
  const { id = '' } = useParams();
  const valid = /^[0-9a-f-]{36}$/i.test(id);
  const { data, error, loading, reload } = useApi<ClassDetail>(valid ? `/api/training/classes/${id}` : null);
  if (!valid || (error instanceof ApiError && (error.status === 404 || error.status === 400))) {
    return (
      <Result
        status="404"
        title={<h1 className="result-title">{t('errors.NOT_FOUND')}</h1>}
        extra={
          <ButtonLink to="/training" type="primary">
            {t('training.list.title')}
          </ButtonLink>
        }
      />
    );
  }
  const cls = data && data.id === id ? data : undefined;
  return (
    <>
      <div style={{ marginBottom: 8 }}>
        <Link to="/training">← {t('training.list.title')}</Link>
      </div>
      <PageHeader
        title={cls?.name ?? t('training.list.title')}
        extra={cls && cls.allowedActions.length > 0 ? <ButtonLink to={`/provider/classes/${cls.id}`}>{t('training.manage.open')}</ButtonLink> : null}
      />
      <ErrorAlert error={error} onRetry={reload} />
      {loading && !cls ? <Skeleton active /> : null}
      {cls ? (
        <>
          <Card>
            <Space wrap size={[8, 4]} style={{ marginBottom: 12 }}>
              <ProgrammeTag type={cls.programmeType} />
              <ClassStatusTag status={cls.status} />
            </Space>
            <Facts cls={cls} />
            {cls.skills.length ? (
              <Typography.Paragraph>
                <strong>{t('training.detail.skills')}：</strong>
                {cls.skills.map((s) => s.nameZh).join('、')}
              </Typography.Paragraph>
            ) : null}
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('training.detail.description')}
            </Typography.Title>
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{cls.description}</Typography.Paragraph>
            <Typography.Title level={2} style={{ fontSize: 18 }}>
              {t('training.detail.schedule')}
            </Typography.Title>
            <List
              size="small"
              dataSource={cls.sessions}
              renderItem={(s) => (
                <List.Item>
                  {s.seq}. {timeRange(s.startsAt, s.endsAt)} · {s.topic}
                </List.Item>
              )}
            />
          </Card>
          <EnrolSection cls={cls} onChanged={reload} />
        </>
      ) : null}
    </>
  );
}
