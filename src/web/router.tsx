/** Routes. Every page is a lazy chunk; guarded pages name the roles that may open them. */
import { type ComponentType, lazy } from 'react';
import { Route, Routes } from 'react-router';
import { RequireRole } from './auth/RequireRole.js';
import { AppLayout } from './components/AppLayout.js';
import { ROUTE_ROLES } from './components/nav-items.js';

function page<K extends string>(load: () => Promise<Record<K, ComponentType>>, name: K) {
  return lazy(async () => ({ default: (await load())[name] }));
}

const HomePage = page(() => import('./features/home/HomePage.js'), 'HomePage');
const JobsPlaceholderPage = page(() => import('./features/jobs/JobsPlaceholderPage.js'), 'JobsPlaceholderPage');
const OccupationsPage = page(() => import('./features/catalog/OccupationsPage.js'), 'OccupationsPage');
const SourcesPage = page(() => import('./features/catalog/SourcesPage.js'), 'SourcesPage');
const PrivacyPage = page(() => import('./features/legal/PrivacyPage.js'), 'PrivacyPage');
const AboutPage = page(() => import('./features/legal/AboutPage.js'), 'AboutPage');
const LoginPage = page(() => import('./features/auth/LoginPage.js'), 'LoginPage');
const RegisterPage = page(() => import('./features/auth/RegisterPage.js'), 'RegisterPage');
const WorkbenchPage = page(() => import('./features/workbench/WorkbenchPage.js'), 'WorkbenchPage');
const ReviewPage = page(() => import('./features/review/OrganisationsReviewPage.js'), 'OrganisationsReviewPage');
const AuditPage = page(() => import('./features/audit/AuditPage.js'), 'AuditPage');
const AdminUsersPage = page(() => import('./features/admin/AdminUsersPage.js'), 'AdminUsersPage');
const AccountPage = page(() => import('./features/account/AccountPage.js'), 'AccountPage');
const NotFoundPage = page(() => import('./features/errors/NotFoundPage.js'), 'NotFoundPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="jobs" element={<JobsPlaceholderPage />} />
        <Route path="occupations" element={<OccupationsPage />} />
        <Route path="sources" element={<SourcesPage />} />
        <Route path="privacy" element={<PrivacyPage />} />
        <Route path="about" element={<AboutPage />} />
        <Route path="login" element={<LoginPage />} />
        <Route path="register" element={<RegisterPage />} />
        <Route
          path="workbench"
          element={
            <RequireRole>
              <WorkbenchPage />
            </RequireRole>
          }
        />
        <Route
          path="account"
          element={
            <RequireRole>
              <AccountPage />
            </RequireRole>
          }
        />
        <Route
          path="review/organisations"
          element={
            <RequireRole roles={ROUTE_ROLES.review}>
              <ReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="audit"
          element={
            <RequireRole roles={ROUTE_ROLES.audit}>
              <AuditPage />
            </RequireRole>
          }
        />
        <Route
          path="admin/users"
          element={
            <RequireRole roles={ROUTE_ROLES.adminUsers}>
              <AdminUsersPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
