import type { RouteObject } from 'react-router-dom';

/** The dashboard's charts load on their own (ECharts is large): only those who open it fetch it. */
export const routes: RouteObject[] = [
  {
    path: 'dashboard',
    lazy: async () => ({ Component: (await import('./DashboardPage')).DashboardPage }),
  },
];
