import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { ApiError } from './api/errors';
import { RequireAuth } from './auth/require-auth';
import { Layout } from './layout/layout';
import { HomePage } from './pages/home-page';
import { NotFoundPage } from './pages/not-found-page';
import { ProfilePage } from './pages/profile-page';
import { RouteErrorPage } from './pages/route-error-page';
import { SignInPage } from './pages/sign-in-page';
import { SignUpPage } from './pages/sign-up-page';
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
      {
        path: 'staff',
        children: [{ path: 'stripe-events', element: <RequireAuth><StripeEventsPage /></RequireAuth> }],
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
