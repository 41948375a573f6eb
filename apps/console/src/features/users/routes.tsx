import type { RouteObject } from 'react-router-dom';
import { UsersPage } from './UsersPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'users', element: <UsersPage /> }];
