import { createBrowserRouter } from 'react-router-dom';
import { AppLayout } from '@/components/AppLayout';
import { NotFound } from '@/components/NotFound';
import { routes as applications } from '@/features/applications/routes';
import { routes as approvals } from '@/features/approvals/routes';
import { routes as accessLog } from '@/features/access-log/routes';
import { routes as areas } from '@/features/areas/routes';
import { routes as assistanceLookup } from '@/features/assistance/lookup/lookup-routes';
import { routes as assessments } from '@/features/assessments/routes';
import { routes as assistance } from '@/features/assistance/routes';
import { routes as caseCheckins } from '@/features/cases/checkins/routes';
import { routes as cases } from '@/features/cases/routes';
import { routes as contracts } from '@/features/contracts/routes';
import { routes as dashboard } from '@/features/dashboard/routes';
import { LoginPage } from '@/features/auth/LoginPage';
import { ProfilePage } from '@/features/auth/ProfilePage';
import { SetPasswordPage } from '@/features/auth/SetPasswordPage';
import { HomePage } from '@/features/home/HomePage';
import { routes as evaluations } from '@/features/evaluations/routes';
import { routes as households } from '@/features/households/routes';
import { routes as imports } from '@/features/imports/routes';
import { routes as inbox } from '@/features/inbox/routes';
// relief: leads
import { publicRoutes as publicLeadRoutes, routes as leads } from '@/features/leads/routes';
import { NotificationsPage } from '@/features/notifications/NotificationsPage';
import { routes as organizations } from '@/features/organizations/routes';
import { publicRoutes } from '@/features/public/routes';
import { routes as procurement } from '@/features/procurement/routes';
import { routes as provider } from '@/features/provider/routes';
import { routes as referrals } from '@/features/referrals/routes';
import { routes as reliefIntake } from '@/features/relief-intake/routes';
// relief: grants
import { routes as reliefGrants } from '@/features/relief-grants/routes';
// relief: funds
import { routes as reliefFunds } from '@/features/relief-funds/routes';
import { routes as reports } from '@/features/reports/routes';
import { routes as resources } from '@/features/resources/routes';
import { routes as stacking } from '@/features/stacking/routes';
import { routes as rollImports } from '@/features/roll-imports/routes';
import { routes as tenders } from '@/features/tenders/routes';
import { routes as users } from '@/features/users/routes';

/** Public pages, then everything else under the signed-in layout; each feature brings its routes. */
export const router = createBrowserRouter([
  { path: '/login', element: <LoginPage /> },
  { path: '/set-password', element: <SetPasswordPage /> },
  ...publicRoutes,
  // relief: leads
  ...publicLeadRoutes,
  {
    element: <AppLayout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'profile', element: <ProfilePage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      ...households,
      ...caseCheckins,
      ...cases,
      ...assessments,
      ...imports,
      ...inbox,
      ...approvals,
      ...referrals,
      ...resources,
      ...applications,
      ...users,
      ...organizations,
      ...provider,
      ...areas,
      ...dashboard,
      ...reports,
      ...evaluations,
      ...tenders,
      ...contracts,
      ...stacking,

      ...procurement,
      ...assistance,
      ...assistanceLookup,
      ...accessLog,
      // relief: funds
      ...reliefFunds,
      ...rollImports,
      ...reliefIntake,
      // relief: grants
      ...reliefGrants,
      // relief: leads
      ...leads,
      { path: '*', element: <NotFound /> },
    ],
  },
]);
