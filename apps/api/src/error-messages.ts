import { ACCOUNTS_CONSTRAINTS, ACCOUNTS_ERROR_MESSAGES } from '@onedoor/accounts';
import { AREAS_CONSTRAINTS, AREAS_ERROR_MESSAGES } from '@onedoor/areas';
import { CASEWORK_CONSTRAINTS, CASEWORK_ERROR_MESSAGES } from '@onedoor/casework';
import { LEDGER_CONSTRAINTS, LEDGER_ERROR_MESSAGES } from '@onedoor/ledger';
import { RELIEF_CONSTRAINTS, RELIEF_ERROR_MESSAGES } from '@onedoor/relief';
import { HOUSEHOLDS_CONSTRAINTS, HOUSEHOLDS_ERROR_MESSAGES } from '@onedoor/households';
import { MATCHING_CONSTRAINTS, MATCHING_ERROR_MESSAGES } from '@onedoor/matching';
import { NOTIFICATIONS_ERROR_MESSAGES, WEBHOOKS_ERROR_MESSAGES } from '@onedoor/notifications';
import {
  type ConstraintMessageMap,
  type ErrorCode,
  type ErrorMessageMap,
  type ErrorText,
  type Language,
  LANGUAGES,
  PLATFORM_CONSTRAINTS,
  PLATFORM_ERROR_MESSAGES,
} from '@onedoor/platform';
import { PROCUREMENT_CONSTRAINTS, PROCUREMENT_ERROR_MESSAGES } from '@onedoor/procurement';
import { RESOURCES_CONSTRAINTS, RESOURCES_ERROR_MESSAGES } from '@onedoor/resources';
import { ERROR_STATUS } from './error-status';

/**
 * Every code's text in every language, beside ERROR_STATUS: the `satisfies` clause refuses a
 * code without its texts (each lib's table is already held to its own codes).
 */
export const ERROR_MESSAGES = {
  ...PLATFORM_ERROR_MESSAGES,
  ...AREAS_ERROR_MESSAGES,
  ...RESOURCES_ERROR_MESSAGES,
  ...ACCOUNTS_ERROR_MESSAGES,
  ...NOTIFICATIONS_ERROR_MESSAGES,
  ...HOUSEHOLDS_ERROR_MESSAGES,
  ...MATCHING_ERROR_MESSAGES,
  ...PROCUREMENT_ERROR_MESSAGES,
  ...CASEWORK_ERROR_MESSAGES,
  ...LEDGER_ERROR_MESSAGES,
  ...RELIEF_ERROR_MESSAGES,
  ...WEBHOOKS_ERROR_MESSAGES,
} as const satisfies ErrorMessageMap;

/** Every field rule's zh-CN template (English keeps the validator's or thrower's sentence). */
export const CONSTRAINT_MESSAGES = {
  ...PLATFORM_CONSTRAINTS,
  ...AREAS_CONSTRAINTS,
  ...RESOURCES_CONSTRAINTS,
  ...ACCOUNTS_CONSTRAINTS,
  ...HOUSEHOLDS_CONSTRAINTS,
  ...MATCHING_CONSTRAINTS,
  ...PROCUREMENT_CONSTRAINTS,
  ...CASEWORK_CONSTRAINTS,
  ...LEDGER_CONSTRAINTS,
  ...RELIEF_CONSTRAINTS,
} as const satisfies ConstraintMessageMap;

/**
 * The label of every error code the API answers, in every language (for GET /api/dictionaries
 * and the console): `{ HOUSEHOLD_NOT_FOUND: { 'zh-CN': '未找到该家庭', en: 'Household not found' } }`.
 * Placeholders are left as written (`{currentVersion}`): a label names the code, not one error.
 */
export function errorCodeLabels(): Record<ErrorCode, ErrorText> {
  const codes = Object.keys(ERROR_STATUS).sort() as ErrorCode[];
  return Object.fromEntries(codes.map((code) => [code, ERROR_MESSAGES[code]])) as Record<
    ErrorCode,
    ErrorText
  >;
}

/**
 * The catalogs as nestjs-i18n translations: `errors.<CODE>` and `constraints.<name>` per
 * language. Constraints have zh-CN templates only: in English a field error keeps its sentence.
 */
export function errorTranslations(): Record<Language, Record<string, unknown>> {
  return Object.fromEntries(
    LANGUAGES.map((lang) => [
      lang,
      {
        errors: Object.fromEntries(
          Object.entries(ERROR_MESSAGES).map(([code, text]) => [code, text[lang]]),
        ),
        ...(lang === 'zh-CN' ? { constraints: CONSTRAINT_MESSAGES } : {}),
      },
    ]),
  ) as unknown as Record<Language, Record<string, unknown>>;
}
