import type { RouteObject } from 'react-router-dom';
import { CaseloadPage } from './CaseloadPage';
import { CasePage } from './CasePage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'cases', element: <CaseloadPage /> },
  { path: 'cases/:id', element: <CasePage /> },
];
