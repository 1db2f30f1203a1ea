import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { RequireSession } from './components/RequireSession';
import { Shell } from './components/Shell';
import { SegmentsPage } from './pages/segments/SegmentsPage';
import { SignInPage } from './pages/signin/SignInPage';
import { SubscribersPage } from './pages/subscribers/SubscribersPage';

const router = createBrowserRouter(
  [
    { path: '/signin', element: <SignInPage /> },
    {
      element: (
        <RequireSession>
          <Shell />
        </RequireSession>
      ),
      children: [
        { index: true, element: <Navigate to="/subscribers" replace /> },
        { path: '/subscribers', element: <SubscribersPage /> },
        { path: '/segments', element: <SegmentsPage /> },
        { path: '*', element: <Navigate to="/subscribers" replace /> },
      ],
    },
  ],
  { basename: '/console' },
);

export function App() {
  return <RouterProvider router={router} />;
}
