// 消息 The notification inbox on the volunteer's phone and the station's desk: the pure logic (the badge, the kinds a
// role may set, which links are followed, the preferences body), tested by tests/notifications.test.js.
// notification-service through the portal's relay (/api/notification/…):
//   GET  /notifications/me?unreadOnly=&page=&size=  → { items: [{ id, kind, title, body, link, createdAt, readAt }], unread }
//   POST /notifications/{id}/read → 204;  POST /notifications/me/read-all → 204
//   GET/PUT /notifications/me/preferences → { email, language, kinds: [{ kind, inApp, email }] }
// When the service is not there (the gateway's 404/502/503) the pages show no badge and "暂不可用 unavailable".

export const NOTIFICATION_KINDS = ['ASSIGNMENT', 'SIGN_UP_DECISION', 'ACTIVITY_REMINDER', 'CERTIFICATE_READY', 'PROPOSAL_DEADLINE'];
/** Kinds only some roles receive: the proposals' deadlines are the station's staff's. */
const ROLE_KINDS = { PROPOSAL_DEADLINE: ['station_staff'] };
export const PAGE_SIZE = 20;

const base = '/api/notification/notifications';
export const paths = {
  inbox: `${base}/me`,
  read: (id) => `${base}/${encodeURIComponent(id)}/read`,
  readAll: `${base}/me/read-all`,
  preferences: `${base}/me/preferences`
};

/** The kinds a person with these roles may receive and set (PROPOSAL_DEADLINE for station staff only). */
export function kindsFor(roles) {
  const have = new Set(roles || []);
  return NOTIFICATION_KINDS.filter((k) => !ROLE_KINDS[k] || ROLE_KINDS[k].some((r) => have.has(r)));
}

/** The badge's text: '' (no badge) for none or an unknown count, the number up to 99, then '99+'. */
export function unreadBadge(unread) {
  const n = Number(unread);
  if (!Number.isFinite(n) || n <= 0) return '';
  return n > 99 ? '99+' : String(Math.floor(n));
}

/** Is this failure the service not being there (the gateway's 404, 502, 503, or no answer), rather than a refusal? */
export function serviceMissing(err) {
  const s = err && typeof err.status === 'number' ? err.status : null;
  return s === 0 || s === 404 || s === 502 || s === 503 || s === 504;
}

/** The inbox answer as the page keeps it: items (newest first, as sent) and the unread count (never negative). */
export function inboxOf(data) {
  const items = data && Array.isArray(data.items) ? data.items.filter((i) => i && i.id) : [];
  const unread = data && Number.isFinite(Number(data.unread)) ? Math.max(0, Number(data.unread)) : items.filter((i) => !i.readAt).length;
  return { items, unread };
}

/** After `POST …/{id}/read`: that item read at `at`, the count one less when it was unread. */
export function markRead(state, id, at = new Date().toISOString()) {
  let changed = false;
  const items = state.items.map((i) => {
    if (i.id !== id || i.readAt) return i;
    changed = true;
    return { ...i, readAt: at };
  });
  return { items, unread: changed ? Math.max(0, state.unread - 1) : state.unread };
}

/** After `POST …/me/read-all`: every item read, none unread. */
export function markAllRead(state, at = new Date().toISOString()) {
  return { items: state.items.map((i) => (i.readAt ? i : { ...i, readAt: at })), unread: 0 };
}

/**
 * Where a tap on a notification goes: a relative path of this portal only (`/volunteer?tab=activities`), as
 * `{ path, route }` (`route`: a page of the app, opened by the router; else a full navigation, e.g. `/verify/…`), or
 * null: absolute URLs, `//host`, `/\host`, other schemes and control characters are never followed (no open redirect
 * through a notification's text).
 */
export function linkTarget(link) {
  if (typeof link !== 'string') return null;
  const l = link.trim();
  if (!l || l[0] !== '/' || l[1] === '/' || l[1] === '\\' || l.length > 2000) return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(l)) return null;
  let url;
  try {
    url = new URL(l, 'https://portal.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://portal.invalid') return null;
  const path = url.pathname + url.search + url.hash;
  const route = !/^\/(?:api|verify|oauth2|login|logout|asyncapi)(?:[/?#]|$)/.test(url.pathname);
  return { path, route };
}

/**
 * The preferences as the form edits them: every kind this person may set, in the service's order, with the
 * service's switches or the defaults (in the app on, e-mail off).
 */
export function preferencesForm(prefs, roles) {
  const p = prefs || {};
  const given = new Map((Array.isArray(p.kinds) ? p.kinds : []).filter((k) => k && k.kind).map((k) => [k.kind, k]));
  return {
    email: p.email || '',
    language: p.language === 'en' ? 'en' : 'zh-CN',
    kinds: kindsFor(roles).map((kind) => {
      const k = given.get(kind);
      return { kind, inApp: k ? k.inApp !== false : true, email: k ? k.email === true : false };
    })
  };
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/**
 * `{ body, errors }` for `PUT …/me/preferences` from the form: the e-mail trimmed (null when empty: no e-mail), the
 * language, and only the kinds this person may set. An e-mail switch on with no address names `email`.
 */
export function preferencesBody(form, roles) {
  const f = form || {};
  const email = String(f.email || '').trim();
  const allowed = new Set(kindsFor(roles));
  const kinds = (f.kinds || []).filter((k) => k && allowed.has(k.kind)).map((k) => ({ kind: k.kind, inApp: !!k.inApp, email: !!k.email }));
  const errors = {};
  if (email && (!EMAIL.test(email) || email.length > 254)) errors.email = 'email';
  else if (!email && kinds.some((k) => k.email)) errors.email = 'emailNeeded';
  return { body: { email: email || null, language: f.language === 'en' ? 'en' : 'zh-CN', kinds }, errors };
}

/**
 * The unread count for a badge, with `get(path, params)` (api.get): the number, or null when the service is not there
 * (no badge) — other failures are null too, the inbox itself shows them.
 */
export async function unreadCount(get) {
  try {
    return inboxOf(await get(paths.inbox, { unreadOnly: true, page: 0, size: 1 })).unread;
  } catch {
    return null;
  }
}
