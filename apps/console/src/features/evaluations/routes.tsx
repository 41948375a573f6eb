import type { RouteObject } from 'react-router-dom';
import { ContractEvaluationPage } from './ContractEvaluationPage';
import { MyTasksPage } from './MyTasksPage';
import { ProjectReviewPage } from './ProjectReviewPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'tasks', element: <MyTasksPage /> },
  { path: 'tasks/projects/:id', element: <ProjectReviewPage /> },
  { path: 'tasks/evaluations/:id', element: <ContractEvaluationPage /> },
];
