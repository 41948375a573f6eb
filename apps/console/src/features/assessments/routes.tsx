import type { RouteObject } from 'react-router-dom';
import { AssessmentPage } from './AssessmentPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'assessments/:id', element: <AssessmentPage /> }];
