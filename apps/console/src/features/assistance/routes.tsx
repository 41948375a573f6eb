import type { RouteObject } from 'react-router-dom';
import { AssistanceEntriesPage } from './AssistanceEntriesPage';
import { RecordAssistancePage } from './RecordAssistancePage';

/** The assistance ledger's entries pages (the lookup part mounts its own lookup-routes.tsx). */
export const routes: RouteObject[] = [
  { path: 'assistance', element: <AssistanceEntriesPage /> },
  { path: 'assistance/record', element: <RecordAssistancePage /> },
];
