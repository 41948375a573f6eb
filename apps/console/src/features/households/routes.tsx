import type { RouteObject } from 'react-router-dom';
import { HouseholdNewPage } from './HouseholdNewPage';
import { HouseholdPage } from './HouseholdPage';
import { HouseholdsPage } from './HouseholdsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'households', element: <HouseholdsPage /> },
  { path: 'households/new', element: <HouseholdNewPage /> },
  { path: 'households/:id', element: <HouseholdPage /> },
];
