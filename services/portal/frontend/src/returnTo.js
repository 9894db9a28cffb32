// Back to the page a person opened before signing in (e.g. the venue QR's /volunteer/check-in?activity=…&kind=…&code=…).
// The portal's sign-in (Spring Security's oauth2Login) always comes back to '/': the page that sent the person to sign
// in keeps its own path and query in the tab's sessionStorage (never a token: a path of this portal only), and '/'
// takes it once, after sign-in, instead of the workspace by role. Only a same-origin relative path is ever followed:
// no scheme, no '//host', no backslash, no control character, so the entry cannot send anyone to another site.

export const RETURN_KEY = 'wushe_return_to';
/** How long a remembered path is taken after it was remembered (a sign-in that takes longer lands on '/'). */
export const RETURN_TTL_MS = 10 * 60 * 1000;
/** Paths never returned to: the portal's own sign-in, sign-out and relay, and the front page itself. */
const NOT_PAGES = /^\/(?:oauth2|login|logout|api|verify)(?:[/?#]|$)/;

/**
 * The path when it is a relative path of this portal's pages ('/volunteer/check-in?activity=…'), else null.
 * Refuses absolute URLs, protocol-relative ones ('//evil.example', '/\evil.example'), other schemes, '/' itself and
 * the portal's non-page paths.
 */
export function safeReturnPath(path) {
  if (typeof path !== 'string') return null;
  const p = path.trim();
  if (p.length < 2 || p.length > 2000) return null;
  if (p[0] !== '/' || p[1] === '/' || p[1] === '\\') return null;
  // eslint-disable-next-line no-control-regex
  if (/[\\\u0000-\u001f\u007f]/.test(p)) return null;
  let url;
  try {
    url = new URL(p, 'https://portal.invalid');
  } catch {
    return null;
  }
  if (url.origin !== 'https://portal.invalid') return null;
  if (url.pathname === '/' || NOT_PAGES.test(url.pathname)) return null;
  return url.pathname + url.search + url.hash;
}

function store(storage) {
  if (storage) return storage;
  try {
    return typeof window !== 'undefined' && window.sessionStorage ? window.sessionStorage : null;
  } catch {
    return null; // storage refused (private mode): the person lands on '/' as before
  }
}

/** Remembers where the person was (when it is a page worth coming back to); answers what it remembered, or null. */
export function rememberReturn(path, { storage, now = Date.now() } = {}) {
  const s = store(storage);
  const safe = safeReturnPath(path);
  if (!s || !safe) return null;
  try {
    s.setItem(RETURN_KEY, JSON.stringify({ path: safe, at: now }));
    return safe;
  } catch {
    return null;
  }
}

/** Takes the remembered path once (it is removed whatever it held): the safe path, or null when none, stale or unsafe. */
export function takeReturn({ storage, now = Date.now() } = {}) {
  const s = store(storage);
  if (!s) return null;
  let raw;
  try {
    raw = s.getItem(RETURN_KEY);
    s.removeItem(RETURN_KEY);
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const { path, at } = JSON.parse(raw);
    if (typeof at !== 'number' || now - at > RETURN_TTL_MS || now < at - 60000) return null;
    return safeReturnPath(path);
  } catch {
    return null;
  }
}

/** Forgets a remembered page (signing out: the next person to sign in on this tab starts at their own workspace). */
export function forgetReturn({ storage } = {}) {
  const s = store(storage);
  try {
    if (s) s.removeItem(RETURN_KEY);
  } catch {
    // nothing kept
  }
}
