/** List filters kept in the URL query (so a filtered list can be linked and survives reload). */
import { useSearchParams } from 'react-router';

export interface UrlFilters {
  get: (key: string) => string;
  page: number;
  /** Sets or clears (empty value) the given keys; any change other than `page` goes back to page 1. */
  update: (patch: Record<string, string | number>) => void;
}

export function useUrlFilters(): UrlFilters {
  const [params, setParams] = useSearchParams();
  const update = (patch: Record<string, string | number>) => {
    const next = new URLSearchParams(params);
    for (const [k, v] of Object.entries(patch)) {
      if (v === '') next.delete(k);
      else next.set(k, String(v));
    }
    if (!('page' in patch) || patch.page === 1) next.delete('page');
    setParams(next, { replace: true });
  };
  return { get: (key) => params.get(key) ?? '', page: Number(params.get('page')) || 1, update };
}
