import type { RouteObject } from 'react-router-dom';
import { CaseOutcomesPage } from './CaseOutcomesPage';
// ledger: reports
import { AssistanceDuplicatesPage } from './AssistanceDuplicatesPage';
import { AssistancePage } from './AssistancePage';
import { MissedAssistancePage } from './MissedAssistancePage';

export const routes: RouteObject[] = [
  { path: 'reports/case-outcomes', element: <CaseOutcomesPage /> },
  // ledger: reports
  { path: 'reports/assistance', element: <AssistancePage /> },
  { path: 'reports/missed-assistance', element: <MissedAssistancePage /> },
  { path: 'reports/assistance-duplicates', element: <AssistanceDuplicatesPage /> },
];
