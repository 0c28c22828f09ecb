/** The navigation menu, by role: data, so the header, the drawer and the tests agree. */
import type { Role } from '../../shared/roles.js';
import type { MessageKey } from '../i18n/messages.js';

export interface NavItem {
  path: string;
  label: MessageKey;
  roles?: readonly Role[];
  /** Items of one group sit under one submenu on desktop and under one heading in the phone drawer. */
  group?: NavGroup;
}

export type NavGroup = 'nav.groupJobSeeking' | 'nav.groupRecruiting' | 'nav.groupOfficialWork';

const ORG_REVIEWERS: readonly Role[] = ['official', 'admin'];
const AUDIT_READERS: readonly Role[] = ['auditor', 'official'];
const IMPORTERS: readonly Role[] = ['official', 'employer'];

export const PUBLIC_NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/occupations', label: 'nav.occupations' },
  { path: '/jobs', label: 'nav.jobs' },
  { path: '/events', label: 'events.list.title' },
];

export const SIGNED_IN_NAV: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench' },
  { path: '/profile', label: 'nav.profile', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/recommended-jobs', label: 'nav.recommendedJobs', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/applications', label: 'nav.myApplications', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/events/mine', label: 'events.mine.title', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/applications/invitations', label: 'nav.myInvitations', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/employer/jobs', label: 'nav.employerJobs', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/applications', label: 'nav.receivedApplications', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/events', label: 'events.employer.pageTitle', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/talent-pool', label: 'nav.talentPool', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/invitations', label: 'nav.sentInvitations', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/recommended-talents', label: 'nav.recommendedTalents', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/review/organisations', label: 'nav.review', roles: ORG_REVIEWERS, group: 'nav.groupOfficialWork' },
  { path: '/review/jobs', label: 'nav.reviewJobs', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/events', label: 'events.manage.title', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/matching', label: 'nav.matchingStats', roles: ['official'], group: 'nav.groupOfficialWork' },
  // the same page can sit in a different group for each role; keep the header to six entries or fewer at 1280 px
  { path: '/imports', label: 'nav.imports', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/imports', label: 'nav.imports', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/audit', label: 'nav.audit', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/audit', label: 'nav.audit', roles: ['auditor'] },
  { path: '/admin/users', label: 'nav.adminUsers', roles: ['admin'], group: 'nav.groupOfficialWork' },
];

export const ROUTE_ROLES = {
  review: ORG_REVIEWERS,
  audit: AUDIT_READERS,
  imports: IMPORTERS,
  adminUsers: ['admin'] as readonly Role[],
  employerJobs: ['employer'] as readonly Role[],
  reviewJobs: ['official'] as readonly Role[],
  talent: ['talent'] as readonly Role[],
};

/** A menu entry: a single item, or a group with its items in order of first appearance. */
export type NavEntry = { kind: 'item'; item: NavItem } | { kind: 'group'; group: NavGroup; items: NavItem[] };

export function groupNavItems(items: readonly NavItem[]): NavEntry[] {
  const entries: NavEntry[] = [];
  for (const item of items) {
    if (!item.group) {
      entries.push({ kind: 'item', item });
      continue;
    }
    const existing = entries.find((e) => e.kind === 'group' && e.group === item.group);
    if (existing && existing.kind === 'group') existing.items.push(item);
    else entries.push({ kind: 'group', group: item.group, items: [item] });
  }
  // a group of one is just an item
  return entries.map((e) => (e.kind === 'group' && e.items.length === 1 ? { kind: 'item', item: e.items[0] as NavItem } : e));
}

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
