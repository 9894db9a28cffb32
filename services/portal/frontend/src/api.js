// The one way the pages talk to the portal: same origin, the session cookie, never a token.
// Every POST/PUT/DELETE carries the CSRF token from the XSRF-TOKEN cookie in X-XSRF-TOKEN;
// a 401 anywhere sends the whole page to sign in again; RFC 9457 problem bodies become an ApiError
// whose fieldErrors the forms show next to the field named.

import { currentLocale } from './i18n/index.js';
import { rememberReturn, forgetReturn } from './returnTo.js';

export const SIGN_IN_URL = '/oauth2/authorization/wushe';

export class ApiError extends Error {
  constructor(status, problem) {
    const p = problem && typeof problem === 'object' ? problem : {};
    super(p.detail || p.title || `HTTP ${status}`);
    this.name = 'ApiError';
    this.status = status;
    this.title = p.title || null;
    this.detail = p.detail || null;
    this.type = p.type || null;
    this.required = p.required || null;
    this.errors = Array.isArray(p.errors) ? p.errors.filter((e) => e && (e.message || e.reason)) : [];
    /** field name → message, for the message next to the field */
    this.fieldErrors = fieldErrors(this.errors);
  }
}

/** {field: message} from a problem's errors[]; several messages of one field are joined. */
export function fieldErrors(errors) {
  const out = {};
  for (const e of errors || []) {
    if (!e) continue;
    const field = e.field || e.pointer || '';
    const message = e.message || e.reason || '';
    if (!message) continue;
    out[field] = out[field] ? `${out[field]}；${message}` : message;
  }
  return out;
}

/** The first fieldErrors message whose field is `name`, or a nested one (`need.title`, `rows[3].title`). */
export function errorFor(err, name) {
  if (!err || !err.fieldErrors) return '';
  if (err.fieldErrors[name]) return err.fieldErrors[name];
  const key = Object.keys(err.fieldErrors).find((k) => k.endsWith(`.${name}`) || k.startsWith(`${name}.`) || k.startsWith(`${name}[`));
  return key ? err.fieldErrors[key] : '';
}

/** The value of a cookie readable by scripts (XSRF-TOKEN), or ''. */
export function readCookie(name, cookieString = typeof document === 'undefined' ? '' : document.cookie) {
  for (const part of String(cookieString || '').split(';')) {
    const i = part.indexOf('=');
    if (i < 0) continue;
    if (part.slice(0, i).trim() === name) {
      try {
        return decodeURIComponent(part.slice(i + 1).trim());
      } catch {
        return part.slice(i + 1).trim();
      }
    }
  }
  return '';
}

export function csrfToken() {
  return readCookie('XSRF-TOKEN');
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Builds a query string from an object: arrays repeat the key, null/undefined/'' are left out. */
export function query(params) {
  if (!params) return '';
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === null || v === undefined || v === '') continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, x));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : '';
}

let signingIn = false;

/**
 * True on the page the portal sends a refused sign-in to ('/?signin=failed'): there the page says so and waits
 * for the person, rather than going round the issuer again at once.
 */
export function signInFailedHere(search = typeof window === 'undefined' ? '' : window.location?.search) {
  return new URLSearchParams(search || '').get('signin') === 'failed';
}

/**
 * Full page navigation to the portal's sign-in; it comes back to '/', which then opens the page the person was on
 * (its path and query remembered in the tab, see returnTo.js: a check-in QR's URL opened while signed out).
 */
export function signIn({ force = false } = {}) {
  if (!force && signInFailedHere()) return;
  if (signingIn && !force) return;
  signingIn = true;
  const here = window.location && window.location.pathname ? window.location.pathname + (window.location.search || '') : '';
  if (here) rememberReturn(here);
  window.location.assign(SIGN_IN_URL);
}

/**
 * request('POST', '/api/community/needs', body) → parsed JSON (or null for 204 / empty).
 * body: a plain object (sent as JSON), FormData (multipart) or undefined.
 */
/** The Accept-Language of the page's language: English, or Chinese (the hub's default). */
export function acceptLanguage() {
  return currentLocale() === 'en' ? 'en' : 'zh-CN';
}

export async function request(method, path, body, { headers: extra, withHeaders } = {}) {
  const m = method.toUpperCase();
  // The services answer in the page's language (their catalogue: Chinese with English beside it, or English),
  // not in the browser's own.
  const headers = { Accept: 'application/json, application/problem+json', 'Accept-Language': acceptLanguage(), ...(extra || {}) };
  const init = { method: m, headers, credentials: 'same-origin', cache: 'no-store' };
  if (UNSAFE.has(m)) {
    const token = csrfToken();
    if (token) headers['X-XSRF-TOKEN'] = token;
  }
  if (body instanceof FormData) {
    init.body = body;
  } else if (body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  let res;
  try {
    res = await fetch(path, init);
  } catch {
    throw new ApiError(0, null);
  }
  if (res.status === 401) {
    signIn();
    throw new ApiError(401, await readBody(res));
  }
  const data = await readBody(res);
  if (!res.ok) throw new ApiError(res.status, data);
  return withHeaders ? { data, headers: res.headers } : data;
}

/**
 * A GET of a file (a PDF): the Blob when the service answers 2xx, else the ApiError of its problem (a 403, 404 or 503
 * problem body read as JSON), so the page shows the service's words rather than a tab of raw JSON.
 */
export async function getBlob(path, accept = 'application/pdf') {
  const headers = { Accept: `${accept}, application/problem+json`, 'Accept-Language': acceptLanguage() };
  let res;
  try {
    res = await fetch(path, { method: 'GET', headers, credentials: 'same-origin', cache: 'no-store' });
  } catch {
    throw new ApiError(0, null);
  }
  if (res.status === 401) {
    signIn();
    throw new ApiError(401, await readBody(res));
  }
  if (!res.ok) throw new ApiError(res.status, await readBody(res));
  return res.blob();
}

/** A GET that also answers the response's headers: { data, headers } (headers.get('X-Total-Count')). */
export function getWithHeaders(path, params) {
  return request('GET', path + query(params), undefined, { withHeaders: true });
}

async function readBody(res) {
  if (res.status === 204) return null;
  const text = await res.text().catch(() => '');
  if (!text) return null;
  const type = res.headers.get('Content-Type') || '';
  if (type.includes('json') || /^[[{]/.test(text.trim())) {
    try {
      return JSON.parse(text);
    } catch {
      return { detail: text };
    }
  }
  return { detail: text.slice(0, 500) };
}

export const api = {
  get: (path, params) => request('GET', path + query(params)),
  post: (path, body) => request('POST', path, body === undefined ? {} : body),
  put: (path, body) => request('PUT', path, body),
  del: (path) => request('DELETE', path),
  upload: (path, formData) => request('POST', path, formData)
};

/** Path of a service's API behind the portal: svc('community', '/needs') → '/api/community/needs'. */
export function svc(service, path) {
  return `/api/${service}${path.startsWith('/') ? path : `/${path}`}`;
}

/** Signs out: a form POST to /logout with the CSRF token (the issuer's session ends too). */
export function signOut() {
  forgetReturn();
  const form = document.createElement('form');
  form.method = 'POST';
  form.action = '/logout';
  form.hidden = true;
  const input = document.createElement('input');
  input.type = 'hidden';
  input.name = '_csrf';
  input.value = csrfToken();
  form.appendChild(input);
  document.body.appendChild(form);
  form.submit();
}
