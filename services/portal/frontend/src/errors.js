import { tt } from './i18n/index.js';
import { ApiError, signInFailedHere } from './api.js';

/** One line a person can read for a failed call; the service's own words (the 403 title and detail) kept. */
export function problemText(err) {
  if (!(err instanceof ApiError)) return tt('error.generic');
  if (err.status === 0) return tt('error.network');
  if (err.status === 401) return tt(signInFailedHere() ? 'error.signInFailed' : 'error.unauthorized');
  if (err.status === 403) {
    const why = [err.title || tt('error.forbidden'), err.detail, err.required].filter(Boolean).join('：');
    return why;
  }
  const parts = [];
  if (err.status === 404) parts.push(tt('error.notFound'));
  else if (err.status === 409) parts.push(tt('error.conflict'));
  else if (err.status >= 500) parts.push(tt('error.server'));
  if (err.title && err.status !== 404 && err.status < 500) parts.push(err.title);
  if (err.detail) parts.push(err.detail);
  if (!parts.length) parts.push(tt('error.status', { status: err.status }));
  return parts.join(' — ');
}

/** Messages of the problem's errors[] whose field is not one of `shown` (those appear next to their field). */
export function otherFieldMessages(err, shown = []) {
  if (!(err instanceof ApiError)) return [];
  return err.errors
    .filter((e) => !shown.some((f) => e.field === f || (e.field || '').endsWith(`.${f}`)))
    .map((e) => (e.field ? `${e.field}: ${e.message || e.reason}` : e.message || e.reason));
}
