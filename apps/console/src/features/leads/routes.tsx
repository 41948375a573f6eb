import type { RouteObject } from 'react-router-dom';
import { LeadPage } from './LeadPage';
import { LeadQueuePage } from './LeadQueuePage';
import { LeadReportPage } from './LeadReportPage';
import { MyLeadsPage } from './MyLeadsPage';
import { PublicReportPage } from './PublicReportPage';
import { ReportLeadPage } from './ReportLeadPage';

/** Leads under the signed-in layout. */
export const routes: RouteObject[] = [
  { path: 'leads', element: <LeadQueuePage /> },
  { path: 'leads/new', element: <ReportLeadPage /> },
  { path: 'leads/mine', element: <MyLeadsPage /> },
  { path: 'leads/:id', element: <LeadPage /> },
  { path: 'reports/leads', element: <LeadReportPage /> },
];

/** The public form, without login (app/router.tsx mounts it beside the other public pages). */
export const publicRoutes: RouteObject[] = [{ path: '/report', element: <PublicReportPage /> }];
