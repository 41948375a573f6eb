import type { RouteObject } from 'react-router-dom';
import { FollowUpsPage } from './FollowUpsPage';
import { ReliefIntakePage } from './ReliefIntakePage';

/** 急难登记 and 待补全评估. */
export const routes: RouteObject[] = [
  { path: 'relief/intake', element: <ReliefIntakePage /> },
  { path: 'relief/follow-ups', element: <FollowUpsPage /> },
];
