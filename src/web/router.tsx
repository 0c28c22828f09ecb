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
const DashboardPage = page(() => import('./features/dashboard/DashboardPage.js'), 'DashboardPage');
const TargetsPage = page(() => import('./features/dashboard/TargetsPage.js'), 'TargetsPage');
const ReportsPage = page(() => import('./features/dashboard/ReportsPage.js'), 'ReportsPage');
const NotFoundPage = page(() => import('./features/errors/NotFoundPage.js'), 'NotFoundPage');
const WagesPage = page(() => import('./features/wages/WagesPage.js'), 'WagesPage');
const OpenDataPage = page(() => import('./features/wages/OpenDataPage.js'), 'OpenDataPage');
const SurveysPage = page(() => import('./features/wages/SurveysPage.js'), 'SurveysPage');
const EventsPage = page(() => import('./features/events/EventsPage.js'), 'EventsPage');
const EventDetailPage = page(() => import('./features/events/EventDetailPage.js'), 'EventDetailPage');
const LiteracyEventsPage = page(() => import('./features/events/EventsPage.js'), 'LiteracyEventsPage');
const MyEventsPage = page(() => import('./features/events/MyEventsPage.js'), 'MyEventsPage');
const EmployerEventsPage = page(() => import('./features/events/EmployerEventsPage.js'), 'EmployerEventsPage');
const ManageEventsPage = page(() => import('./features/events/ManageEventsPage.js'), 'ManageEventsPage');
const ManageEventPage = page(() => import('./features/events/ManageEventPage.js'), 'ManageEventPage');
const EventFormPage = page(() => import('./features/events/EventFormPage.js'), 'EventFormPage');
const CheckInPage = page(() => import('./features/events/CheckInPage.js'), 'CheckInPage');
const CompetitionsPage = page(() => import('./features/competitions/CompetitionsPage.js'), 'CompetitionsPage');
const CompetitionDetailPage = page(() => import('./features/competitions/CompetitionDetailPage.js'), 'CompetitionDetailPage');
const MyCompetitionsPage = page(() => import('./features/competitions/MyCompetitionsPage.js'), 'MyCompetitionsPage');
const JudgingPage = page(() => import('./features/competitions/JudgingPage.js'), 'JudgingPage');
const ManageCompetitionsPage = page(() => import('./features/competitions/ManageCompetitionsPage.js'), 'ManageCompetitionsPage');
const ManageCompetitionPage = page(() => import('./features/competitions/ManageCompetitionPage.js'), 'ManageCompetitionPage');
const NewCompetitionPage = page(() => import('./features/competitions/NewCompetitionPage.js'), 'NewCompetitionPage');
const MyArchivePage = page(() => import('./features/archives/MyArchivePage.js'), 'MyArchivePage');
const ArchiveDeskPage = page(() => import('./features/archives/ArchiveDeskPage.js'), 'ArchiveDeskPage');
const ArchiveMaterialsPage = page(() => import('./features/archives/ArchiveMaterialsPage.js'), 'ArchiveMaterialsPage');
const VerifyCustodyPage = page(() => import('./features/archives/VerifyCustodyPage.js'), 'VerifyCustodyPage');
const VenturesPage = page(() => import('./features/ventures/VenturesPage.js'), 'VenturesPage');
const VentureDetailPage = page(() => import('./features/ventures/VentureDetailPage.js'), 'VentureDetailPage');
const MyVenturesPage = page(() => import('./features/ventures/MyVenturesPage.js'), 'MyVenturesPage');
const InvestPage = page(() => import('./features/ventures/InvestPage.js'), 'InvestPage');
const CarrierDeskPage = page(() => import('./features/ventures/CarrierDeskPage.js'), 'CarrierDeskPage');
const ManageVenturesPage = page(() => import('./features/ventures/ManageVenturesPage.js'), 'ManageVenturesPage');
const VENTURE_OWNERS = ['talent', 'employer'] as const;
const AgencyDirectoryPage = page(() => import('./features/agencies/AgencyDirectoryPage.js'), 'AgencyDirectoryPage');
const AgencyWorkspacePage = page(() => import('./features/agencies/AgencyWorkspacePage.js'), 'AgencyWorkspacePage');
const AgencyJobsPage = page(() => import('./features/agencies/AgencyJobsPages.js'), 'AgencyJobsPage');
const AgencyJobFormPage = page(() => import('./features/agencies/AgencyJobsPages.js'), 'AgencyJobFormPage');
const AgenciesManagePage = page(() => import('./features/agencies/AgenciesManagePage.js'), 'AgenciesManagePage');
const AGENCY = ['agency'] as const;
const PoliciesPage = page(() => import('./features/policies/PoliciesPage.js'), 'PoliciesPage');
const PolicyDetailPage = page(() => import('./features/policies/PolicyDetailPage.js'), 'PolicyDetailPage');
const PolicyNoticesPage = page(() => import('./features/policies/NoticesPage.js'), 'NoticesPage');
const MyPoliciesPage = page(() => import('./features/policies/MyPoliciesPage.js'), 'MyPoliciesPage');
const ClaimsReviewPage = page(() => import('./features/policies/ClaimsReviewPage.js'), 'ClaimsReviewPage');
const PaymentBatchesPage = page(() => import('./features/policies/PaymentBatchesPage.js'), 'PaymentBatchesPage');
const POLICY_APPLICANTS = ['talent', 'employer', 'provider', 'evaluator', 'agency', 'host'] as const;
const SkillCataloguesPage = page(() => import('./features/skillcatalog/SkillCataloguesPage.js'), 'SkillCataloguesPage');
const CatalogueDiffPage = page(() => import('./features/skillcatalog/CatalogueDiffPage.js'), 'CatalogueDiffPage');
const ManageCataloguesPage = page(() => import('./features/skillcatalog/ManageCataloguesPage.js'), 'ManageCataloguesPage');
const ManageCataloguePage = page(() => import('./features/skillcatalog/ManageCataloguePage.js'), 'ManageCataloguePage');
const AccreditationReviewPage = page(() => import('./features/providers/AccreditationReviewPage.js'), 'AccreditationReviewPage');
const ProviderAccreditationsPage = page(() => import('./features/providers/ProviderAccreditationsPage.js'), 'ProviderAccreditationsPage');
const CommunitiesPage = page(() => import('./features/providers/CommunitiesPage.js'), 'CommunitiesPage');
const CommunitiesManagePage = page(() => import('./features/providers/CommunitiesManagePage.js'), 'CommunitiesManagePage');
const CommunityManagePage = page(() => import('./features/providers/CommunitiesManagePage.js'), 'CommunityManagePage');
const VerifyPage = page(() => import('./features/certificates/VerifyPage.js'), 'VerifyPage');
const MyCertificatesPage = page(() => import('./features/certificates/MyCertificatesPage.js'), 'MyCertificatesPage');
const MyRecognitionPage = page(() => import('./features/recognition/MyRecognitionPage.js'), 'MyRecognitionPage');
const ReviewerPage = page(() => import('./features/recognition/ReviewerPage.js'), 'ReviewerPage');
const ManageRecognitionPage = page(() => import('./features/recognition/ManageRecognitionPage.js'), 'ManageRecognitionPage');
const HostStationsPage = page(() => import('./features/recognition/HostStationsPage.js'), 'HostStationsPage');
const EvaluationPage = page(() => import('./features/certificates/EvaluationPage.js'), 'EvaluationPage');
const EvaluationSessionPage = page(() => import('./features/certificates/EvaluationSessionPage.js'), 'EvaluationSessionPage');
const ManageCertificatesPage = page(() => import('./features/certificates/ManageCertificatesPage.js'), 'ManageCertificatesPage');
const TrainingClassesPage = page(() => import('./features/training/TrainingClassesPage.js'), 'TrainingClassesPage');
const TrainingClassPage = page(() => import('./features/training/TrainingClassPage.js'), 'TrainingClassPage');
const MyTrainingPage = page(() => import('./features/training/MyTrainingPage.js'), 'MyTrainingPage');
const ProviderClassesPage = page(() => import('./features/training/ProviderClassesPage.js'), 'ProviderClassesPage');
const ClassFormPage = page(() => import('./features/training/ClassFormPage.js'), 'ClassFormPage');
const ProviderClassPage = page(() => import('./features/training/ProviderClassPage.js'), 'ProviderClassPage');
const ClassCheckInPage = page(() => import('./features/training/ClassCheckInPage.js'), 'ClassCheckInPage');
const TrainingStatsPage = page(() => import('./features/training/TrainingStatsPage.js'), 'TrainingStatsPage');
const ProviderPublicPage = page(() => import('./features/training/ProviderPublicPage.js'), 'ProviderPublicPage');
const EmployerSponsorshipsPage = page(() => import('./features/training/EmployerSponsorshipsPage.js'), 'EmployerSponsorshipsPage');

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<HomePage />} />
        <Route path="jobs" element={<JobsSearchPage />} />
        <Route path="jobs/:id" element={<JobDetailPage />} />
        <Route path="events" element={<EventsPage />} />
        <Route path="events/:id" element={<EventDetailPage />} />
        <Route path="literacy" element={<LiteracyEventsPage />} />
        <Route path="competitions" element={<CompetitionsPage />} />
        <Route path="competitions/:id" element={<CompetitionDetailPage />} />
        <Route path="archives/verify/:code" element={<VerifyCustodyPage />} />
        {/* 助创业: public projects, carriers and the 小巨人 list; owners, investors, carrier operators, officials */}
        <Route path="ventures" element={<VenturesPage />} />
        <Route path="ventures/projects/:id" element={<VentureDetailPage />} />
        <Route
          path="ventures/mine"
          element={
            <RequireRole roles={VENTURE_OWNERS}>
              <MyVenturesPage />
            </RequireRole>
          }
        />
        <Route
          path="ventures/invest"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <InvestPage />
            </RequireRole>
          }
        />
        <Route
          path="ventures/carrier"
          element={
            <RequireRole roles={ROUTE_ROLES.host}>
              <CarrierDeskPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/ventures"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageVenturesPage />
            </RequireRole>
          }
        />
        <Route path="agencies" element={<AgencyDirectoryPage />} />
        {/* 人力资源服务机构: workspace, postings for clients (the employer's pages), officials' management */}
        {[
          ['agency', <AgencyWorkspacePage key="w" />],
          ['agency/jobs', <AgencyJobsPage key="j" />],
          ['agency/jobs/new', <AgencyJobFormPage key="n" />],
          ['agency/jobs/:id/edit', <AgencyJobFormPage key="e" />],
          ['agency/applications', <ReceivedApplicationsPage key="a" />],
        ].map(([path, element]) => (
          <Route key={path as string} path={path as string} element={<RequireRole roles={AGENCY}>{element}</RequireRole>} />
        ))}
        <Route
          path="manage/agencies"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <AgenciesManagePage />
            </RequireRole>
          }
        />
        <Route path="policies" element={<PoliciesPage />} />
        <Route path="policies/notices" element={<PolicyNoticesPage />} />
        <Route
          path="policies/mine"
          element={
            <RequireRole roles={POLICY_APPLICANTS}>
              <MyPoliciesPage />
            </RequireRole>
          }
        />
        <Route path="policies/:id" element={<PolicyDetailPage />} />
        <Route
          path="manage/policy-claims"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ClaimsReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/payment-batches"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <PaymentBatchesPage />
            </RequireRole>
          }
        />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="verify/:number" element={<VerifyPage />} />
        <Route
          path="certificates/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyCertificatesPage />
            </RequireRole>
          }
        />
        <Route
          path="recognition/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyRecognitionPage />
            </RequireRole>
          }
        />
        <Route
          path="recognition/reviews"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewer}>
              <ReviewerPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/recognition"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageRecognitionPage />
            </RequireRole>
          }
        />
        <Route
          path="recognition/stations"
          element={
            <RequireRole roles={ROUTE_ROLES.host}>
              <HostStationsPage />
            </RequireRole>
          }
        />
        <Route
          path="evaluation"
          element={
            <RequireRole roles={ROUTE_ROLES.evaluator}>
              <EvaluationPage />
            </RequireRole>
          }
        />
        <Route
          path="evaluation/sessions/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.evaluator}>
              <EvaluationSessionPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/certificates"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageCertificatesPage />
            </RequireRole>
          }
        />
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
        <Route
          path="competitions/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyCompetitionsPage />
            </RequireRole>
          }
        />
        <Route
          path="judging"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewer}>
              <JudgingPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/competitions"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageCompetitionsPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/competitions/new"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <NewCompetitionPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/competitions/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageCompetitionPage />
            </RequireRole>
          }
        />
        <Route
          path="archives/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyArchivePage />
            </RequireRole>
          }
        />
        <Route
          path="archives/desk"
          element={
            <RequireRole roles={['agency', 'official']}>
              <ArchiveDeskPage />
            </RequireRole>
          }
        />
        <Route
          path="archives/materials"
          element={
            <RequireRole roles={['agency', 'official']}>
              <ArchiveMaterialsPage />
            </RequireRole>
          }
        />
        <Route path="training" element={<TrainingClassesPage />} />
        <Route path="training/classes/:id" element={<TrainingClassPage />} />
        <Route path="training/providers/:id" element={<ProviderPublicPage />} />
        <Route
          path="training/mine"
          element={
            <RequireRole roles={ROUTE_ROLES.talent}>
              <MyTrainingPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/classes"
          element={
            <RequireRole roles={ROUTE_ROLES.provider}>
              <ProviderClassesPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/classes/new"
          element={
            <RequireRole roles={ROUTE_ROLES.provider}>
              <ClassFormPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/classes/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.provider}>
              <ProviderClassPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/classes/:id/edit"
          element={
            <RequireRole roles={ROUTE_ROLES.provider}>
              <ClassFormPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/classes/:id/check-in"
          element={
            <RequireRole roles={ROUTE_ROLES.provider}>
              <ClassCheckInPage />
            </RequireRole>
          }
        />
        <Route
          path="employer/training"
          element={
            <RequireRole roles={ROUTE_ROLES.employerJobs}>
              <EmployerSponsorshipsPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/training-stats"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <TrainingStatsPage />
            </RequireRole>
          }
        />
        <Route path="skill-catalogues" element={<SkillCataloguesPage />} />
        <Route path="skill-catalogues/diff" element={<CatalogueDiffPage />} />
        <Route path="communities" element={<CommunitiesPage />} />
        <Route
          path="manage/communities"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <CommunitiesManagePage />
            </RequireRole>
          }
        />
        <Route
          path="manage/communities/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <CommunityManagePage />
            </RequireRole>
          }
        />
        <Route
          path="manage/skill-catalogues"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageCataloguesPage />
            </RequireRole>
          }
        />
        <Route
          path="manage/skill-catalogues/:id"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ManageCataloguePage />
            </RequireRole>
          }
        />
        <Route
          path="review/accreditations"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <AccreditationReviewPage />
            </RequireRole>
          }
        />
        <Route
          path="provider/accreditations"
          element={
            <RequireRole roles={ROUTE_ROLES.providers}>
              <ProviderAccreditationsPage />
            </RequireRole>
          }
        />
        <Route path="occupations" element={<OccupationsPage />} />
        <Route path="sources" element={<SourcesPage />} />
        <Route path="wages" element={<WagesPage />} />
        <Route path="open-data" element={<OpenDataPage />} />
        <Route
          path="manage/wage-surveys"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <SurveysPage />
            </RequireRole>
          }
        />
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
        <Route
          path="dashboard"
          element={
            <RequireRole roles={ROUTE_ROLES.dashboard}>
              <DashboardPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/targets"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <TargetsPage />
            </RequireRole>
          }
        />
        <Route
          path="dashboard/reports"
          element={
            <RequireRole roles={ROUTE_ROLES.reviewJobs}>
              <ReportsPage />
            </RequireRole>
          }
        />
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}
