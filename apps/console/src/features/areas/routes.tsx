import type { RouteObject } from 'react-router-dom';
import { AreasPage } from './AreasPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'areas', element: <AreasPage /> }];
