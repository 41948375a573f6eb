import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { components, operations } from '@/api/generated/schema';
import { api, call } from '@/lib/api';
import { useMe } from '@/lib/auth';

export type Provider = components['schemas']['ProviderDto'];
export type ProviderQuery = NonNullable<
  operations['ProvidersController_list']['parameters']['query']
>;

export const providerKeys = {
  all: ['providers'] as const,
  list: (query: ProviderQuery) => ['providers', 'list', query] as const,
  one: (id: string) => ['providers', 'one', id] as const,
};

export function useProviders(query: ProviderQuery) {
  return useQuery({
    queryKey: providerKeys.list(query),
    queryFn: () => call(api.GET('/api/providers', { params: { query } })),
    placeholderData: keepPreviousData,
  });
}

export function useProvider(id: string | undefined) {
  return useQuery({
    queryKey: providerKeys.one(id ?? ''),
    queryFn: () => call(api.GET('/api/providers/{id}', { params: { path: { id: id! } } })),
    enabled: !!id,
  });
}

/** The providers in scope (first 100) as select options and a name lookup, for the users pages. */
export function useProviderChoices() {
  // A provider's organization admin may not list providers: its own is the only choice.
  const me = useMe();
  const own = me.role === 'provider';
  const providers = useQuery({
    queryKey: providerKeys.list({ page: 1, limit: 100 }),
    queryFn: () => call(api.GET('/api/providers', { params: { query: { page: 1, limit: 100 } } })),
    enabled: !own,
  });
  const mine = useProvider(own ? (me.providerId ?? undefined) : undefined);
  const items = own ? (mine.data ? [mine.data] : []) : (providers.data?.items ?? []);
  return {
    loading: own ? mine.isLoading : providers.isLoading,
    options: items.map((p) => ({ value: p.id, label: p.name })),
    name: (id: string | null | undefined) => (id && items.find((p) => p.id === id)?.name) || '—',
  };
}
