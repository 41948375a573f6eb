export const DIMENSIONS = [
  'population',
  'economic',
  'health',
  'education',
  'housing',
  'employment',
  'social_participation',
  'rigid_expenditure',
] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export const URGENCIES = ['normal', 'urgent', 'emergency'] as const;
export type Urgency = (typeof URGENCIES)[number];

/** Answers that also drive the tier (DESIGN.md): set by items that declare them. */
export const TIER_FLAGS = ['noLabourCapacity', 'noSupporter', 'suddenEvent'] as const;
export type TierFlag = (typeof TIER_FLAGS)[number];

interface ItemBase {
  code: string;
  dimension: Dimension;
  label: string;
  required: boolean;
  /** Multiplies the item's points within its dimension. */
  weight: number;
  /** A boolean item whose `true` answer sets this tier flag. */
  flag?: TierFlag;
}

export interface ChoiceItem extends ItemBase {
  type: 'choice';
  options: Array<{ value: string; label: string; points: number }>;
}

export interface BooleanItem extends ItemBase {
  type: 'boolean';
  points: { true: number; false: number };
}

export interface NumberItem extends ItemBase {
  type: 'number';
  min: number;
  max: number;
  /** Points by band: the first band whose `below` exceeds the answer. */
  bands: Array<{ below: number; points: number }>;
}

export type TemplateItem = ChoiceItem | BooleanItem | NumberItem;

/** When a need rule fires: an answer compared with a value. */
export type Condition =
  | { item: string; equals: string | number | boolean }
  | { item: string; in: Array<string | number> }
  | { item: string; gte: number }
  | { all: Condition[] }
  | { any: Condition[] };

export interface NeedRule {
  id: string;
  when: Condition;
  category: string;
  severity: 1 | 2 | 3 | 4 | 5;
  urgency: Urgency;
}

export interface TemplateDefinition {
  dimensions: Array<{ code: Dimension; name: string; weight: number }>;
  items: TemplateItem[];
  needRules: NeedRule[];
}

export type Answers = Record<string, string | number | boolean>;
