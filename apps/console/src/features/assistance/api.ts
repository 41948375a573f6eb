import { useQuery } from '@tanstack/react-query';
import type { components, paths } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type AssistanceEntry = components['schemas']['AssistanceEntryDto'];
export type HistoryItem = components['schemas']['AssistanceHistoryItemDto'];
export type NewAssistanceEntry = components['schemas']['RecordAssistanceEntryDto'];
export type EntryQuery = NonNullable<
  paths['/api/assistance-entries']['get']['parameters']['query']
>;

export const assistanceKeys = {
  all: ['assistance'] as const,
  history: (householdId: string) => ['assistance', 'history', householdId] as const,
  list: (query: EntryQuery) => ['assistance', 'entries', query] as const,
};

/** A household's assistance history: ledger entries of every source and pending referrals. */
export function useAssistanceHistory(householdId: string) {
  return useQuery({
    queryKey: assistanceKeys.history(householdId),
    queryFn: () =>
      call(api.GET('/api/households/{id}/assistance', { params: { path: { id: householdId } } })),
    select: (h) => h.items,
  });
}

export function useAssistanceEntries(query: EntryQuery) {
  return useQuery({
    queryKey: assistanceKeys.list(query),
    queryFn: () => call(api.GET('/api/assistance-entries', { params: { query } })),
  });
}

/** Need categories for the record form's select, from the categories API. */
export function useCategories() {
  return useQuery({
    queryKey: ['categories'],
    queryFn: () => call(api.GET('/api/categories')),
    staleTime: 10 * 60_000,
  });
}

/** Verified organizations staff may name as the granting one (those of their area). */
export function useGrantingOrganizations(enabled: boolean) {
  return useQuery({
    queryKey: ['providers', 'verified'],
    queryFn: () =>
      call(
        api.GET('/api/providers', { params: { query: { verification: 'verified', limit: 100 } } }),
      ),
    select: (page) => page.items,
    enabled,
    staleTime: 5 * 60_000,
  });
}

export const recordEntry = (body: NewAssistanceEntry) =>
  call(api.POST('/api/assistance-entries', { body }));

export const voidEntry = (id: string, reason: string) =>
  call(
    api.POST('/api/assistance-entries/{id}/void', {
      params: { path: { id } },
      body: { reason },
    }),
  );
