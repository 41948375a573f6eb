import type { RouteObject } from 'react-router-dom';
import { CheckInPage } from './CheckInPage';

/** The check-in form, reached from the case page's 电话回访 / 入户回访 buttons. */
export const routes: RouteObject[] = [{ path: 'cases/:id/check-in', element: <CheckInPage /> }];
