/** The name of an occupation code (细类), from the catalogue; '' until loaded or when unknown. */
import { useApi } from '../../components/useApi.js';

export function useOccupationName(code: string | null | undefined): string {
  const { data } = useApi<{ occupation: { code: string; name: string } }>(code ? `/api/catalog/occupations/${encodeURIComponent(code)}` : null);
  return data && data.occupation.code === code ? data.occupation.name : '';
}
