import type { RouteObject } from 'react-router-dom';
import { ImportsPage } from './ImportsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'imports', element: <ImportsPage /> }];
