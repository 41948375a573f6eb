import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type Lead = components['schemas']['LeadDto'];
export type LeadContact = components['schemas']['LeadContactDto'];
export type LeadSummary = components['schemas']['LeadSummaryDto'];
export type MyLead = components['schemas']['MyLeadDto'];
export type NewLead = components['schemas']['ReportLeadDto'];
export type NewPublicLead = components['schemas']['PublicReportLeadDto'];
export type PublicArea = components['schemas']['PublicAreaDto'];
export type LeadStatus = LeadSummary['status'];

export const leadKeys = {
  all: ['leads'] as const,
  queue: (status: LeadStatus | undefined, page: number) =>
    ['leads', 'queue', status, page] as const,
  mine: (page: number) => ['leads', 'mine', page] as const,
  one: (id: string) => ['leads', 'one', id] as const,
};

/** The area tree as the public sees it (names only), one level or one parent's children. */
export const publicAreas = (query: { level?: 'district'; parentId?: string }) =>
  call(api.GET('/api/public/areas', { params: { query: { ...query, limit: 100 } } })).then(
    (page) => page.items,
  );

export const reportLead = (body: NewLead) => call(api.POST('/api/leads', { body }));
export const reportPublicLead = (body: NewPublicLead) =>
  call(api.POST('/api/public/leads', { body }));

export function useMyLeads(page: number) {
  return useQuery({
    queryKey: leadKeys.mine(page),
    queryFn: () => call(api.GET('/api/leads/mine', { params: { query: { page, limit: 20 } } })),
  });
}

export function useLeadQueue(status: LeadStatus | undefined, page: number) {
  return useQuery({
    queryKey: leadKeys.queue(status, page),
    queryFn: () => call(api.GET('/api/leads', { params: { query: { status, page, limit: 20 } } })),
    refetchInterval: 60_000,
  });
}

/** GET /api/reports/leads for a period of Beijing days. */
export function useLeadReport(from: string, to: string) {
  return useQuery({
    queryKey: ['leads', 'report', from, to] as const,
    queryFn: () => call(api.GET('/api/reports/leads', { params: { query: { from, to } } })),
  });
}

export function useLead(id: string, enabled = true) {
  return useQuery({
    queryKey: leadKeys.one(id),
    queryFn: () => call(api.GET('/api/leads/{id}', { params: { path: { id } } })),
    enabled,
  });
}

export const triageLead = (id: string, note?: string) =>
  call(api.POST('/api/leads/{id}/triage', { params: { path: { id } }, body: { note } }));
export const linkLead = (id: string, householdId: string) =>
  call(api.POST('/api/leads/{id}/link', { params: { path: { id } }, body: { householdId } }));
export const closeLead = (id: string, reason: string) =>
  call(api.POST('/api/leads/{id}/close', { params: { path: { id } }, body: { reason } }));
/** The numbers in clear; the API records who asked (and from which page) in the audit log. */
export const leadContact = (id: string) =>
  call(api.POST('/api/leads/{id}/contact', { params: { path: { id } } }));
