import type { RouteObject } from 'react-router-dom';
import { AccessLogPage } from './AccessLogPage';

/** This feature's page, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'access-log', element: <AccessLogPage /> }];
