import { DomainError } from '@onedoor/platform';
import { STACKING_RULE_TEXTS } from '../ledger.error-messages';
import type { StackingConflict } from './stacking.types';

const fill = (text: string, c: StackingConflict) =>
  text.replace('{periodMonths}', String(c.periodMonths ?? ''));

/**
 * The approval's 409 for a stacking conflict: the params the console and the zh-CN message
 * name (rule, grantedBy, title, since, ruleKind, periodMonths), the full conflict beside them,
 * and an English message for logs and `en` answers.
 */
export function stackingConflictError(c: StackingConflict): DomainError {
  const b = c.benefit;
  const rule = STACKING_RULE_TEXTS[c.rule];
  return new DomainError(
    'STACKING_CONFLICT',
    b
      ? `The household has received ${b.title} from ${b.grantedBy} since ${b.startsOn}: ${fill(rule.en, c)}`
      : `Refused by the stacking rules: ${fill(rule.en, c)}`,
    {
      rule: c.rule,
      ruleId: c.ruleId,
      ruleKind: c.ruleKind,
      periodMonths: c.periodMonths,
      grantedBy: b?.grantedBy ?? null,
      title: b?.title ?? null,
      since: b?.startsOn ?? null,
      ruleText: fill(rule['zh-CN'], c),
      stacking: c,
    },
  );
}
