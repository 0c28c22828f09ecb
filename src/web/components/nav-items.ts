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

export type NavGroup =
  | 'nav.groupFindJobs'
  | 'nav.groupSkills'
  | 'nav.groupPolicy'
  | 'nav.groupJobSeeking'
  | 'nav.groupRecruiting'
  | 'nav.groupOfficialWork'
  | 'nav.groupAnalytics';

const ORG_REVIEWERS: readonly Role[] = ['official', 'admin'];
const AUDIT_READERS: readonly Role[] = ['auditor', 'official'];
const IMPORTERS: readonly Role[] = ['official', 'employer'];

/**
 * Everyone's menu: 首页 and the three services of the notice (找工作, 提技能, and policy with 助创业).
 * Signed-in people get 工作台 and their role's groups after it. Every role's header stays at six
 * entries or fewer at 1280 px (nav-items.test.ts checks it).
 */
export const PUBLIC_NAV: readonly NavItem[] = [
  { path: '/', label: 'nav.home' },
  { path: '/jobs', label: 'nav.jobs', group: 'nav.groupFindJobs' },
  { path: '/events', label: 'events.list.title', group: 'nav.groupFindJobs' },
  { path: '/wages', label: 'wages.nav.wages', group: 'nav.groupFindJobs' },
  { path: '/agencies', label: 'agencies.nav.directory', group: 'nav.groupFindJobs' },
  { path: '/training', label: 'training.nav.classes', group: 'nav.groupSkills' },
  { path: '/skill-catalogues', label: 'skillcatalog.nav.public', group: 'nav.groupSkills' },
  { path: '/occupations', label: 'nav.occupations', group: 'nav.groupSkills' },
  { path: '/communities', label: 'providers.communities.title', group: 'nav.groupSkills' },
  { path: '/literacy', label: 'events.literacy.nav', group: 'nav.groupSkills' },
  { path: '/verify', label: 'certificates.nav.verify', group: 'nav.groupSkills' },
  { path: '/policies', label: 'policies.nav.list', group: 'nav.groupPolicy' },
  { path: '/policies/notices', label: 'policies.notices.title', group: 'nav.groupPolicy' },
  { path: '/competitions', label: 'competitions.nav.list', group: 'nav.groupPolicy' },
  { path: '/ventures', label: 'ventures.nav.public', group: 'nav.groupPolicy' },
  { path: '/open-data', label: 'wages.nav.openData', group: 'nav.groupPolicy' },
];

/** Entries signed-in people do not get in the header (the logo leads home). */
const SIGNED_IN_HIDDEN: readonly string[] = ['/'];

export const SIGNED_IN_NAV: readonly NavItem[] = [
  { path: '/workbench', label: 'nav.workbench' },
  // talent: 我的服务
  { path: '/profile', label: 'nav.profile', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/recommended-jobs', label: 'nav.recommendedJobs', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/applications', label: 'nav.myApplications', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/applications/invitations', label: 'nav.myInvitations', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/events/mine', label: 'events.mine.title', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/training/mine', label: 'training.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/certificates/mine', label: 'certificates.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/policies/mine', label: 'policies.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/recognition/mine', label: 'recognition.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/competitions/mine', label: 'competitions.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/ventures/mine', label: 'ventures.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  { path: '/archives/mine', label: 'archives.nav.mine', roles: ['talent'], group: 'nav.groupJobSeeking' },
  // employer: 招聘管理
  { path: '/employer/jobs', label: 'nav.employerJobs', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/applications', label: 'nav.receivedApplications', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/recommended-talents', label: 'nav.recommendedTalents', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/talent-pool', label: 'nav.talentPool', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/invitations', label: 'nav.sentInvitations', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/events', label: 'events.employer.pageTitle', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/employer/training', label: 'training.nav.sponsorships', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/imports', label: 'nav.imports', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/policies/mine', label: 'policies.nav.mine', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/ventures/mine', label: 'ventures.nav.mine', roles: ['employer'], group: 'nav.groupRecruiting' },
  { path: '/ventures/invest', label: 'ventures.nav.invest', roles: ['employer'], group: 'nav.groupRecruiting' },
  // officials: 业务办理 (reviews and cases) and 统计分析 (figures and the audit trail)
  { path: '/review/organisations', label: 'nav.review', roles: ORG_REVIEWERS, group: 'nav.groupOfficialWork' },
  { path: '/review/jobs', label: 'nav.reviewJobs', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/review/accreditations', label: 'skillcatalog.nav.review', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/policy-claims', label: 'policies.nav.review', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/payment-batches', label: 'policies.nav.batches', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/recognition', label: 'recognition.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/certificates', label: 'certificates.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/skill-catalogues', label: 'skillcatalog.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/events', label: 'events.manage.title', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/competitions', label: 'competitions.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/ventures', label: 'ventures.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/communities', label: 'providers.manage.title', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/archives/desk', label: 'archives.nav.desk', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/archives/materials', label: 'archives.nav.materials', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/manage/agencies', label: 'agencies.nav.manage', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/imports', label: 'nav.imports', roles: ['official'], group: 'nav.groupOfficialWork' },
  { path: '/admin/users', label: 'nav.adminUsers', roles: ['admin'], group: 'nav.groupOfficialWork' },
  { path: '/dashboard', label: 'dashboard.title', roles: ['official', 'admin'], group: 'nav.groupAnalytics' },
  { path: '/dashboard/reports', label: 'dashboard.reports.title', roles: ['official'], group: 'nav.groupAnalytics' },
  { path: '/manage/matching', label: 'nav.matchingStats', roles: ['official'], group: 'nav.groupAnalytics' },
  { path: '/manage/training-stats', label: 'training.nav.stats', roles: ['official'], group: 'nav.groupAnalytics' },
  { path: '/manage/wage-surveys', label: 'wages.nav.surveys', roles: ['official'], group: 'nav.groupAnalytics' },
  { path: '/audit', label: 'nav.audit', roles: ['official'], group: 'nav.groupAnalytics' },
  // organisations that train, evaluate, host stations or hold archives, and experts: 业务办理
  { path: '/provider/accreditations', label: 'skillcatalog.nav.provider', roles: ['provider', 'evaluator', 'host'], group: 'nav.groupOfficialWork' },
  { path: '/provider/classes', label: 'training.nav.manage', roles: ['provider'], group: 'nav.groupOfficialWork' },
  { path: '/evaluation', label: 'certificates.nav.evaluation', roles: ['evaluator'], group: 'nav.groupOfficialWork' },
  { path: '/recognition/stations', label: 'recognition.nav.stations', roles: ['host'], group: 'nav.groupOfficialWork' },
  { path: '/policies/mine', label: 'policies.nav.mine', roles: ['host'], group: 'nav.groupOfficialWork' },
  { path: '/ventures/carrier', label: 'ventures.nav.carrier', roles: ['host'], group: 'nav.groupOfficialWork' },
  { path: '/agency', label: 'agencies.nav.workspace', roles: ['agency'], group: 'nav.groupOfficialWork' },
  { path: '/agency/jobs', label: 'agencies.nav.jobs', roles: ['agency'], group: 'nav.groupOfficialWork' },
  { path: '/agency/applications', label: 'nav.receivedApplications', roles: ['agency'], group: 'nav.groupOfficialWork' },
  { path: '/archives/desk', label: 'archives.nav.desk', roles: ['agency'], group: 'nav.groupOfficialWork' },
  { path: '/archives/materials', label: 'archives.nav.materials', roles: ['agency'], group: 'nav.groupOfficialWork' },
  { path: '/recognition/reviews', label: 'recognition.nav.reviews', roles: ['reviewer'], group: 'nav.groupOfficialWork' },
  { path: '/judging', label: 'competitions.nav.judging', roles: ['reviewer'], group: 'nav.groupOfficialWork' },
  { path: '/audit', label: 'nav.audit', roles: ['auditor'] },
];

export const ROUTE_ROLES = {
  review: ORG_REVIEWERS,
  audit: AUDIT_READERS,
  imports: IMPORTERS,
  adminUsers: ['admin'] as readonly Role[],
  employerJobs: ['employer'] as readonly Role[],
  reviewJobs: ['official'] as readonly Role[],
  talent: ['talent'] as readonly Role[],
  providers: ['provider', 'evaluator', 'host'] as readonly Role[],
  evaluator: ['evaluator'] as readonly Role[],
  dashboard: ['official', 'admin'] as readonly Role[],
  provider: ['provider'] as readonly Role[],
  reviewer: ['reviewer'] as readonly Role[],
  host: ['host'] as readonly Role[],
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
  // the logo still leads home; the entry itself makes room for the role's own groups
  return [...PUBLIC_NAV.filter((i) => !SIGNED_IN_HIDDEN.includes(i.path)), ...own];
}

/** The menu key to highlight for a path: the longest nav path that prefixes it. */
export function selectedNavKey(pathname: string, items: readonly NavItem[]): string | undefined {
  const hits = items.filter((i) => (i.path === '/' ? pathname === '/' : pathname === i.path || pathname.startsWith(`${i.path}/`)));
  return hits.sort((a, b) => b.path.length - a.path.length)[0]?.path;
}
