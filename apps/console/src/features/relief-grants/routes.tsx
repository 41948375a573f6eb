import type { RouteObject } from 'react-router-dom';
import { GrantLimitsPage } from './GrantLimitsPage';
import { GrantDecisionPage } from './GrantDecisionPage';
import { GrantsQueuePage } from './GrantsQueuePage';
import { RequestGrantPage } from './RequestGrantPage';

/** 临时救助: the queue, the request form (from a household), one grant's decision. */
export const routes: RouteObject[] = [
  { path: 'relief-grants', element: <GrantsQueuePage /> },
  { path: 'relief-grants/new', element: <RequestGrantPage /> },
  { path: 'relief-grants/limits', element: <GrantLimitsPage /> },
  { path: 'relief-grants/:id', element: <GrantDecisionPage /> },
];
