/**
 * Sends one job workflow step (POST /api/jobs/:id/transitions/:action). The Idempotency-Key is kept for
 * a retry of the same step with the same body (a lost response is not acted on twice) and renewed
 * when the body changes (e.g. confirmNotDuplicate or an override reason added) or after success.
 */
import { useRef, useState } from 'react';
import type { JobTransitionBody } from '../../../shared/jobs.js';
import { api, newIdempotencyKey } from '../../api.js';
import type { JobView } from './job-types.js';

export function useJobTransition() {
  const last = useRef<{ sig: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (id: string, action: string, body: JobTransitionBody): Promise<JobView | null> => {
    const sig = JSON.stringify([id, action, body]);
    if (last.current?.sig !== sig) last.current = { sig, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      const job = await api<JobView>(`/api/jobs/${id}/transitions/${action}`, { method: 'POST', body, headers: { 'idempotency-key': last.current.key } });
      last.current = null;
      return job;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };
  const reset = () => {
    last.current = null;
    setError(null);
  };
  return { busy, error, send, reset };
}
