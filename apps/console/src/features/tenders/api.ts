import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Tender = components['schemas']['ProjectDto'];
export type TenderDetail = components['schemas']['ProjectDetailDto'];

export const tenderKeys = {
  all: ['tenders'] as const,
  list: ['tenders', 'list'] as const,
  one: (id: string) => ['tenders', 'one', id] as const,
};

/**
 * The tenders open for bids. The API filters by status only; the page filters these by area,
 * category and closing date (the open tenders of a district are a few dozen at most).
 */
export function useTenders() {
  return useQuery({
    queryKey: tenderKeys.list,
    queryFn: () =>
      call(
        api.GET('/api/procurement/projects', {
          params: { query: { status: 'published', page: 1, limit: 100 } },
        }),
      ),
  });
}

export function useTender(id: string | undefined) {
  return useQuery({
    queryKey: tenderKeys.one(id ?? ''),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}
