import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { api, call } from './api';

type Labels = Record<string, Record<string, Record<string, string>>>;

/**
 * Codes are shown by the labels the API publishes (GET /api/dictionaries), in the console's
 * language; an unknown code shows as itself rather than vanish.
 */
export function useDictionaries() {
  return useQuery({
    queryKey: ['dictionaries'],
    queryFn: () => call(api.GET('/api/dictionaries')),
    staleTime: Infinity,
  });
}

/** `label('tier', 'A')` → "一级（高度困难）" (or its English label). */
export function useLabel(): (group: string, code: string | null | undefined) => string {
  const { data } = useDictionaries();
  const { i18n } = useTranslation();
  const lang = i18n.language === 'en' ? 'en' : 'zh-CN';
  return useCallback(
    (group, code) => {
      if (code === null || code === undefined) return '—';
      return (data?.groups as Labels | undefined)?.[group]?.[code]?.[lang] ?? code;
    },
    [data, lang],
  );
}

/** The options of a select over one dictionary group, in the console's language. */
export function useOptions(group: string): { value: string; label: string }[] {
  const { data } = useDictionaries();
  const label = useLabel();
  const codes = Object.keys((data?.groups as Labels | undefined)?.[group] ?? {});
  return codes.map((code) => ({ value: code, label: label(group, code) }));
}
