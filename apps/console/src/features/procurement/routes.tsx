import type { RouteObject } from 'react-router-dom';
import { ProjectPage } from './ProjectPage';
import { ProjectsPage } from './ProjectsPage';
import { TenderWizard } from './TenderWizard';

/** Civil-affairs staff's service projects, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'procurement', element: <ProjectsPage /> },
  { path: 'procurement/new', element: <TenderWizard /> },
  { path: 'procurement/:id', element: <ProjectPage /> },
  { path: 'procurement/:id/edit', element: <TenderWizard /> },
];
