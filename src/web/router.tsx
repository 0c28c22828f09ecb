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
const JobsSearchPage = page(() => import('./features/jobs/JobsSearchPage.js'), 'JobsSearchPage');
const JobDetailPage = page(() => import('./features/jobs/JobDetailPage.js'), 'JobDetailPage');
const EmployerJobsPage = page(() => import('./features/jobs/EmployerJobsPage.js'), 'EmployerJobsPage');
const JobFormPage = page(() => import('./features/jobs/JobFormPage.js'), 'JobFormPage');
const JobsReviewPage = page(() => import('./features/jobs/JobsReviewPage.js'), 'JobsReviewPage');
const ImportsPage = page(() => import('./features/imports/ImportsPage.js'), 'ImportsPage');
const ProfilePage = page(() => import('./features/profile/ProfilePage.js'), 'ProfilePage');
const MyApplicationsPage = page(() => import('./features/applications/MyApplicationsPage.js'), 'MyApplicationsPage');
const ReceivedApplicationsPage = page(() => import('./features/applications/ReceivedApplicationsPage.js'), 'ReceivedApplicationsPage');
const TalentPoolPage = page(() => import('./features/talentpool/TalentPoolPage.js'), 'TalentPoolPage');
const SentInvitationsPage = page(() => import('./features/talentpool/SentInvitationsPage.js'), 'SentInvitationsPage');
const MyInvitationsPage = page(() => import('./features/talentpool/MyInvitationsPage.js'), 'MyInvitationsPage');
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
const RecommendedJobsPage = page(() => import('./features/matching/RecommendedJobsPage.js'), 'RecommendedJobsPage');
const RecommendedTalentsPage = page(() => import('./features/matching/RecommendedTalentsPage.js'), 'RecommendedTalentsPage');
const MatchingStatsPage = page(() => import('./features/matching/MatchingStatsPage.js'), 'MatchingStatsPage');
const NotFoundPage = page(() => import('./features/errors/NotFoundPage.js'), 'NotFoundPage');
const EventsPage = page(() => import('./features/events/EventsPage.js'), 'EventsPage');
const EventDetailPage = page(() => import('./features/events/EventDetailPage.js'), 'EventDetailPage');
const MyEventsPage = page(() => import('./features/events/MyEventsPage.js'), 'MyEventsPage');
const EmployerEventsPage = page(() => import('./features/events/EmployerEventsPage.js'), 'EmployerEventsPage');
const ManageEventsPage = page(() => import('./features/events/ManageEventsPage.js'), 'ManageEventsPage');
const ManageEventPage = page(() => import('./features/events/ManageEventPage.js'), 'ManageEventPage');
const EventFormPage = page(() => import('./features/events/EventFormPage.js'), 'EventFormPage');
const CheckInPage = page(() => import('./features/events/CheckInPage.js'), 'CheckInPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="jobs" element={<JobsSearchPage />} />
        <Route path="jobs/:id" element={<JobDetailPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventDetailPage />} />
        <Route
          path="events/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyEventsPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/events"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <EmployerEventsPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/events"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageEventsPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/events/new"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <EventFormPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/events/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageEventPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/events/:id/edit"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <EventFormPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/events/:id/check-in"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <CheckInPage />
            </RequireRole>
          }
        />
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
          path="imports"
          element={
            <RequireRole roles={ROUTE_ROLES.imports}>
              <ImportsPage />
            </RequireRole>
          }
        />
        <Route
          path="review/jobs"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <JobsReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/jobs"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <EmployerJobsPage />
            </RequireRole>
          }
        />
        <Route
          path="profile"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <ProfilePage />
            </RequireRole>
          }
        />
        <Route
          path="recommended-jobs"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <RecommendedJobsPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/matching"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <MatchingStatsPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/recommended-talents"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <RecommendedTalentsPage />
            </RequireRole>
          }
        />
        <Route
          path="applications"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyApplicationsPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/applications"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <ReceivedApplicationsPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/talent-pool"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <TalentPoolPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/invitations"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <SentInvitationsPage />
            </RequireRole>
          }
        />
        <Route
          path="applications/invitations"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyInvitationsPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/jobs/new"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <JobFormPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/jobs/:id/edit"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <JobFormPage />
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
