/** Live 招聘广告审核 while the employer types: POST /api/jobs/vet, debounced; nothing is stored. */
import { useEffect, useState } from 'react';
import { api } from '../../api.js';
import type { VettingFinding } from './job-types.js';
import { useDebounced } from './useDebounced.js';

export function useVetting(title: string, description: string): { findings: VettingFinding[]; checking: boolean } {
  const t = useDebounced(title.slice(0, 60), 400);
  const d = useDebounced(description.slice(0, 5000), 400);
  const [findings, setFindings] = useState<VettingFinding[]>([]);
  const [checking, setChecking] = useState(false);
  useEffect(() => {
    if (!t.trim() && !d.trim()) {
      setFindings([]);
      return;
    }
    const ctrl = new AbortController();
    setChecking(true);
    api<{ findings: VettingFinding[] }>('/api/jobs/vet', { method: 'POST', body: { title: t, description: d }, signal: ctrl.signal })
      .then((r) => setFindings(r.findings))
      .catch(() => undefined) // advisory only: the server vets again on save and approval
      .finally(() => {
        if (!ctrl.signal.aborted) setChecking(false);
      });
    return () => ctrl.abort();
  }, [t, d]);
  return { findings, checking };
}
