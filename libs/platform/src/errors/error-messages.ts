import { type ErrorCode, type ErrorStatusTable, PLATFORM_ERRORS } from './error-codes';

/** The languages the API answers in; the first is the default (the users are Chinese offices). */
export const LANGUAGES = ['zh-CN', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'zh-CN';

/** A code's text in every language: `{name}` placeholders are filled from the error's details. */
export type ErrorText = Readonly<Record<Language, string>>;

/** A lib's texts: one per code of its status table, which the compiler holds it to. */
export type ErrorMessageTable<T extends ErrorStatusTable> = Readonly<Record<keyof T, ErrorText>>;

/** The program's texts for every code (composed in apps/api beside ERROR_STATUS). */
export type ErrorMessageMap = Readonly<Record<ErrorCode, ErrorText>>;

/**
 * Injection token of the API's `ErrorMessageMap` (every code's zh-CN and en label), for a lib's
 * code that lists them (the dictionaries) without importing the API that composes them.
 */
export const ERROR_CODE_LABELS = Symbol('ERROR_CODE_LABELS');

/**
 * The answer's language: `?lang=` first (a link can carry it), then Accept-Language, then
 * zh-CN. The same rules as the I18nModule's resolvers, applied by the error filter itself
 * because some errors (an unknown route, an undecodable URL) never pass Nest's middleware.
 */
export function resolveLanguage(
  queryLang: unknown,
  acceptLanguage: string | string[] | undefined,
): Language {
  if (typeof queryLang === 'string') {
    const asked = matchLanguage(queryLang);
    if (asked) return asked;
  }
  const header = Array.isArray(acceptLanguage) ? acceptLanguage.join(',') : (acceptLanguage ?? '');
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag, ...rest] = part.trim().split(';');
      const q = rest.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
      return { tag: tag.trim(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranked) {
    const found = matchLanguage(tag);
    if (found) return found;
  }
  return DEFAULT_LANGUAGE;
}

/** `en-US` is en and `zh`, `zh-Hans-CN` are zh-CN: only the primary subtag decides. */
function matchLanguage(tag: string): Language | undefined {
  const primary = tag.trim().toLowerCase().split(/[-_]/)[0];
  return LANGUAGES.find((l) => l.toLowerCase().split('-')[0] === primary);
}

export const PLATFORM_ERROR_MESSAGES = {
  VALIDATION_FAILED: { 'zh-CN': '提交的信息有误，请按提示修改', en: 'Invalid request' },
  BAD_REQUEST: { 'zh-CN': '请求有误', en: 'Bad request' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Authentication required' },
  INVALID_CREDENTIALS: { 'zh-CN': '用户名或密码不正确', en: 'Invalid username or password' },
  FORBIDDEN: { 'zh-CN': '您无权进行此操作', en: 'You may not do this' },
  NOT_FOUND: { 'zh-CN': '未找到相关记录', en: 'Not found' },
  ROUTE_NOT_FOUND: { 'zh-CN': '请求的接口不存在', en: 'No such route' },
  METHOD_NOT_ALLOWED: { 'zh-CN': '该接口不支持此请求方法', en: 'Method not allowed' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求超时，请重试', en: 'Request timeout' },
  CONFLICT: { 'zh-CN': '操作与当前数据冲突', en: 'Conflict' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'Payload too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported media type' },
  REQUEST_HEADER_FIELDS_TOO_LARGE: {
    'zh-CN': '请求头过大',
    en: 'Request header fields too large',
  },
  TOO_MANY_LOGIN_ATTEMPTS: {
    'zh-CN': '登录失败次数过多，请 {retryAfterSeconds} 秒后再试',
    en: 'Too many login attempts',
  },
  TOO_MANY_REQUESTS: {
    'zh-CN': '操作过于频繁，请稍后再试',
    en: 'Too many requests',
  },
  SERVICE_UNAVAILABLE: { 'zh-CN': '服务暂时不可用，请稍后再试', en: 'Service unavailable' },
  INTERNAL_ERROR: { 'zh-CN': '系统发生意外错误，请稍后再试', en: 'An unexpected error occurred' },
  STALE_VERSION: {
    'zh-CN': '该记录已被他人修改（当前版本 {currentVersion}），请刷新后重试',
    en: 'The record was changed since you read it',
  },
  AREA_OUT_OF_SCOPE: { 'zh-CN': '该区域不在您的管辖范围内', en: 'Area out of your scope' },
  IDEMPOTENCY_KEY_REUSED: {
    'zh-CN': '该幂等键已用于另一个不同的请求',
    en: 'Idempotency-Key reused for a different request',
  },
  IDEMPOTENCY_KEY_IN_PROGRESS: {
    'zh-CN': '相同的请求正在处理中，请稍后再试',
    en: 'A request with this Idempotency-Key is in progress',
  },
} as const satisfies ErrorMessageTable<typeof PLATFORM_ERRORS>;
