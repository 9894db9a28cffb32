// The volunteer's service record certificates (志愿服务记录证明) on the phone page's 我的 Me tab: the pure logic
// (the period body, its checks, the paths, the verification link), tested by tests/volunteerCertificates.test.js.
// volunteer-service's CertificateController: GET/POST /volunteers/{id}/certificates, GET …/{code}.pdf?reason=…,
// and the public GET /verify/{code} the portal relays without a token.

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Is `s` a real calendar day written YYYY-MM-DD (2026-02-30 is not)? */
export function isDay(s) {
  if (!DAY.test(String(s || ''))) return false;
  const [y, m, d] = s.split('-').map(Number);
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/**
 * The body of `POST /volunteers/{id}/certificates` from the form `{ from, to }`: either end may be left out (all time
 * from the first record, up to today). `errors` names `from`/`to` as the service does (not a day, in the future, `to`
 * before `from`), with the message key under `cert.err.`; the page checks first, the service decides.
 */
export function certificateBody(form, today = new Date().toISOString().slice(0, 10)) {
  const from = String((form && form.from) || '').trim();
  const to = String((form && form.to) || '').trim();
  const errors = {};
  if (from && !isDay(from)) errors.from = 'day';
  if (to && !isDay(to)) errors.to = 'day';
  if (!errors.from && from && from > today) errors.from = 'future';
  if (!errors.to && to && to > today) errors.to = 'future';
  if (!errors.from && !errors.to && from && to && to < from) errors.to = 'beforeFrom';
  const body = {};
  if (from) body.from = from;
  if (to) body.to = to;
  return { body, errors };
}

/** `/api/volunteer/volunteers/{id}/certificates` (the list, and where one is requested). */
export function certificatesPath(volunteerId) {
  return `/api/volunteer/volunteers/${encodeURIComponent(volunteerId)}/certificates`;
}

/**
 * The PDF of one certificate through the relay. The volunteer's own needs no reason (the service writes a fixed one
 * to the access log); staff state why they open the name and ID number (`?reason=`).
 */
export function certificatePdfPath(volunteerId, code, reason) {
  const r = String(reason || '').trim();
  return `${certificatesPath(volunteerId)}/${encodeURIComponent(code)}.pdf${r ? `?reason=${encodeURIComponent(r)}` : ''}`;
}

/** The public verification page anyone can open (also what the PDF's QR holds): `/verify/{code}` on the portal. */
export function verifyPath(code) {
  return `/verify/${encodeURIComponent(String(code || '').trim())}`;
}

/** The same as a full address to show and copy: `https://portal…/verify/{code}`. */
export function verifyUrl(origin, code) {
  return `${String(origin || '').replace(/\/+$/, '')}${verifyPath(code)}`;
}

/** The hours a certificate states, as the PDF writes them: 90 min → '1.5', 125 → '2.08', 120 → '2.0'. */
export function certificateHours(totalMinutes) {
  const h = Math.round(((Number(totalMinutes) || 0) / 60) * 100) / 100;
  return Number.isInteger(h) ? h.toFixed(1) : String(h);
}

/** The period as `{ from, to }` for the page's words (`null` ends: from the first record / up to the day of issue). */
export function periodOf(c) {
  return { from: (c && c.periodFrom) || null, to: (c && c.periodTo) || null };
}

/** Newest first, as the service answers; kept when the list is merged with one just issued. */
export function sortCertificates(list) {
  return [...(list || [])].sort((a, b) => String(b.issuedAt || '').localeCompare(String(a.issuedAt || '')));
}

/** The file name a downloaded PDF gets. */
export function certificateFileName(code) {
  return `志愿服务记录证明-certificate-${String(code || '').replace(/[^A-Za-z0-9]/g, '')}.pdf`;
}
