import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DomainError, FieldError } from '../errors/domain-error';
import { fieldPath, invalidRequest } from '../errors/validation';

/**
 * Deeper than any request body of the API (an assessment template is the deepest, at about 6).
 * The limit keeps the recursive code after the parser (class-transformer, class-validator) far
 * from the stack's end: a body nested 10,000 levels deep parses, then overflowed it.
 */
export const MAX_JSON_DEPTH = 32;

/**
 * A NUL (PostgreSQL's text types cannot hold it) or half of a UTF-16 surrogate pair (it cannot
 * be encoded as UTF-8, and jsonb refuses its escape).
 */
// eslint-disable-next-line no-control-regex -- finding the control character NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export function isUnstorableString(value: string): boolean {
  return UNSTORABLE.test(value);
}

function isPlainContainer(value: unknown): value is Record<string, unknown> | unknown[] {
  if (value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return true;
  // Fastify's query parser builds objects on a prototype that itself has none.
  const proto = Object.getPrototypeOf(value) as object | null;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/**
 * The paths of every string (value or key) PostgreSQL could not store, and whether the value
 * nests deeper than `maxDepth`, found in one walk with an explicit stack (no recursion, so no
 * depth can overflow it). Only plain objects and arrays are entered: a streamed body (CSV) is
 * left to its reader.
 */
export function inspectInput(
  root: unknown,
  maxDepth = MAX_JSON_DEPTH,
): { tooDeep: boolean; unstorable: string[] } {
  const unstorable: string[] = [];
  const stack: Array<[unknown, string, number]> = [[root, '', 0]];
  while (stack.length > 0 && unstorable.length < 20) {
    const [value, path, depth] = stack.pop()!;
    if (typeof value === 'string') {
      if (isUnstorableString(value)) unstorable.push(path || '(value)');
    } else if (isPlainContainer(value)) {
      if (depth >= maxDepth) return { tooDeep: true, unstorable };
      for (const [key, child] of Object.entries(value)) {
        const childPath = fieldPath(path, key);
        if (isUnstorableString(key)) unstorable.push(childPath);
        else stack.push([child, childPath, depth + 1]);
      }
    }
  }
  return { tooDeep: false, unstorable };
}

const MESSAGE = 'must not contain NUL characters or unpaired UTF-16 surrogates';

/**
 * Bad input is refused where it enters, once for every route rather than field by field: a
 * body nested past {@link MAX_JSON_DEPTH} (JSON.parse copes; the recursive validation after it
 * would overflow the stack), and strings PostgreSQL cannot store (NUL, lone surrogates) anywhere
 * in the path, query or body. Both answer 400 in the one error body.
 */
export function refuseBadInput(request: Pick<FastifyRequest, 'params' | 'query' | 'body'>): void {
  const details: FieldError[] = [];
  for (const part of [request.params, request.query, request.body]) {
    const { tooDeep, unstorable } = inspectInput(part);
    if (tooDeep) {
      throw new DomainError('BAD_REQUEST', `The body nests deeper than ${MAX_JSON_DEPTH} levels`);
    }
    details.push(
      ...unstorable.map((field) => ({
        field,
        constraint: 'storableText' as const,
        message: MESSAGE,
      })),
    );
  }
  if (details.length > 0) throw invalidRequest(details);
}

/** See {@link refuseBadInput}; preValidation runs after the body is parsed, before any pipe. */
export function registerInputGuards(fastify: FastifyInstance): void {
  fastify.addHook('preValidation', async (request) => refuseBadInput(request));
}
