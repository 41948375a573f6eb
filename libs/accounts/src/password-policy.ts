import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import { DomainError } from '@onedoor/platform';

export const PASSWORD_MIN_LENGTH = 10;
/** zxcvbn's 0–4 scale: 3 is "safely unguessable: moderate protection from offline attacks". */
export const PASSWORD_MIN_SCORE = 3;

// One estimator for the process: building it loads the dictionaries (common passwords, names,
// English and Wikipedia words, keyboard layouts), a few megabytes, once.
let estimator: ZxcvbnFactory | undefined;
function zxcvbn(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({
    dictionary,
    graphs: adjacencyGraphs,
    useLevenshteinDistance: true,
  });
  return estimator;
}

export interface PasswordVerdict {
  ok: boolean;
  rule?: 'min_length' | 'min_strength';
  score?: number;
  hints?: string[];
}

/**
 * The strength rule: at least {@link PASSWORD_MIN_LENGTH} characters and a zxcvbn score of at
 * least {@link PASSWORD_MIN_SCORE} against the common dictionaries plus the account's own
 * words (username, display name), so `zhang.wei2024` is weak for user zhang.wei.
 */
export function judgePassword(password: string, userInputs: string[] = []): PasswordVerdict {
  if ([...password].length < PASSWORD_MIN_LENGTH) return { ok: false, rule: 'min_length' };
  const inputs = userInputs.flatMap((s) => [s, ...s.split(/[^\p{L}\p{N}]+/u)]).filter(Boolean);
  const result = zxcvbn().check(password, inputs);
  if (result.score >= PASSWORD_MIN_SCORE) return { ok: true, score: result.score };
  const hints = [result.feedback.warning, ...result.feedback.suggestions].filter(
    (h): h is string => !!h,
  );
  return { ok: false, rule: 'min_strength', score: result.score, hints };
}

/** Throws 400 WEAK_PASSWORD naming the rule broken. */
export function assertStrongPassword(password: string, userInputs: string[] = []): void {
  const verdict = judgePassword(password, userInputs);
  if (verdict.ok) return;
  const message =
    verdict.rule === 'min_length'
      ? `The password must have at least ${PASSWORD_MIN_LENGTH} characters`
      : `The password is too easy to guess (strength ${verdict.score} of 4, at least ${PASSWORD_MIN_SCORE} required)`;
  throw new DomainError('WEAK_PASSWORD', message, {
    rule: verdict.rule,
    minLength: PASSWORD_MIN_LENGTH,
    minScore: PASSWORD_MIN_SCORE,
    ...(verdict.score !== undefined ? { score: verdict.score } : {}),
    ...(verdict.hints ? { hints: verdict.hints } : {}),
  });
}
