import type { RouteObject } from 'react-router-dom';
import { ReferralDetailPage } from './ReferralDetailPage';
import { ReferralsPage } from './ReferralsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'referrals', element: <ReferralsPage /> },
  { path: 'referrals/:id', element: <ReferralDetailPage /> },
];
