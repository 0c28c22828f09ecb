/** Role-aware landing page after sign-in. Capabilities of later issues are marked 即将上线. */
import { Alert, Card, Descriptions, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useLocation } from 'react-router';
import type { Role } from '../../../shared/roles.js';
import type { MeUser, OrgStatus } from '../../api-types.js';
import { useAuth } from '../../auth/AuthProvider.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { OrgStatusTag } from '../../components/OrgStatusTag.js';
import { PageHeader } from '../../components/PageHeader.js';
import { ToneTag } from '../../components/ToneTag.js';
import type { MessageKey } from '../../i18n/messages.js';
import { useT } from '../../i18n/I18nProvider.js';

interface Tile {
  title: MessageKey;
  desc: MessageKey;
  to?: string;
}

const TALENT: Tile[] = [
  { title: 'workbench.talent.profile', desc: 'workbench.talent.profileDesc', to: '/profile' },
  { title: 'workbench.talent.applications', desc: 'workbench.talent.applicationsDesc', to: '/applications' },
  { title: 'workbench.talent.jobs', desc: 'workbench.talent.jobsDesc', to: '/jobs' },
  { title: 'events.mine.title', desc: 'events.workbench.talentDesc', to: '/events/mine' },
  { title: 'workbench.talent.training', desc: 'workbench.talent.trainingDesc' },
  { title: 'workbench.talent.policy', desc: 'workbench.talent.policyDesc' },
];

const TILES: Partial<Record<Role, Tile[]>> = {
  talent: TALENT,
  employer: [
    { title: 'workbench.employer.jobs', desc: 'workbench.employer.jobsDesc', to: '/employer/jobs' },
    { title: 'workbench.employer.applications', desc: 'workbench.employer.applicationsDesc', to: '/employer/applications' },
    { title: 'events.employer.pageTitle', desc: 'events.workbench.employerDesc', to: '/employer/events' },
  ],
  official: [
    { title: 'workbench.official.review', desc: 'workbench.official.reviewDesc', to: '/review/organisations?status=pending' },
    { title: 'workbench.official.jobs', desc: 'workbench.official.jobsDesc', to: '/review/jobs' },
    { title: 'events.manage.title', desc: 'events.workbench.officialDesc', to: '/manage/events' },
    { title: 'workbench.official.audit', desc: 'workbench.official.auditDesc', to: '/audit' },
    { title: 'workbench.official.dashboard', desc: 'workbench.official.dashboardDesc' },
  ],
  admin: [
    { title: 'workbench.admin.users', desc: 'workbench.admin.usersDesc', to: '/admin/users' },
    { title: 'workbench.admin.review', desc: 'workbench.admin.reviewDesc', to: '/review/organisations' },
  ],
  auditor: [{ title: 'workbench.auditor.audit', desc: 'workbench.auditor.auditDesc', to: '/audit' }],
  reviewer: [{ title: 'workbench.reviewer.scoring', desc: 'workbench.reviewer.scoringDesc' }],
};

const ORG_HINT: Record<OrgStatus, MessageKey> = {
  pending: 'workbench.org.pendingHint',
  verified: 'workbench.org.verifiedHint',
  returned: 'workbench.org.returnedHint',
  rejected: 'workbench.org.rejectedHint',
  suspended: 'workbench.org.suspendedHint',
};

function TileCard({ tile }: { tile: Tile }) {
  const t = useT();
  const action: ReactNode = tile.to ? (
    <ButtonLink to={tile.to} type="primary">
      {t('workbench.open')}
    </ButtonLink>
  ) : (
    <ToneTag tone="neutral">{t('common.comingSoon')}</ToneTag>
  );
  return (
    <Card>
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t(tile.title)}
      </Typography.Title>
      <Typography.Paragraph>{t(tile.desc)}</Typography.Paragraph>
      {action}
    </Card>
  );
}

function OrganisationCard({ user }: { user: MeUser }) {
  const t = useT();
  const org = user.organisation;
  if (!org) return <Alert type="info" title={t('workbench.org.noOrg')} />;
  const items = [
    { key: 'name', label: t('fields.name'), children: org.name },
    { key: 'kind', label: t('fields.kind'), children: t(`orgKinds.${org.kind}`) },
    { key: 'status', label: t('workbench.org.status'), children: <OrgStatusTag status={org.status} /> },
  ];
  return (
    <Card data-testid="org-status-card">
      <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }}>
        {t('workbench.org.title')}
      </Typography.Title>
      <Descriptions column={1} items={items} />
      <Typography.Paragraph style={{ marginTop: 12 }}>{t(ORG_HINT[org.status])}</Typography.Paragraph>
      <ToneTag tone="neutral">
        {t('workbench.org.services')} · {t('common.comingSoon')}
      </ToneTag>
    </Card>
  );
}

export function WorkbenchPage() {
  const t = useT();
  const { me } = useAuth();
  const location = useLocation();
  if (!me) return null;
  const { user } = me;
  const orgRegistered = (location.state as { orgRegistered?: boolean } | null)?.orgRegistered === true;
  const tiles = TILES[user.role] ?? [];
  const roleLine = t('workbench.roleLine', { role: t(`roles.${user.role}`), region: user.regionName ?? user.regionCode });
  return (
    <>
      <PageHeader title={t('workbench.title')} intro={`${t('workbench.welcome', { name: user.displayName })} · ${roleLine}`} />
      {orgRegistered ? <Alert type="success" showIcon title={t('auth.register.orgPending')} style={{ marginBottom: 16 }} /> : null}
      <div className="card-grid">
        {user.organisation || tiles.length === 0 ? <OrganisationCard user={user} /> : null}
        {tiles.map((tile) => (
          <TileCard key={tile.title} tile={tile} />
        ))}
      </div>
    </>
  );
}
