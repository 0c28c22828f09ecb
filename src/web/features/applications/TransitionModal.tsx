/** Confirms one employer step on an application; reject needs a reason (the applicant sees it), interview and offer take an optional note. */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect } from 'react';
import { applicationWorkflow } from '../../../shared/applications.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';
import type { ApplicationView } from './application-types.js';
import { useApplicationTransition } from './useApplicationTransition.js';

interface Props {
  pending: { item: ApplicationView; action: string } | null;
  onClose: () => void;
  onDone: (updated: ApplicationView) => void;
}

function reasonMode(action: string): 'required' | 'optional' | undefined {
  return (applicationWorkflow.transitions as Record<string, { reason?: 'required' | 'optional' } | undefined>)[action]?.reason;
}

export function TransitionModal({ pending, onClose, onDone }: Props) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [form] = Form.useForm<{ reason?: string }>();
  const { busy, error, send, reset } = useApplicationTransition();
  const action = pending?.action ?? null;
  // biome-ignore lint/correctness/useExhaustiveDependencies: reset when another step opens
  useEffect(() => {
    if (!action) return;
    form.resetFields();
    reset();
  }, [action, pending?.item.id, form]);
  if (!pending || !action) return null;
  const { item } = pending;
  const mode = reasonMode(action);
  const label = tx(`workflowActions.${action}`, action);
  const name = item.applicant?.displayName ?? '';
  const go = async () => {
    const reason = (await form.validateFields()).reason?.trim();
    const updated = await send(item.id, action, reason ? { reason } : {});
    if (updated) onDone(updated);
  };
  const rules = mode === 'required' ? [{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 500 }] : [{ max: 500 }];
  return (
    <Modal
      open
      title={action === 'reject' ? t('applications.received.rejectTitle', { name }) : `${label}：${name}`}
      okText={label}
      okButtonProps={{ danger: action === 'reject', loading: busy, 'data-testid': 'application-transition-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => void go()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <p>{item.jobTitle}</p>
      {mode ? (
        <Form form={form} layout="vertical">
          <Form.Item name="reason" label={action === 'reject' ? t('applications.received.reason') : t('fields.reason')} rules={rules}>
            <Input.TextArea rows={3} maxLength={500} showCount placeholder={action === 'reject' ? t('applications.received.reasonPlaceholder') : undefined} />
          </Form.Item>
        </Form>
      ) : null}
    </Modal>
  );
}
