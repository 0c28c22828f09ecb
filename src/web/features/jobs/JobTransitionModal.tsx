/**
 * Confirms one step of a posting (submit, approve, return, close). Two refusals get a way forward:
 * 409 JOBS_DUPLICATE offers "确认不是重复岗位" (resubmit with confirmNotDuplicate), and 422
 * JOBS_VETTING_FINDINGS shows the findings and asks for an override reason.
 */
import { Alert, Button, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router';
import { jobWorkflow } from '../../../shared/jobs.js';
import { ApiError } from '../../api.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import { VettingAlert } from './JobBits.js';
import type { JobView, VettingFinding } from './job-types.js';
import { useJobTransition } from './useJobTransition.js';

export function jobReasonRequired(action: string): boolean {
  const spec = (jobWorkflow.transitions as Record<string, { reason?: string } | undefined>)[action];
  return spec?.reason === 'required';
}

interface Props {
  job: { id: string; title: string };
  action: string | null;
  onClose: () => void;
  onDone: (updated: JobView) => void;
}

const codeOf = (err: unknown) => (err instanceof ApiError ? err.code : '');

export function DuplicateAlert({ duplicateOf, onConfirm, busy }: { duplicateOf: unknown; onConfirm: () => void; busy: boolean }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      role="alert"
      data-testid="duplicate-alert"
      title={t('jobs.form.duplicateTitle')}
      description={
        <>
          <div>{t('jobs.form.duplicateText')}</div>
          {typeof duplicateOf === 'string' ? (
            <Link to={`/jobs/${duplicateOf}`} target="_blank">
              {t('jobs.form.duplicateView')}
            </Link>
          ) : null}
          <div style={{ marginTop: 8 }}>
            <Button onClick={onConfirm} loading={busy} data-testid="confirm-not-duplicate">
              {t('jobs.form.confirmNotDuplicate')}
            </Button>
          </div>
        </>
      }
      style={{ marginBottom: 12 }}
    />
  );
}

export function JobTransitionModal({ job, action, onClose, onDone }: Props) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [form] = Form.useForm<{ reason?: string }>();
  const { busy, error, send, reset } = useJobTransition();
  const [findings, setFindings] = useState<VettingFinding[] | null>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another action opens
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    reset();
    setFindings(null);
  }, [action, form]);
  useEffect(() => {
    if (codeOf(error) === 'JOBS_VETTING_FINDINGS' && error instanceof ApiError) setFindings((error.params.findings as VettingFinding[]) ?? []);
  }, [error]);
  if (!action) return null;
  const label = tx(`workflowActions.${action}`, action);
  const needsReason = jobReasonRequired(action) || findings !== null;
  const reasonRules = needsReason ? [{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 500 }] : [{ max: 500 }];
  const go = async (extra: { confirmNotDuplicate?: boolean } = {}) => {
    const reason = (await form.validateFields()).reason?.trim();
    const updated = await send(job.id, action, { ...(reason ? { reason } : {}), ...extra });
    if (updated) onDone(updated);
  };
  const code = codeOf(error);
  return (
    <Modal
      open
      title={needsReason ? t('jobs.review.reasonTitle', { action: label }) : `${label}：${job.title}`}
      okText={findings ? t('jobs.review.overrideConfirm') : label}
      okButtonProps={{ danger: action === 'close', loading: busy, 'data-testid': 'job-transition-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => void go()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error && code !== 'JOBS_DUPLICATE' && code !== 'JOBS_VETTING_FINDINGS' ? (
        <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} />
      ) : null}
      {code === 'JOBS_DUPLICATE' && error instanceof ApiError ? (
        <DuplicateAlert duplicateOf={error.params.duplicateOf} busy={busy} onConfirm={() => void go({ confirmNotDuplicate: true })} />
      ) : null}
      {findings ? (
        <>
          <Alert
            type="error"
            showIcon
            role="alert"
            title={t('jobs.review.overrideTitle')}
            description={t('jobs.review.overrideText')}
            style={{ marginBottom: 12 }}
          />
          <VettingAlert findings={findings} intro="" testId="override-findings" />
        </>
      ) : null}
      <p>{job.title}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={findings ? t('jobs.review.overrideReason') : t('fields.reason')} rules={reasonRules}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('jobs.review.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
