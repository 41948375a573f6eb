import { useQuery } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call } from '@/lib/api';

export type PublicArea = components['schemas']['PublicAreaDto'];

export interface DirectoryFilter {
  area?: string;
  category?: string;
  page: number;
  limit: number;
}

export const publicKeys = {
  services: (f: DirectoryFilter) => ['public', 'hsds', f] as const,
  areas: (level: string) => ['public', 'areas', level] as const,
  releases: (page: number, limit: number) => ['public', 'ocds', page, limit] as const,
  release: (id: string) => ['public', 'ocds', id] as const,
};

export function useServices(filter: DirectoryFilter) {
  return useQuery({
    queryKey: publicKeys.services(filter),
    queryFn: () => call(api.GET('/api/exports/hsds/services', { params: { query: filter } })),
  });
}

/** One level of the public area tree (a district's streets and communities fit in a page). */
export function usePublicAreas(level: 'district' | 'street' | 'community') {
  return useQuery({
    queryKey: publicKeys.areas(level),
    queryFn: () => call(api.GET('/api/public/areas', { params: { query: { level, limit: 100 } } })),
    staleTime: 10 * 60_000,
  });
}

export function useReleasePackages(page: number, limit: number) {
  return useQuery({
    queryKey: publicKeys.releases(page, limit),
    queryFn: () =>
      call(api.GET('/api/public/ocds/releases', { params: { query: { page, limit } } })),
  });
}

export function useReleasePackage(id: string) {
  return useQuery({
    queryKey: publicKeys.release(id),
    queryFn: () =>
      call(api.GET('/api/procurement/projects/{id}/ocds', { params: { path: { id } } })),
  });
}
