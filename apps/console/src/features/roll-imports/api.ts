import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { components } from '@/api/generated/schema';
import { finished, importPollInterval } from '@/features/imports/api';
import { api, call, downloadFile } from '@/lib/api';
import { fileForm } from '@/lib/file-form';
import i18n from '@/lib/i18n';

export type RollImport = components['schemas']['AssistanceImportDto'];
export type RollFields = Omit<components['schemas']['StartRollImportBodyDto'], 'file'>;

export const rollImportKeys = {
  all: ['assistance-imports'] as const,
  list: (page: number) => ['assistance-imports', 'list', page] as const,
  one: (id: string) => ['assistance-imports', id] as const,
};

/** Refused rows' reasons come in this language (the API declares the header). */
const reasonsLanguage = () => ({ 'accept-language': i18n.language === 'en' ? 'en' : 'zh-CN' });

/** The roll and the form's fields as one multipart body (empty fields are left out). */
function rollForm(file: File, fields: RollFields): FormData {
  const form = fileForm(file, file.name);
  for (const [name, value] of Object.entries(fields)) {
    if (typeof value === 'string' && value.trim() !== '') form.append(name, value.trim());
  }
  return form;
}

export function useStartRollImport() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, fields }: { file: File; fields: RollFields }) =>
      call(
        api.POST('/api/assistance-imports', {
          // The schema types the binary part as a string; the browser sends the File itself.
          body: { ...fields, file: file as unknown as string },
          bodySerializer: () => rollForm(file, fields),
        }),
      ),
    onSuccess: (i) => {
      queryClient.setQueryData(rollImportKeys.one(i.id), i);
      void queryClient.invalidateQueries({ queryKey: rollImportKeys.all });
    },
  });
}

/** One roll import, polled every second until it is done or failed. */
export function useRollImport(id: string | null) {
  const queryClient = useQueryClient();
  return useQuery({
    queryKey: rollImportKeys.one(id ?? ''),
    enabled: !!id,
    queryFn: async () => {
      const i = await call(
        api.GET('/api/assistance-imports/{id}', {
          params: { path: { id: id! }, header: reasonsLanguage() },
        }),
      );
      if (finished(i)) void queryClient.invalidateQueries({ queryKey: rollImportKeys.list(1) });
      return i;
    },
    refetchInterval: importPollInterval,
  });
}

export function useRollImports(page: number) {
  return useQuery({
    queryKey: rollImportKeys.list(page),
    queryFn: () =>
      call(
        api.GET('/api/assistance-imports', {
          params: { query: { page, limit: 10 }, header: reasonsLanguage() },
        }),
      ),
  });
}

export const rollDownloads = {
  template: () =>
    downloadFile(
      api.GET('/api/assistance-imports/template', { parseAs: 'blob' }),
      'roll-template.xlsx',
    ),
  errors: (id: string) =>
    downloadFile(
      api.GET('/api/assistance-imports/{id}/errors', {
        params: { path: { id } },
        parseAs: 'blob',
      }),
      'roll-errors.xlsx',
    ),
};
