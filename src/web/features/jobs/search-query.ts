/** The search page's URL query ↔ the API query of GET /api/jobs. The URL keeps the salary in 元; the API wants 分. */
import type { Query } from '../../api.js';
import type { UrlFilters } from '../../components/useUrlFilters.js';
import { yuanToFen } from './job-format.js';

export const PAGE_SIZE = 20;
export const POSTED_WITHIN = [3, 7, 30] as const;
/** Keys of the filter panel (not q, sort or page): cleared together by 清除筛选. */
export const FILTER_KEYS = ['city', 'county', 'occupation', 'digital', 'salary', 'education', 'postedWithin'] as const;

export function apiQuery(f: UrlFilters): Query {
  const salary = Number(f.get('salary'));
  const posted = Number(f.get('postedWithin'));
  return {
    q: f.get('q'),
    city: f.get('city'),
    county: f.get('county'),
    occupation: f.get('occupation'),
    digital: f.get('digital') === 'true' ? 'true' : undefined,
    salaryMin: Number.isFinite(salary) && salary > 0 ? yuanToFen(Math.min(salary, 1_000_000)) : undefined,
    education: f.get('education'),
    postedWithin: Number.isInteger(posted) && posted > 0 ? posted : undefined,
    sort: f.get('sort'),
    page: f.page,
    pageSize: PAGE_SIZE,
  };
}

export function activeFilterCount(f: UrlFilters): number {
  const keys = FILTER_KEYS.filter((k) => k !== 'county' || !f.get('city'));
  return keys.filter((k) => f.get(k) !== '').length;
}
