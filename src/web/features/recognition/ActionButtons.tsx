/** Buttons for a workflow's allowed actions; steps with a reason open the reason dialog first. */
import { Button, Space } from 'antd';
import { type ReactNode, useState } from 'react';
import type { Workflow } from '../../../shared/workflow.js';
import { api } from '../../api.js';
import { ErrorAlert } from '../../components/ErrorAlert.js';
import { useI18n } from '../../i18n/I18nProvider.js';
import { ReasonModal, reasonRequired } from './RecognitionBits.js';

export function ActionButtons({
  actions,
  workflow,
  url,
  onDone,
  extra,
  extraBody,
}: {
  actions: string[];
  workflow: Workflow<string, string>;
  url: (action: string) => string;
  onDone: () => void;
  /** More inputs in the reason dialog for one action, and what they add to the request body. */
  extra?: (action: string) => ReactNode;
  extraBody?: (action: string) => Record<string, unknown>;
}) {
  const { tx } = useI18n();
  const [pending, setPending] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const run = async (action: string, reason: string) => {
    setBusy(true);
    setError(null);
    try {
      await api(url(action), { method: 'POST', body: { ...(reason ? { reason } : {}), ...(extraBody?.(action) ?? {}) } });
      setPending(null);
      onDone();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const hasReason = (a: string) => (workflow.transitions as Record<string, { reason?: string }>)[a]?.reason !== undefined;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {actions.map((a) => (
          <Button
            key={a}
            data-testid={`action-${a}`}
            type={['accept', 'recognise', 'grant', 'approve', 'start_review'].includes(a) ? 'primary' : 'default'}
            danger={['not_accept', 'not_recognise', 'decline', 'reject', 'revoke'].includes(a)}
            onClick={() => (hasReason(a) ? setPending(a) : void run(a, ''))}
            loading={busy && pending === null}
          >
            {tx(`recognition.action.${a}`, a)}
          </Button>
        ))}
      </Space>
      <ErrorAlert error={error} />
      <ReasonModal
        open={pending !== null}
        title={pending ? tx(`recognition.action.${pending}`, pending) : ''}
        required={pending ? reasonRequired(workflow, pending) : false}
        busy={busy}
        onOk={(reason) => pending && void run(pending, reason)}
        onCancel={() => setPending(null)}
        extra={pending && extra ? <div style={{ marginBottom: 12 }}>{extra(pending)}</div> : null}
      />
    </Space>
  );
}
