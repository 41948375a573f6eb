import type { RouteObject } from 'react-router-dom';
import { AwardRedirect } from './AwardRedirect';
import { TenderPage } from './TenderPage';
import { TendersPage } from './TendersPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'tenders', element: <TendersPage /> },
  { path: 'tenders/:id', element: <TenderPage /> },
  { path: 'awards/:id', element: <AwardRedirect /> },
];
