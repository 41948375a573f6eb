import type { RouteObject } from 'react-router-dom';
import { ResourceDetailPage } from './ResourceDetailPage';
import { ResourceReviewPage } from './ResourceReviewPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'resources/review', element: <ResourceReviewPage /> },
  { path: 'resources/:id', element: <ResourceDetailPage /> },
];
