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

// ledger: reports
export type AssistanceReport = components['schemas']['AssistanceReportDto'];
export type AssistanceRow = components['schemas']['AssistanceRowDto'];
export type AssistanceGroup = AssistanceReport['groupBy'];
export type AssistanceMonthlyReport = components['schemas']['AssistanceMonthlyReportDto'];
export type AssistanceMonth = components['schemas']['AssistanceMonthDto'];
export type MissedAssistanceReport = components['schemas']['MissedAssistanceReportDto'];
export type MissedAssistanceRow = components['schemas']['MissedAssistanceRowDto'];
export type AssistanceDuplicatesReport = components['schemas']['AssistanceDuplicatesReportDto'];
export type AssistanceDuplicate = components['schemas']['AssistanceDuplicateDto'];
export type DuplicateBenefit = components['schemas']['DuplicateBenefitDto'];

/** China calendar months `from`…`to` (`YYYY-MM`). */
export interface MonthsQuery {
  from?: string;
  to?: string;
}

/** The reports answer JSON or a file by `format`; asked without it, the answer is JSON. */
const jsonReport = <T>(answer: T | string): T => {
  if (typeof answer === 'string') throw new Error('expected a JSON report');
  return answer;
};

/** The assistance bulletin table per group. */
export function useAssistance(query: MonthsQuery & { groupBy: AssistanceGroup }) {
  return useQuery({
    queryKey: ['reports', 'assistance', query],
    queryFn: async () =>
      jsonReport(
        (await call(api.GET('/api/reports/assistance', { params: { query } }))) as
          AssistanceReport | string,
      ),
  });
}

/** Assistance per month: household-times, money spent, households. */
export function useAssistanceMonthly(query: MonthsQuery) {
  return useQuery({
    queryKey: ['reports', 'assistance', 'monthly', query],
    queryFn: async () =>
      jsonReport(
        (await call(api.GET('/api/reports/assistance/monthly', { params: { query } }))) as
          AssistanceMonthlyReport | string,
      ),
  });
}

/** Households with open needs and no assistance in `months` months. */
export function useMissedAssistance(months: number) {
  return useQuery({
    queryKey: ['reports', 'missed-assistance', months],
    queryFn: async () =>
      jsonReport(
        (await call(
          api.GET('/api/reports/missed-assistance', { params: { query: { months } } }),
        )) as MissedAssistanceReport | string,
      ),
  });
}

/** The same benefit twice in one period, from any sources. */
export function useAssistanceDuplicates(query: MonthsQuery) {
  return useQuery({
    queryKey: ['reports', 'assistance-duplicates', query],
    queryFn: async () =>
      jsonReport(
        (await call(api.GET('/api/reports/assistance-duplicates', { params: { query } }))) as
          AssistanceDuplicatesReport | string,
      ),
  });
}
