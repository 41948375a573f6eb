import type { RouteObject } from 'react-router-dom';
import { OrganizationPage } from './OrganizationPage';
import { ResourceFormPage } from './ResourceFormPage';
import { ResourcesPage } from './ResourcesPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'provider/resources', element: <ResourcesPage /> },
  { path: 'provider/resources/new', element: <ResourceFormPage /> },
  { path: 'provider/resources/:id/edit', element: <ResourceFormPage /> },
  { path: 'provider/organization', element: <OrganizationPage /> },
];
