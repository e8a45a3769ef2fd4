/** The typed fetch client: JSON over same-origin cookies, CSRF on writes, envelopes parsed with the contracts. */
import { API_PREFIX, ErrorEnvelope, PageLabel } from '@entente/contracts';
import { recordPageLabel } from '../app/pageLabelStore';

type SafeParse<T> =
  | { success: true; data: T }
  | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };
/** Any contract schema (zod), seen structurally so the web depends on the contracts only. */
export interface Schema<T> {
  safeParse(value: unknown): SafeParse<T>;
}
/** The parsed type of a contract schema. */
export type Out<S> = S extends Schema<infer T> ? T : never;

/** A list of items, each parsed with `item` (the contracts export item schemas, not list schemas). */
export function arrayOf<T>(item: Schema<T>): Schema<T[]> {
  return {
    safeParse(value: unknown): SafeParse<T[]> {
      if (!Array.isArray(value))
        return { success: false, error: { issues: [{ path: [], message: 'expected a list' }] } };
      const out: T[] = [];
      for (let i = 0; i < value.length; i++) {
        const r = item.safeParse(value[i]);
        if (!r.success) {
          return {
            success: false,
            error: { issues: r.error.issues.map((x) => ({ path: [i, ...x.path], message: x.message })) },
          };
        }
        out.push(r.data);
      }
      return { success: true, data: out };
    },
  };
}

/** Accept whatever the server sends (for calls whose answer the UI does not use). */
export const anything: Schema<unknown> = { safeParse: (value: unknown) => ({ success: true, data: value }) };

export type FieldError = { path: string; message: string };

/** A failed call: the server's error envelope, or a network/parse failure mapped to the same shape. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly requestId: string;
  readonly fields: FieldError[];
  constructor(status: number, code: string, message: string, requestId = '', fields: FieldError[] = []) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
    this.requestId = requestId;
    this.fields = fields;
  }
}

/** A parsed success: the data plus the page label the server computed for it. */
/** `pageLabel` is null only if a response came without `meta` (the banner then keeps what it had). */
export type ApiResult<T> = { data: T; pageLabel: PageLabel | null };

export type QueryValue = string | number | boolean | readonly string[] | null | undefined;
export type Query = Record<string, QueryValue>;

let csrfToken: string | null = null;
let onUnauthorized: (() => void) | null = null;

/** Remember the synchroniser token from the Me object (login, TOTP, /auth/me). */
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** Register what to do when a call answers 401 (the app goes to the login page). */
export function setUnauthorizedHandler(handler: (() => void) | null): void {
  onUnauthorized = handler;
}

/** `?a=1&b=x,y` from a query object; empty values are left out, arrays are comma-joined. */
export function toQueryString(query: Query | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value === undefined || value === null || value === '') continue;
    if (Array.isArray(value)) {
      if (value.length > 0) params.set(key, value.join(','));
    } else {
      params.set(key, String(value));
    }
  }
  const s = params.toString();
  return s ? `?${s}` : '';
}

/** The browser URL of an API path (for links such as exports). */
export function apiUrl(path: string, query?: Query): string {
  return `${API_PREFIX}${path}${toQueryString(query)}`;
}

/** Fill `:param` segments of a contract route. */
export function pathOf(route: string, params: Record<string, string>): string {
  return route.replace(/:([A-Za-z0-9_]+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''));
}

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

type RequestOptions = {
  query?: Query;
  body?: unknown;
  signal?: AbortSignal;
  /** Auth calls show their own 401 message ("invalid credentials") instead of redirecting. */
  noAuthRedirect?: boolean;
  /** Do not ask for the factor again on `step_up_required` (the step-up call itself, and the one retry). */
  noStepUp?: boolean;
};

function errorFromBody(status: number, body: unknown): ApiError {
  const parsed = ErrorEnvelope.safeParse(body);
  if (parsed.success) {
    const e = parsed.data.error;
    return new ApiError(status, e.code, e.message, e.requestId, e.fields ?? []);
  }
  return new ApiError(status, 'http_error', `The server answered ${status}`);
}

/** One call: sends JSON, parses `{ data, meta }` with `schema`, throws ApiError on anything else. */
export async function request<T>(
  method: string,
  path: string,
  schema: Schema<T>,
  options: RequestOptions = {},
): Promise<ApiResult<T>> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  const init: RequestInit = { method, credentials: 'same-origin', headers };
  if (options.signal) init.signal = options.signal;
  if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (WRITE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;

  let response: Response;
  try {
    response = await fetch(apiUrl(path, options.query), init);
  } catch (err) {
    if (err instanceof DOMException && err.name === 'AbortError') throw err;
    throw new ApiError(0, 'network', 'The server could not be reached. Check your connection and try again.');
  }
  const text = await response.text();
  let body: unknown = null;
  if (text) {
    try {
      body = JSON.parse(text);
    } catch {
      body = null;
    }
  }
  if (!response.ok) {
    const error = errorFromBody(response.status, body);
    if (response.status === 401 && !options.noAuthRedirect) onUnauthorized?.();
    // ACCESS.md §8 step-up: ask for the factor in a dialog, then retry this call once.
    if (error.code === 'step_up_required' && !options.noStepUp && typeof document !== 'undefined') {
      const { confirmStepUp } = await import('./stepUp');
      if (await confirmStepUp()) return request(method, path, schema, { ...options, noStepUp: true });
    }
    throw error;
  }
  const meta = PageLabel.safeParse((body as { meta?: { pageLabel?: unknown } } | null)?.meta?.pageLabel);
  if (meta.success) recordPageLabel(meta.data);
  const data = schema.safeParse((body as { data?: unknown } | null)?.data);
  if (!data.success) {
    const first = data.error.issues[0];
    const where = first ? ` at ${first.path.join('.') || 'data'}: ${first.message}` : '';
    throw new ApiError(response.status, 'bad_response', `The server sent an unexpected answer${where}`);
  }
  const pageLabel = meta.success ? meta.data : null;
  return { data: data.data, pageLabel };
}

export const api = {
  get: <T>(path: string, schema: Schema<T>, query?: Query, signal?: AbortSignal) =>
    request('GET', path, schema, { ...(query ? { query } : {}), ...(signal ? { signal } : {}) }),
  post: <T>(path: string, schema: Schema<T>, body?: unknown, options: Omit<RequestOptions, 'body'> = {}) =>
    request('POST', path, schema, { ...options, body: body ?? {} }),
  put: <T>(path: string, schema: Schema<T>, body: unknown) => request('PUT', path, schema, { body }),
  del: <T>(path: string, schema: Schema<T>) => request('DELETE', path, schema),
};

/** Upload a file as multipart field `file`, reporting upload progress (0..1). XHR, because fetch has no upload progress. */
export function uploadFile<T>(
  path: string,
  schema: Schema<T>,
  file: File,
  query: Query,
  onProgress: (fraction: number) => void,
): Promise<ApiResult<T>> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', apiUrl(path, query));
    xhr.setRequestHeader('Accept', 'application/json');
    if (csrfToken) xhr.setRequestHeader('X-CSRF-Token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'network', 'The upload failed: the server could not be reached.'));
    xhr.onload = () => {
      onProgress(1);
      let body: unknown = null;
      try {
        body = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        body = null;
      }
      if (xhr.status < 200 || xhr.status >= 300) {
        if (xhr.status === 401) onUnauthorized?.();
        reject(errorFromBody(xhr.status, body));
        return;
      }
      const meta = PageLabel.safeParse((body as { meta?: { pageLabel?: unknown } } | null)?.meta?.pageLabel);
      if (meta.success) recordPageLabel(meta.data);
      const data = schema.safeParse((body as { data?: unknown } | null)?.data);
      if (!data.success) {
        reject(new ApiError(xhr.status, 'bad_response', 'The server sent an unexpected answer'));
        return;
      }
      resolve({ data: data.data, pageLabel: meta.success ? meta.data : null });
    };
    const form = new FormData();
    form.append('file', file, file.name);
    xhr.send(form);
  });
}

/** A human message for any thrown value. */
export function messageOf(error: unknown): string {
  if (error instanceof Error) return error.message;
  return 'Something went wrong.';
}
