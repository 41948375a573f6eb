import type { OpenAPIObject } from '@nestjs/swagger';
import { IDEMPOTENCY_KEY_HEADER } from './idempotency.interceptor';

/**
 * Declares the optional `Idempotency-Key` header on every POST the interceptor serves:
 * authenticated ones with a JSON body (login has no user to key by; a CSV upload cannot be
 * compared). Call after public operations got their empty `security`.
 */
export function documentIdempotencyKey(document: OpenAPIObject): void {
  document.components ??= {};
  document.components.parameters ??= {};
  document.components.parameters.IdempotencyKey = {
    name: IDEMPOTENCY_KEY_HEADER,
    in: 'header',
    required: false,
    description:
      'Makes the POST safe to retry: the first response to this key (per user) is stored and ' +
      'replayed for 24 hours, marked `Idempotent-Replayed: true`. The same key with a different ' +
      'request answers 422 `IDEMPOTENCY_KEY_REUSED`; while the first request still runs, 409 ' +
      '`IDEMPOTENCY_KEY_IN_PROGRESS` with `Retry-After`. 1–255 visible ASCII characters, e.g. a UUID.',
    schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  };
  for (const item of Object.values(document.paths)) {
    const operation = item.post;
    if (!operation?.security?.length) continue;
    const body = operation.requestBody;
    const types = body && 'content' in body ? Object.keys(body.content) : [];
    if (types.length > 0 && !types.includes('application/json')) continue;
    operation.parameters = [
      ...(operation.parameters ?? []),
      { $ref: '#/components/parameters/IdempotencyKey' },
    ];
  }
}
