import type { RouteObject } from 'react-router-dom';
import { ReliefFundFormPage } from './ReliefFundFormPage';
import { ReliefFundPage } from './ReliefFundPage';
import { ReliefFundsPage } from './ReliefFundsPage';

/** Relief funds (救助资金): list, create form, a fund's page. */
export const routes: RouteObject[] = [
  { path: 'relief-funds', element: <ReliefFundsPage /> },
  { path: 'relief-funds/new', element: <ReliefFundFormPage /> },
  { path: 'relief-funds/:id', element: <ReliefFundPage /> },
];
