import type { RouteObject } from 'react-router-dom';
import { InboxPage } from './InboxPage';
import { InboxReferralPage } from './InboxReferralPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'inbox', element: <InboxPage /> },
  { path: 'inbox/:id', element: <InboxReferralPage /> },
];
