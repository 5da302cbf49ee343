import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/errors';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './layout/layout';
import { CatalogPage } from './pages/catalog/catalog-page';
import { PublicListingPage } from './pages/catalog/public-listing-page';
import { AskQuestionPage } from './pages/community/ask-question-page';
import { IdeaPage } from './pages/community/idea-page';
import { IdeasPage } from './pages/community/ideas-page';
import { LeaderboardPage } from './pages/community/leaderboard-page';
import { MemberPage } from './pages/community/member-page';
import { NewIdeaPage } from './pages/community/new-idea-page';
import { QuestionPage } from './pages/community/question-page';
import { QuestionsPage } from './pages/community/questions-page';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { NotificationsPage } from './pages/notifications/notifications-page';
import { PartnerProgramPage } from './pages/partner-program/partner-program-page';
import { InvitationPage } from './pages/partners/invitation-page';
import { PartnerDashboardPage } from './pages/partners/partner-dashboard-page';
import { PartnerProfilePage } from './pages/partners/partner-profile-page';
import { PartnerStripePage } from './pages/partners/partner-stripe-page';
import { PluginReviewPage } from './pages/plugin-reviews/plugin-review-page';
import { PluginReviewsPage } from './pages/plugin-reviews/plugin-reviews-page';
import { PartnerListingPage } from './pages/plugins/partner-listing-page';
import { PartnerPluginsPage } from './pages/plugins/partner-plugins-page';
import { ProfilePage } from './pages/profile-page';
import { RouteErrorPage } from './pages/route-error-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
import { AdvocatesPage } from './pages/staff-advocates/advocates-page';
import { CommunityReportsPage } from './pages/staff-community-reports/reports-page';
import { StaffApplicationPage } from './pages/staff-applications/staff-application-page';
import { StaffApplicationsPage } from './pages/staff-applications/staff-applications-page';
import { StaffPartnersPage } from './pages/staff-partners/staff-partners-page';
import { StripeEventsPage } from './pages/stripe-events/stripe-events-page';
import { TokensPage } from './pages/tokens/tokens-page';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not change by asking again; network blips and 5xx get a couple more tries.
      retry: (failures, error) => !(error instanceof ApiError && error.status < 500) && failures < 2,
      refetchOnWindowFocus: false,
    },
  },
});

const router = createBrowserRouter([
  {
    element: <Layout />,
    errorElement: <RouteErrorPage />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'sign-up', element: <SignUpPage /> },
      {
        path: 'profile',
        children: [
          { index: true, element: <RequireAuth><ProfilePage /></RequireAuth> },
          { path: 'tokens', element: <RequireAuth><TokensPage /></RequireAuth> },
        ],
      },
      { path: 'notifications', element: <RequireAuth><NotificationsPage /></RequireAuth> },
      { path: 'partner-program', element: <PartnerProgramPage /> },
      {
        path: 'partners/:namespace',
        children: [
          { index: true, element: <PartnerProfilePage /> },
          { path: 'dashboard', element: <RequireAuth><PartnerDashboardPage /></RequireAuth> },
          { path: 'stripe', element: <RequireAuth><PartnerStripePage /></RequireAuth> },
          { path: 'plugins', element: <RequireAuth><PartnerPluginsPage /></RequireAuth> },
          { path: 'plugins/:plugin', element: <RequireAuth><PartnerListingPage /></RequireAuth> },
        ],
      },
      { path: 'invitations/:token', element: <InvitationPage /> },
      {
        path: 'community',
        children: [
          { index: true, element: <QuestionsPage /> },
          { path: 'questions/new', element: <RequireAuth><AskQuestionPage /></RequireAuth> },
          { path: 'questions/:id', element: <QuestionPage /> },
          { path: 'ideas', element: <IdeasPage /> },
          { path: 'ideas/new', element: <RequireAuth><NewIdeaPage /></RequireAuth> },
          { path: 'ideas/:id', element: <IdeaPage /> },
          { path: 'members/:id', element: <MemberPage /> },
          { path: 'leaderboard', element: <LeaderboardPage /> },
        ],
      },
      {
        path: 'plugins',
        children: [
          { index: true, element: <CatalogPage /> },
          { path: ':namespace/:plugin', element: <PublicListingPage /> },
        ],
      },
      {
        path: 'staff',
        children: [
          { path: 'stripe-events', element: <RequireAuth><StripeEventsPage /></RequireAuth> },
          { path: 'partner-applications', element: <RequireAuth><StaffApplicationsPage /></RequireAuth> },
          { path: 'partner-applications/:id', element: <RequireAuth><StaffApplicationPage /></RequireAuth> },
          { path: 'partners', element: <RequireAuth><StaffPartnersPage /></RequireAuth> },
          { path: 'plugin-reviews', element: <RequireAuth><PluginReviewsPage /></RequireAuth> },
          { path: 'plugin-reviews/:id', element: <RequireAuth><PluginReviewPage /></RequireAuth> },
          { path: 'advocates', element: <RequireAuth><AdvocatesPage /></RequireAuth> },
          { path: 'community-reports', element: <RequireAuth><CommunityReportsPage /></RequireAuth> },
        ],
      },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);

export function App() {
  return (
    <QueryClientProvider client={queryClient}>
      <RouterProvider router={router} />
    </QueryClientProvider>
  );
}
