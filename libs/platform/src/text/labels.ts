/** The languages every label is written in: Chinese first (the console's default), and English. */
export const LABEL_LOCALES = ['zh-CN', 'en'] as const;
export type LabelLocale = (typeof LABEL_LOCALES)[number];

/** One code's label in every language. */
export type Label = Readonly<Record<LabelLocale, string>>;

/**
 * Labels of every code of a union: a code without a label (or a label of no code) fails to
 * compile where the codes are a TS union, so a new enum value cannot ship unlabelled.
 */
export type Labels<Code extends string> = Readonly<Record<Code, Label>>;

/** Dictionary groups by name (`tier`, `role`…), each a code → label table. */
export type DictionaryGroups = Readonly<Record<string, Readonly<Record<string, Label>>>>;

/** `['zh', 'en']` pairs, shorter to write beside an enum than `{ 'zh-CN': …, en: … }`. */
export function labels<Code extends string>(
  table: Readonly<Record<Code, readonly [zh: string, en: string]>>,
): Labels<Code> {
  const out = {} as Record<Code, Label>;
  for (const code of Object.keys(table) as Code[]) {
    const [zh, en] = table[code];
    out[code] = { 'zh-CN': zh, en };
  }
  return out;
}

/** A code's label in a language; the code itself when it has none (a free-text or new value). */
export function labelOf(
  table: Readonly<Record<string, Label>>,
  code: string,
  locale: LabelLocale = 'zh-CN',
): string {
  return Object.hasOwn(table, code) ? table[code][locale] : code;
}
