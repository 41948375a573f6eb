import type { RouteObject } from 'react-router-dom';
import { LookupPage } from './LookupPage';

/** The lookup's page, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'assistance/lookup', element: <LookupPage /> }];
