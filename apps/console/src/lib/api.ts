import createClient, { type Middleware } from 'openapi-fetch';
import type { paths } from '@/api/generated/schema';
import { ApiError, type ErrorBody } from './api-error';
import { filenameOf, saveBlob } from './download';
import { refreshSession } from './session';
import { tokenStore } from './token';
import i18n from './i18n';

/** Requests kept (cloned before sending) so that one refused for an expired token can be retried. */
const originals = new WeakMap<Request, Request>();

const auth: Middleware = {
  onRequest({ request }) {
    const token = tokenStore.get();
    if (token && !request.headers.has('authorization')) {
      request.headers.set('authorization', `Bearer ${token}`);
    }
    request.headers.set('accept-language', i18n.language === 'en' ? 'en' : 'zh-CN');
    request.headers.set('x-onedoor-page', window.location.pathname); // the access log's page
    originals.set(request, request.clone());
    return request;
  },
  async onResponse({ request, response }) {
    // An expired access token: refresh once (the cookie), then send the request again.
    if (response.status !== 401 || new URL(request.url).pathname.startsWith('/api/auth/')) {
      return response;
    }
    const original = originals.get(request);
    if (!original || !(await refreshSession())) return response;
    const retry = new Request(original);
    retry.headers.set('authorization', `Bearer ${tokenStore.get()}`);
    return fetch(retry);
  },
};

export const api = createClient<paths>({ baseUrl: '/' });
api.use(auth);

/**
 * Unwraps an openapi-fetch answer for TanStack Query: the data, or an ApiError carrying the
 * API's error body (its message is in the user's language already).
 */
export async function call<T>(
  promise: Promise<{ data?: T; error?: unknown; response: Response }>,
): Promise<T> {
  const { data, error, response } = await promise;
  if (!response.ok) {
    const body = (error ?? {}) as Partial<ErrorBody>;
    throw new ApiError(response.status, {
      statusCode: response.status,
      error: body.error ?? response.statusText,
      code: body.code ?? 'INTERNAL_ERROR',
      message: body.message ?? response.statusText,
      ...(body as object),
    } as ErrorBody);
  }
  return data as T;
}

/**
 * A file the API answers (`parseAs: 'blob'`): fetched with the token, saved under the name its
 * Content-Disposition gives (else `fallbackName`); a refusal is the API's error, as `call` throws.
 */
export async function downloadFile(
  request: Promise<{ data?: unknown; error?: unknown; response: Response }>,
  fallbackName: string,
): Promise<void> {
  const { response } = await request;
  const blob = (await call(request)) as Blob;
  saveBlob(blob, filenameOf(response.headers.get('content-disposition'), fallbackName));
}
