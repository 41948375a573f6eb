import type { RouteObject } from 'react-router-dom';
import { CaseOutcomesPage } from './CaseOutcomesPage';

export const routes: RouteObject[] = [
  { path: 'reports/case-outcomes', element: <CaseOutcomesPage /> },
];
