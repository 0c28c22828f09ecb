/** Guards a page: anonymous visitors go to /login (and come back after), other roles see 403. */
import { Result, Spin } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router';
import type { Role } from '../../shared/roles.js';
import { ButtonLink } from '../components/ButtonLink.js';
import { useT } from '../i18n/I18nProvider.js';
import { type LoginNotice, useAuth } from './AuthProvider.js';

export function PageSpinner() {
  const t = useT();
  return (
    <div className="page-spinner" role="status" aria-live="polite">
      <Spin />
      <span className="sr-only">{t('app.loading')}</span>
    </div>
  );
}

export function RequireRole({ roles, children }: { roles?: readonly Role[]; children: ReactNode }) {
  const { state } = useAuth();
  const location = useLocation();
  const t = useT();
  if (state.status === 'loading') return <PageSpinner />;
  if (state.status === 'anonymous') {
    const notice: LoginNotice = { reason: 'login_required', from: location.pathname + location.search };
    return <Navigate to="/login" replace state={notice} />;
  }
  if (roles && !roles.includes(state.me.user.role)) {
    return (
      <Result
        status="403"
        title={<h1 className="result-title">{t('common.forbiddenTitle')}</h1>}
        subTitle={t('common.forbiddenText')}
        extra={
          <ButtonLink to="/workbench" type="primary">
            {t('nav.workbench')}
          </ButtonLink>
        }
      />
    );
  }
  return <>{children}</>;
}
