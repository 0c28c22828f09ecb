/**
 * 发布/修改岗位 (employer): the posting form with live vetting. 保存草稿 creates or updates the draft;
 * 提交审核 saves and submits. A 409 JOBS_DUPLICATE offers "确认不是重复岗位"; an unverified organisation
 * sees the JOBS_ORG_NOT_VERIFIED explanation instead of the form. HR service agencies use the same page under
 * /agency/jobs (basePath) and name the client employer (受托招聘).
 */
import { Alert, App, Button, Form, Input, Skeleton } from 'antd';
import { useEffect, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { JobStatus } from '../../../shared/jobs.js';
import { ApiError, api } from '../../api.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useApi } from '../../components/useApi.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { JobFormFields } from './JobFormFields.js';
import { DuplicateAlert } from './JobTransitionModal.js';
import { bodyOfValues, type JobFormValues, newJobValues, valuesOfJob } from './job-form-values.js';
import type { JobView } from './job-types.js';
import { OrgNotVerified, useOrgVerified } from './OrgNotVerified.js';
import { useJobTransition } from './useJobTransition.js';
import './jobs.css';

const EDITABLE = new Set<string>([JobStatus.enum.draft, JobStatus.enum.returned]);

function lastReturnReason(job: JobView | undefined): string | null {
  if (job?.status !== JobStatus.enum.returned) return null;
  const entry = [...(job.history ?? [])].reverse().find((h) => h.action === 'return');
  return entry?.reason ?? null;
}

/** Saves the form (POST for a new posting, PATCH for an existing one); returns the saved posting. */
function useSave(initialId: string | undefined) {
  const [id, setId] = useState(initialId);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const save = async (values: JobFormValues): Promise<JobView | null> => {
    setSaving(true);
    setError(null);
    try {
      const body = bodyOfValues(values);
      const job = id ? await api<JobView>(`/api/jobs/${id}`, { method: 'PATCH', body }) : await api<JobView>('/api/jobs', { method: 'POST', body });
      setId(job.id);
      return job;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setSaving(false);
    }
  };
  return { id, saving, error, save };
}

function useExistingJob(id: string | undefined) {
  const { data, error, loading, reload } = useApi<JobView>(id ? `/api/jobs/${id}` : null);
  return { job: data && data.id === id ? data : undefined, error, loading, reload };
}

export function JobFormPage({ basePath = '/employer/jobs' }: { basePath?: string }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { me } = useAuth();
  const verified = useOrgVerified();
  const { id: routeId } = useParams();
  const existing = useExistingJob(verified ? routeId : undefined);
  const [form] = Form.useForm<JobFormValues>();
  const saver = useSave(routeId);
  const submitter = useJobTransition();
  const [duplicateOf, setDuplicateOf] = useState<string | null>(null);
  const title = routeId ? t('jobs.form.editTitle') : t('jobs.form.newTitle');

  useEffect(() => {
    if (existing.job) form.setFieldsValue(valuesOfJob(existing.job));
  }, [existing.job, form]);
  useDuplicate(submitter.error, setDuplicateOf);

  if (!verified) {
    return (
      <>
        <PageHeader title={title} />
        <OrgNotVerified />
      </>
    );
  }
  if (routeId && !existing.job) {
    return (
      <>
        <PageHeader title={title} />
        <ErrorAlert error={existing.error} onRetry={existing.reload} />
        {existing.loading ? <Skeleton active /> : null}
      </>
    );
  }
  if (existing.job && !EDITABLE.has(existing.job.status)) {
    return (
      <>
        <PageHeader title={title} />
        <Alert type="warning" showIcon title={t('errors.JOBS_NOT_EDITABLE')} style={{ marginBottom: 16 }} />
        <ButtonLink to={basePath}>{t('jobs.employer.title')}</ButtonLink>
      </>
    );
  }

  const submit = async (jobId: string, confirmNotDuplicate: boolean) => {
    const job = await submitter.send(jobId, 'submit', confirmNotDuplicate ? { confirmNotDuplicate: true } : {});
    if (job) {
      void message.success(t('jobs.form.submitted'));
      navigate(basePath);
    }
  };
  const onSave = async (andSubmit: boolean) => {
    setDuplicateOf(null);
    submitter.reset();
    const values = await form.validateFields().catch(() => null);
    if (!values) return;
    const job = await saver.save(values);
    if (!job) return;
    if (andSubmit) return submit(job.id, false);
    void message.success(t('jobs.form.saved'));
    // a new draft gets its own address, so a reload edits it instead of creating another
    if (!routeId) navigate(`${basePath}/${job.id}/edit`, { replace: true });
  };

  const returnReason = lastReturnReason(existing.job);
  const busy = saver.saving || submitter.busy;
  const submitError = submitter.error instanceof ApiError && submitter.error.code === 'JOBS_DUPLICATE' ? null : submitter.error;
  return (
    <>
      <PageHeader title={title} />
      {returnReason ? <Alert type="warning" showIcon title={t('jobs.form.returnedReason', { reason: returnReason })} style={{ marginBottom: 16 }} /> : null}
      <Form<JobFormValues>
        form={form}
        layout="vertical"
        className="job-form"
        initialValues={newJobValues(me?.user.regionCode)}
        requiredMark="optional"
        data-testid="job-form"
      >
        {me?.user.role === 'agency' ? (
          <Form.Item
            name="clientEmployerName"
            label={t('agencies.jobs.clientEmployer')}
            extra={t('agencies.jobs.clientEmployerHint')}
            rules={[{ required: true, whitespace: true, min: 2, message: t('agencies.jobs.clientEmployerRequired') }]}
          >
            <Input maxLength={80} data-testid="job-client-employer" />
          </Form.Item>
        ) : null}
        <JobFormFields form={form} />
        <ErrorAlert error={saver.error ?? submitError} />
        {duplicateOf !== null && saver.id ? (
          <DuplicateAlert duplicateOf={duplicateOf} busy={submitter.busy} onConfirm={() => void submit(saver.id ?? '', true)} />
        ) : null}
        <div className="job-form-actions">
          <Button type="primary" loading={busy} onClick={() => void onSave(true)} data-testid="job-submit">
            {t('jobs.form.submit')}
          </Button>
          <Button loading={saver.saving} disabled={submitter.busy} onClick={() => void onSave(false)} data-testid="job-save">
            {t('jobs.form.saveDraft')}
          </Button>
          <ButtonLink to={basePath}>{t('common.cancel')}</ButtonLink>
        </div>
      </Form>
    </>
  );
}

/** Watches the submit error for 409 JOBS_DUPLICATE and reports the duplicate's id. */
function useDuplicate(error: unknown, set: (id: string | null) => void) {
  useEffect(() => {
    if (error instanceof ApiError && error.code === 'JOBS_DUPLICATE') set(typeof error.params.duplicateOf === 'string' ? error.params.duplicateOf : '');
  }, [error, set]);
}
