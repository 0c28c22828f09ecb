/** The navigation menu, by role: data, so the header, the drawer and the tests agree. */
import type { Role } from '../../shared/roles.js';
import type { MessageKey } from '../i18n/messages.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles?: readonly Role[];
}

const ORG_REVIEWERS: readonly Role[] = ['official', 'admin'];
const AUDIT_READERS: readonly Role[] = ['auditor', 'official'];

export const PUBLIC_NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/occupations', label: 'nav.occupations' },
  { path: '/jobs', label: 'nav.jobs' },
];

export const SIGNED_IN_NAV: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench' },
  { path: '/profile', label: 'nav.profile', roles: ['talent'] },
  { path: '/applications', label: 'nav.myApplications', roles: ['talent'] },
  { path: '/employer/jobs', label: 'nav.employerJobs', roles: ['employer'] },
  { path: '/employer/applications', label: 'nav.receivedApplications', roles: ['employer'] },
  { path: '/review/organisations', label: 'nav.review', roles: ORG_REVIEWERS },
  { path: '/review/jobs', label: 'nav.reviewJobs', roles: ['official'] },
  { path: '/audit', label: 'nav.audit', roles: AUDIT_READERS },
  { path: '/admin/users', label: 'nav.adminUsers', roles: ['admin'] },
];

export const ROUTE_ROLES = {
  review: ORG_REVIEWERS,
  audit: AUDIT_READERS,
  adminUsers: ['admin'] as readonly Role[],
  employerJobs: ['employer'] as readonly Role[],
  reviewJobs: ['official'] as readonly Role[],
  talent: ['talent'] as readonly Role[],
};

export function navItemsFor(role: Role | null): NavItem[] {
  if (!role) return [...PUBLIC_NAV];
  const own = SIGNED_IN_NAV.filter((i) => !i.roles || i.roles.includes(role));
  return [...PUBLIC_NAV, ...own];
}

/** The menu key to highlight for a path: the longest nav path that prefixes it. */
export function selectedNavKey(pathname: string, items: readonly NavItem[]): string | undefined {
  const hits = items.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
