/**
 * Confirms one workflow action. The Idempotency-Key is made when the dialog opens and reused when the
 * same confirmation is retried, so a lost response can be retried without acting twice.
 */
import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { type OrgAction, organisationWorkflow } from '../../../shared/organisations.js';
import { api, newIdempotencyKey } from '../../api.js';
import type { OrganisationItem } from '../../api-types.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { formatError } from '../../i18n/format-error.js';

export function reasonRequired(action: string): boolean {
  const spec = (organisationWorkflow.transitions as Record<string, { reason?: string } | undefined>)[action];
  return spec?.reason === 'required';
}

export function actionLabel(tx: (k: string, f: string) => string, action: string): string {
  return tx(`workflowActions.${action}`, action);
}

interface Props {
  org: { id: string; name: string };
  action: OrgAction | string | null;
  onClose: () => void;
  onDone: (updated: OrganisationItem) => void;
}

/** Sends one transition with an Idempotency-Key made when the dialog opens (reused on retry). */
function useTransition(org: { id: string }, action: string | null, onDone: (updated: OrganisationItem) => void) {
  const [key, setKey] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  useEffect(() => {
    if (!action) return;
    setKey(newIdempotencyKey());
    setError(null);
  }, [action]);
  const send = async (reason: string | undefined) => {
    setBusy(true);
    setError(null);
    try {
      const body = reason?.trim() ? { reason: reason.trim() } : {};
      onDone(await api<OrganisationItem>(`/api/organisations/${org.id}/transitions/${action}`, { method: 'POST', body, headers: { 'idempotency-key': key } }));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send };
}

export function TransitionModal({ org, action, onClose, onDone }: Props) {
  const i18n = useI18n();
  const { t, tx } = i18n;
  const [form] = Form.useForm<{ reason?: string }>();
  const { busy, error, send } = useTransition(org, action, onDone);
  useEffect(() => {
    if (action) form.resetFields();
  }, [action, form]);
  if (!action) return null;
  const label = actionLabel(tx, action);
  const needsReason = reasonRequired(action);
  const reasonRules = needsReason ? [{ required: true, whitespace: true, message: t('validation.reasonRequired') }, { max: 500 }] : [{ max: 500 }];
  const confirm = async () => send((await form.validateFields()).reason);
  return (
    <Modal
      open
      title={needsReason ? t('review.reasonTitle', { action: label }) : `${label}：${org.name}`}
      okText={label}
      okButtonProps={{ danger: action === 'reject' || action === 'suspend', loading: busy, 'data-testid': 'transition-confirm' }}
      cancelText={t('common.cancel')}
      onOk={() => void confirm()}
      onCancel={onClose}
      destroyOnHidden
    >
      {error ? <Alert type="error" showIcon role="alert" title={formatError(i18n, error)} style={{ marginBottom: 12 }} /> : null}
      <p>{org.name}</p>
      <Form form={form} layout="vertical">
        <Form.Item name="reason" label={t('fields.reason')} rules={reasonRules}>
          <Input.TextArea rows={3} maxLength={500} showCount placeholder={t('review.reasonPlaceholder')} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
