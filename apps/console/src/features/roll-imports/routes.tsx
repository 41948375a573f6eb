import type { RouteObject } from 'react-router-dom';
import { RollImportsPage } from './RollImportsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'assistance/imports', element: <RollImportsPage /> }];
