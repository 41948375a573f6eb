/**
 * A field error's constraint names what check failed (class-validator's key, or a service's own
 * rule), so a client can react to it; its zh-CN text is a template filled from the error's
 * `params`. A template may be split by `params.problem` (an identity number can be malformed,
 * carry an impossible birth date or a wrong check digit: three sentences, one constraint).
 */
export type ConstraintText = string | Readonly<Record<string, string>>;

/** A lib's constraints and their zh-CN templates. */
export type ConstraintTable = Readonly<Record<string, ConstraintText>>;

/** The keys of a table, as members a lib's `ConstraintRegistry` augmentation extends. */
export type ConstraintsOf<T extends ConstraintTable> = { readonly [K in keyof T]: true };

/**
 * class-validator's constraints the DTOs use, the whitelist's, and the generic rules services
 * check by hand. The English of a class-validator constraint is its own message.
 */
export const PLATFORM_CONSTRAINTS = {
  // class-validator
  isString: '应为文本',
  isInt: '应为整数',
  isNumber: '应为数字',
  isBoolean: '应为布尔值（true 或 false）',
  isArray: '应为列表',
  isObject: '应为对象',
  isUuid: '应为有效的编号（UUID）',
  isDateString: '应为有效的日期（如 2026-01-31）',
  isEmail: '应为有效的电子邮箱地址',
  isIn: '应为以下值之一：{values}',
  isEnum: '应为以下值之一：{values}',
  min: '不能小于 {min}',
  max: '不能大于 {max}',
  isLength: '长度应为 {min} 至 {max} 个字符',
  minLength: '长度不能少于 {min} 个字符',
  maxLength: '长度不能超过 {max} 个字符',
  matches: '格式不正确',
  arrayMinSize: '至少需要 {min} 项',
  arrayMaxSize: '最多 {max} 项',
  isDefined: '不能为空',
  isNotEmpty: '不能为空',
  nestedValidation: '应为对象或对象列表',
  whitelistValidation: '不允许提交此字段',
  unknownValue: '提交的内容无法识别',
  // The project's own class-validator rule (IsOptionalNotNull) and services' generic checks.
  isNotNull: '不能为 null',
  required: '必填',
  unknownArea: '该区域不存在',
  unknownCategory: '该类别不存在',
  // The input guard and the id pipe, on any route.
  storableText: '不能包含 NUL 字符或不成对的 UTF-16 代理字符',
  idempotencyKey: '应为一个由 1 至 255 个可见 ASCII 字符组成的请求头（如 UUID）',
  cursor: '不是本列表返回的 nextCursor',
  notBefore: '不能早于 {other}',
  notAfter: '不能晚于 {other}',
} as const satisfies ConstraintTable;

/**
 * Every constraint of the program. Declaration merging grows it, as for ErrorCodeRegistry: a
 * lib with its own rules writes `declare module '@onedoor/platform/errors/constraint-messages' {
 * interface ConstraintRegistry extends ConstraintsOf<typeof ITS_CONSTRAINTS> {} }`.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ConstraintRegistry extends ConstraintsOf<typeof PLATFORM_CONSTRAINTS> {}

export type Constraint = keyof ConstraintRegistry & string;

/** The program's zh-CN templates for every constraint (composed in apps/api). */
export type ConstraintMessageMap = Readonly<Record<Constraint, ConstraintText>>;

/**
 * Which validation-metadata arguments a class-validator constraint's template names: `@Min(1)`
 * stores `[1]`, `@Length(1, 40)` `[1, 40]`. Constraints not listed take no parameters.
 */
export const CONSTRAINT_PARAMETERS: Readonly<Record<string, readonly string[]>> = {
  min: ['min'],
  max: ['max'],
  isLength: ['min', 'max'],
  minLength: ['min'],
  maxLength: ['max'],
  arrayMinSize: ['min'],
  arrayMaxSize: ['max'],
  isIn: ['values'],
  matches: ['pattern'],
};

/** The zh-CN template of a constraint, the `problem` variant where it has several. */
export function constraintTemplate(
  text: ConstraintText | undefined,
  params: Record<string, unknown> | undefined,
): string | undefined {
  if (text === undefined || typeof text === 'string') return text;
  const problem = params?.problem;
  return (typeof problem === 'string' ? text[problem] : undefined) ?? text.default;
}
