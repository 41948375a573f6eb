import { Navigate, type RouteObject } from 'react-router-dom';
import { PublicLayout } from './PublicLayout';
import { ResourceDirectoryPage } from './ResourceDirectoryPage';
import { TenderPage } from './TenderPage';
import { TendersPage } from './TendersPage';

/** Pages anyone may open, outside the signed-in layout (app/router.tsx mounts them). */
export const publicRoutes: RouteObject[] = [
  {
    path: '/public',
    element: <PublicLayout />,
    children: [
      { index: true, element: <Navigate to="resources" replace /> },
      { path: 'resources', element: <ResourceDirectoryPage /> },
      { path: 'tenders', element: <TendersPage /> },
      { path: 'tenders/:id', element: <TenderPage /> },
    ],
  },
];
