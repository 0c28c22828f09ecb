/** Shown instead of the employer's pages while the organisation is not verified (JOBS_ORG_NOT_VERIFIED). */
import { Alert } from 'antd';
import { useAuth } from '../../auth/AuthProvider.js';
import { ButtonLink } from '../../components/ButtonLink.js';
import { useI18n } from '../../i18n/I18nProvider.js';

/** True when the signed-in organisation may post jobs: a verified employer, or a verified HR service agency (受托招聘; the server also checks its registration). */
export function useOrgVerified(): boolean {
  const { me } = useAuth();
  const org = me?.user.organisation;
  return org?.status === 'verified' && (org.kind === 'employer' || org.kind === 'agency');
}

export function OrgNotVerified() {
  const { t, tx } = useI18n();
  const { me } = useAuth();
  const status = me?.user.organisation?.status;
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="org-not-verified"
      title={t('jobs.employer.notVerifiedTitle')}
      description={
        <>
          <p>{t('errors.JOBS_ORG_NOT_VERIFIED')}</p>
          <p>{t('jobs.employer.notVerifiedText', { status: status ? tx(`orgStatus.${status}`, status) : t('common.notSet') })}</p>
          <ButtonLink to="/workbench">{t('jobs.employer.toWorkbench')}</ButtonLink>
        </>
      }
    />
  );
}
