import type { Industry, Paged } from '../api-types.js';
import { useApi } from './useApi.js';

/** "6520 信息系统集成服务" for an industry code (GB/T 4754), or the bare code while it loads. */
export function useIndustryLabel(code: string | null | undefined): string {
  const { data } = useApi<Paged<Industry>>(code ? '/api/catalog/industries' : null, { q: code ?? '', pageSize: 20 });
  if (!code) return '—';
  const hit = data?.items.find((i) => i.code === code);
  return hit ? `${hit.code} ${hit.name}` : code;
}
