import type { RouteObject } from 'react-router-dom';
import { StackingRulesPage } from './StackingRulesPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [{ path: 'stacking-rules', element: <StackingRulesPage /> }];
