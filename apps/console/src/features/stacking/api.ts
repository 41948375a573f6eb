import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type StackingRule = components['schemas']['StackingRuleDto'];
export type NewStackingRule = components['schemas']['CreateStackingRuleDto'];
export type StackingKind = components['schemas']['StackingKind'];

export const stackingKeys = {
  rules: ['stacking-rules'] as const,
  resources: (q: string) => ['stacking-rules', 'resources', q] as const,
};

export function useStackingRules() {
  return useQuery({
    queryKey: stackingKeys.rules,
    queryFn: () => call(api.GET('/api/stacking-rules')),
  });
}

/** Resources by title for the pair pickers: the resources list the caller may already read. */
export function useResourceSearch(q: string) {
  return useQuery({
    queryKey: stackingKeys.resources(q),
    queryFn: () =>
      call(api.GET('/api/resources', { params: { query: { q: q || undefined, limit: 20 } } })),
    staleTime: 30_000,
  });
}
