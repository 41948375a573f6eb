import { DomainError } from '@onedoor/platform';
import { LEDGER_ERROR_MESSAGES, STACKING_RULE_TEXTS } from '../ledger.error-messages';
import type { StackingConflict } from './stacking.types';

const fill = (text: string, c: StackingConflict) =>
  text.replace('{periodMonths}', String(c.periodMonths ?? ''));

/**
 * The approval's 409 for a stacking conflict: the params the console and the messages name
 * (rule, grantedBy, title, since, ruleKind, periodMonths, the rule's sentence in each language),
 * the full conflict beside them, and the English message (the en template filled, naming the
 * source as the zh-CN one does) for logs and `en` answers.
 */
export function stackingConflictError(c: StackingConflict): DomainError {
  const b = c.benefit;
  const rule = STACKING_RULE_TEXTS[c.rule];
  const details = {
    rule: c.rule,
    ruleId: c.ruleId,
    ruleKind: c.ruleKind,
    periodMonths: c.periodMonths,
    grantedBy: b?.grantedBy ?? null,
    title: b?.title ?? null,
    since: b?.startsOn ?? null,
    ruleText: fill(rule['zh-CN'], c),
    ruleTextEn: fill(rule.en, c),
    stacking: c,
  };
  return new DomainError(
    'STACKING_CONFLICT',
    b
      ? LEDGER_ERROR_MESSAGES.STACKING_CONFLICT.en.replace(/\{(\w+)\}/g, (_, k: string) =>
          String(details[k as keyof typeof details]),
        )
      : `Refused by the stacking rules: ${details.ruleTextEn}`,
    details,
  );
}
