import type { components } from '@/api/generated/schema';

export type Assessment = components['schemas']['AssessmentDto'];
export type Template = components['schemas']['TemplateDto'];
export type Answers = Assessment['answers'];

/*
 * The template's definition is a free-form object in the OpenAPI document (it is versioned data,
 * validated by the API when published), so the shape the form reads is spelled out here, as
 * libs/households/src/template/template.types.ts declares it. Only what the form renders.
 */
interface ItemBase {
  code: string;
  dimension: string;
  label: string;
  required: boolean;
  /** Optional guidance a template may carry beside the label. */
  help?: string;
}
export type TemplateItem =
  | (ItemBase & { type: 'choice'; options: Array<{ value: string; label: string }> })
  | (ItemBase & { type: 'boolean' })
  | (ItemBase & { type: 'number'; min: number; max: number });

export interface Definition {
  dimensions: Array<{ code: string; name: string; weight: number }>;
  items: TemplateItem[];
}

export function definitionOf(template: Template): Definition {
  return template.definition as unknown as Definition;
}

/** Items by dimension, in the template's order: the form's sections. */
export function sections(definition: Definition) {
  return definition.dimensions.map((d) => ({
    ...d,
    items: definition.items.filter((i) => i.dimension === d.code),
  }));
}

/** An answer as a person reads it: the option's label, 是/否, or the number itself. */
export function answerText(
  item: TemplateItem,
  value: Answers[string] | undefined,
  yesNo: { yes: string; no: string },
): string {
  if (value === undefined || value === null) return '—';
  if (item.type === 'boolean') return value ? yesNo.yes : yesNo.no;
  if (item.type === 'choice')
    return item.options.find((o) => o.value === value)?.label ?? String(value);
  return String(value);
}
