import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { api, call, downloadFile } from '@/lib/api';
import i18n from '@/lib/i18n';

export type HouseholdImport = components['schemas']['HouseholdImportDto'];

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const POLL_MS = 1000;

export const importKeys = {
  all: ['household-imports'] as const,
  list: (page: number) => ['household-imports', 'list', page] as const,
  one: (id: string) => ['household-imports', id] as const,
};

/** Refused rows' reasons come in this language (the API declares the header). */
const reasonsLanguage = () => ({ 'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN' });

/** Whether a background import (households, rolls) has ended: polling stops there. */
export const finished = (i: { status: string } | undefined) =>
  i?.status === 'done' || i?.status === 'failed';

/** Poll every second until the import has ended. */
export const importPollInterval = (query: { state: { data?: { status: string } } }) =>
  finished(query.state.data) ? false : POLL_MS;

/** The content type the API expects for a file: by its extension, whatever the browser guessed. */
export function contentTypeOf(file: File): 'text/csv' | typeof XLSX {
  return file.name.toLowerCase().endsWith('.csv') ? 'text/csv' : XLSX;
}

/**
 * Starts an import: the raw file is the request body (no multipart). openapi-fetch sends it as
 * is with a pass-through body serializer, so the request keeps the client's token handling.
 */
export function useStartImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => {
      const type = contentTypeOf(file);
      return call(
        api.POST('/api/households/imports', {
          params: { query: { filename: file.name } },
          body: file as unknown as string,
          bodySerializer: (body: unknown) => body as BodyInit,
          headers: { 'content-type': type },
        }),
      );
    },
    onSuccess: (i) => {
      queryClient.setQueryData(importKeys.one(i.id), i);
      void queryClient.invalidateQueries({ queryKey: importKeys.all });
    },
  });
}

/** One import, polled every second until it is done or failed. */
export function useImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: importKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: async () => {
      const i = await call(
        api.GET('/api/households/imports/{id}', {
          params: { path: { id: id! }, header: reasonsLanguage() },
        }),
      );
      if (finished(i)) void queryClient.invalidateQueries({ queryKey: importKeys.list(1) });
      return i;
    },
    refetchInterval: importPollInterval,
  });
}

export function useImports(page: number) {
  return useQuery({
    queryKey: importKeys.list(page),
    queryFn: () =>
      call(
        api.GET('/api/households/imports', {
          params: { query: { page, limit: 10 }, header: reasonsLanguage() },
        }),
      ),
  });
}

export const downloads = {
  templateXlsx: () =>
    downloadFile(
      api.GET('/api/households/import-template.xlsx', { parseAs: 'blob' }),
      'template.xlsx',
    ),
  templateCsv: () =>
    downloadFile(
      api.GET('/api/households/import-template.csv', { parseAs: 'blob' }),
      'template.csv',
    ),
  errors: (id: string) =>
    downloadFile(
      api.GET('/api/households/imports/{id}/errors.xlsx', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
      'errors.xlsx',
    ),
};
