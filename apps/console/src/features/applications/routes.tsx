import type { RouteObject } from 'react-router-dom';
import { ApplicationDetailPage } from './ApplicationDetailPage';
import { ApplicationsPage } from './ApplicationsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'applications', element: <ApplicationsPage /> },
  { path: 'applications/:id', element: <ApplicationDetailPage /> },
];
