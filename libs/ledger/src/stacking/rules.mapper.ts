import type { CategoryEntity, ResourceSummary } from '@onedoor/resources';
import type { StackingRuleDto, StackingRuleResourceDto } from './rules.dto';
import type { StackingRuleEntity } from './stacking-rule.entity';

function resourceDto(id: string, summaries: Map<string, ResourceSummary>): StackingRuleResourceDto {
  const s = summaries.get(id);
  // A foreign key keeps the resource; the fallback only covers a read racing its own insert.
  return {
    id,
    title: s?.title ?? id,
    providerName: s?.providerName ?? '',
    categoryCode: s?.categoryCode ?? '',
  };
}

/** A rule with what people recognise it by: the category's names, the resources' titles. */
export function toStackingRuleDto(
  r: StackingRuleEntity,
  categories: Map<string, CategoryEntity>,
  resources: Map<string, ResourceSummary>,
): StackingRuleDto {
  const category = r.categoryCode ? categories.get(r.categoryCode) : undefined;
  return {
    id: r.id,
    kind: r.kind,
    category: r.categoryCode
      ? {
          code: r.categoryCode,
          nameZh: category?.nameZh ?? r.categoryCode,
          nameEn: category?.nameEn ?? r.categoryCode,
        }
      : null,
    resources:
      r.resourceAId && r.resourceBId
        ? [resourceDto(r.resourceAId, resources), resourceDto(r.resourceBId, resources)]
        : null,
    periodMonths: r.periodMonths,
    note: r.note,
    updatedAt: r.updatedAt.toISOString(),
    version: r.version,
  };
}
