import type { RouteObject } from 'react-router-dom';
import { ApprovalsPage } from './ApprovalsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'approvals', element: <ApprovalsPage /> }];
