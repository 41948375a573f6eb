import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type CaseOutcomesReport = components['schemas']['CaseOutcomesReportDto'];
export type CaseOutcomesRow = components['schemas']['CaseOutcomesRowDto'];
export type CaseOutcomeGroup = CaseOutcomesReport['groupBy'];

export interface CaseOutcomesQuery {
  from?: string;
  to?: string;
  groupBy?: CaseOutcomeGroup;
}

/** The case outcome report (JSON: asked without `format`, the API answers JSON). */
export function useCaseOutcomes(query: CaseOutcomesQuery) {
  return useQuery({
    queryKey: ['reports', 'case-outcomes', query],
    queryFn: async () => {
      const report = await call(api.GET('/api/reports/case-outcomes', { params: { query } }));
      if (typeof report === 'string') throw new Error('expected a JSON report');
      return report as CaseOutcomesReport;
    },
  });
}
