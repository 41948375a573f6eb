import type { RouteObject } from 'react-router-dom';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [];
