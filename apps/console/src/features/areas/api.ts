import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Area = components['schemas']['AreaDto'];
export type AreaDetail = components['schemas']['AreaDetailDto'];

export const areaKeys = {
  all: ['areas'] as const,
  scope: ['areas', 'scope'] as const,
  one: (id: string) => ['areas', 'one', id] as const,
};

/** The API pages by 100 at most; a scope holds a few hundred areas, so all pages are read. */
async function allAreasInScope(): Promise<Area[]> {
  const areas: Area[] = [];
  for (let page = 1; ; page++) {
    const answer = await call(api.GET('/api/areas', { params: { query: { page, limit: 100 } } }));
    areas.push(...answer.items);
    if (areas.length >= answer.total || answer.items.length === 0) return areas;
  }
}

/** Every area the caller may see (their own and below). */
export function useAreasInScope() {
  return useQuery({ queryKey: areaKeys.scope, queryFn: allAreasInScope, staleTime: 60_000 });
}

export function useArea(id: string | undefined) {
  return useQuery({
    queryKey: areaKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/areas/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
