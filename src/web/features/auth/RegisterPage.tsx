/** 注册: 个人注册 and 单位注册 tabs; the tab is in the URL (?tab=org) so it can be linked. */
import { Card, Tabs, Typography } from 'antd';
import { Link, Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../../auth/AuthProvider.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useT } from '../../i18n/I18nProvider.js';
import { OrgRegisterForm } from './OrgRegisterForm.js';
import { TalentRegisterForm } from './TalentRegisterForm.js';

export function RegisterPage() {
  const t = useT();
  const { state } = useAuth();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'org' ? 'org' : 'talent';
  if (state.status === 'signed-in') return <Navigate to="/workbench" replace />;
  const items = [
    {
      key: 'talent',
      label: t('auth.register.talentTab'),
      children: (
        <>
          <Typography.Paragraph>{t('auth.register.talentIntro')}</Typography.Paragraph>
          <TalentRegisterForm />
        </>
      ),
    },
    {
      key: 'org',
      label: t('auth.register.orgTab'),
      children: (
        <>
          <Typography.Paragraph>{t('auth.register.orgIntro')}</Typography.Paragraph>
          <OrgRegisterForm />
        </>
      ),
    },
  ];
  return (
    <Card className="auth-card">
      <PageHeader title={t('auth.register.title')} />
      <Tabs activeKey={tab} items={items} onChange={(k) => setParams(k === 'org' ? { tab: 'org' } : {}, { replace: true })} />
      <Typography.Paragraph style={{ marginTop: 16, marginBottom: 0 }}>
        {t('auth.register.haveAccount')} <Link to="/login">{t('auth.register.goLogin')}</Link>
      </Typography.Paragraph>
    </Card>
  );
}
