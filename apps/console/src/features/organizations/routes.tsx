import type { RouteObject } from 'react-router-dom';
import { OrganizationDetailPage } from './OrganizationDetailPage';
import { OrganizationsPage } from './OrganizationsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'organizations', element: <OrganizationsPage /> },
  { path: 'organizations/:id', element: <OrganizationDetailPage /> },
];
