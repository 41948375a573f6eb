import type { RouteObject } from 'react-router-dom';
import { OrganizationPage } from './OrganizationPage';
import { ResourcesPage } from './ResourcesPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'provider/resources', element: <ResourcesPage /> },
  { path: 'provider/organization', element: <OrganizationPage /> },
];
