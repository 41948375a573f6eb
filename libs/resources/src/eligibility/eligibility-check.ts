import { constraintTemplate, type FieldError, type Language } from '@onedoor/platform';
import { RESOURCES_CONSTRAINTS } from '../resources.error-messages';
import { describeEligibility } from './eligibility-description.util';
import type { EligibilityRules } from './eligibility.types';
import { validateEligibilityRules } from './eligibility.util';

export interface EligibilityCheck {
  valid: boolean;
  description: string;
  errors: FieldError[];
}

/**
 * A rule document checked as saving a resource would check it, and worded as listings word it:
 * the console's rule builder asks this on every change instead of repeating the rules. The errors
 * are in the request's language like any field error (zh-CN: the constraint's sentence for the
 * problem; en: the validator's own words), because this answer is a 200, not an error body.
 */
export function checkEligibility(doc: unknown, lang: Language): EligibilityCheck {
  if (doc === null || doc === undefined) {
    return { valid: true, description: describeEligibility(null), errors: [] };
  }
  const errors = validateEligibilityRules(doc);
  if (errors.length > 0) {
    return {
      valid: false,
      description: '',
      errors: lang === 'en' ? errors : errors.map(inChinese),
    };
  }
  return { valid: true, description: describeEligibility(doc as EligibilityRules), errors: [] };
}

function inChinese(error: FieldError): FieldError {
  const template = constraintTemplate(RESOURCES_CONSTRAINTS.eligibilityRule, error.params);
  const message = (template ?? error.message).replace(/\{(\w+)\}/g, (whole, name: string) =>
    error.params?.[name] === undefined ? whole : String(error.params[name]),
  );
  return { ...error, message };
}
