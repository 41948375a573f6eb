import type { RouteObject } from 'react-router-dom';
import { ContractPage } from './ContractPage';
import { ContractsPage } from './ContractsPage';

/** This feature's pages, mounted under the signed-in layout by app/router.tsx. */
export const routes: RouteObject[] = [
  { path: 'contracts', element: <ContractsPage /> },
  { path: 'contracts/:id', element: <ContractPage /> },
];
