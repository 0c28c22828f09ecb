/** Sends one invitation step (accept / decline / withdraw) with an Idempotency-Key kept for a retry of the same step. */
import { useRef, useState } from 'react';
import type { InvitationTransitionBody } from '../../../shared/talentpool.js';
import { api, newIdempotencyKey } from '../../api.js';
import type { InvitationView } from './talentpool-types.js';

export function useInvitationTransition() {
  const last = useRef<{ sig: string; key: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const send = async (id: string, action: string, body: InvitationTransitionBody = {}): Promise<InvitationView | null> => {
    const sig = JSON.stringify([id, action, body]);
    if (last.current?.sig !== sig) last.current = { sig, key: newIdempotencyKey() };
    setBusy(true);
    setError(null);
    try {
      const view = await api<InvitationView>(`/api/talent-pool/invitations/${id}/transitions/${action}`, {
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
  return { busy, error, send };
}
