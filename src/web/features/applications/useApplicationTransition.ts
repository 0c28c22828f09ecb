/**
 * Sends one application step (POST /api/applications/:id/transitions/:action) with an Idempotency-Key
 * kept for a retry of the same step and body, renewed after success or when the body changes.
 */
import { useRef, useState } from 'react';
import type { ApplicationTransitionBody } from '../../../shared/applications.js';
import { api, newIdempotencyKey } from '../../api.js';
import type { ApplicationView } from './application-types.js';

export function useApplicationTransition() {
  const last = useRef<{ sig: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (id: string, action: string, body: ApplicationTransitionBody = {}): Promise<ApplicationView | null> => {
    const sig = JSON.stringify([id, action, body]);
    if (last.current?.sig !== sig) last.current = { sig, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      const view = await api<ApplicationView>(`/api/applications/${id}/transitions/${action}`, {
        method: 'POST',
        body,
        headers: { 'idempotency-key': last.current.key },
      });
      last.current = null;
      return view;
    } catch (err) {
      setError(err);
      return null;
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, send, reset: () => setError(null) };
}
