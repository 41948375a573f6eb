import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';

type Labels = Record<string, Record<string, Record<string, string>>>;

/**
 * Codes are shown by the labels the API publishes (GET /api/dictionaries), in the console's
 * language; an unknown code shows as itself rather than vanish.
 */
export function useDictionaries() {
  return useQuery({
    queryKey: ['dictionaries'],
    // Until GET /api/dictionaries is in the generated client (same issue, being built).
    queryFn: async () => {
      const response = await fetch('/api/dictionaries');
      return response.ok ? ((await response.json()) as { groups: Labels }) : { groups: {} };
    },
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
      const groups = (data as { groups?: Labels } | undefined)?.groups;
      return groups?.[group]?.[code]?.[lang] ?? code;
    },
    [data, lang],
  );
}

/** The options of a select over one dictionary group, in the console's language. */
export function useOptions(group: string): { value: string; label: string }[] {
  const { data } = useDictionaries();
  const label = useLabel();
  const codes = Object.keys((data as { groups?: Labels } | undefined)?.groups?.[group] ?? {});
  return codes.map((code) => ({ value: code, label: label(group, code) }));
}
