import { describe, it, expect, vi, afterEach } from 'vitest';
import { RETURN_KEY, RETURN_TTL_MS, safeReturnPath, rememberReturn, takeReturn, forgetReturn } from '../src/returnTo.js';
import { signIn, SIGN_IN_URL } from '../src/api.js';

afterEach(() => vi.unstubAllGlobals());

function memoryStorage() {
  const m = new Map();
  return {
    getItem: (k) => (m.has(k) ? m.get(k) : null),
    setItem: (k, v) => m.set(k, String(v)),
    removeItem: (k) => m.delete(k),
    map: m
  };
}

const CHECK_IN = '/volunteer/check-in?activity=3f2b6a9e-1c4d-4e5f-8a7b-9c0d1e2f3a4b&kind=CHECK_IN&code=AQ_x-y.z_w';

describe('the path to come back to after signing in', () => {
  it('keeps a page of the portal with its query', () => {
    expect(safeReturnPath(CHECK_IN)).toBe(CHECK_IN);
    expect(safeReturnPath('/station?tab=codes#x')).toBe('/station?tab=codes#x');
    expect(safeReturnPath('/volunteer')).toBe('/volunteer');
  });

  it('refuses anything that could leave the portal (no open redirect)', () => {
    for (const bad of [
      'https://evil.example/volunteer', '//evil.example/x', '/\\evil.example', '\\\\evil.example', 'javascript:alert(1)',
      'volunteer/check-in', ' //evil.example', '/%0a//evil.example'.replace('%0a', '\n'), '/\t/evil.example', 'data:text/html,x', '', null, 42
    ]) {
      expect(safeReturnPath(bad), String(bad)).toBeNull();
    }
  });

  it("refuses '/' itself and the portal's sign-in, sign-out, relay and verification paths", () => {
    for (const p of ['/', '/?signin=failed', '/oauth2/authorization/wushe', '/login/oauth2/code/wushe?code=x', '/logout', '/api/me', '/verify/ABC']) {
      expect(safeReturnPath(p), p).toBeNull();
    }
    expect(safeReturnPath('/apiary')).toBe('/apiary');
  });

  it('is taken once, within ten minutes', () => {
    const storage = memoryStorage();
    expect(rememberReturn(CHECK_IN, { storage, now: 1000 })).toBe(CHECK_IN);
    expect(takeReturn({ storage, now: 1000 + RETURN_TTL_MS })).toBe(CHECK_IN);
    expect(takeReturn({ storage, now: 2000 })).toBeNull();
    rememberReturn(CHECK_IN, { storage, now: 1000 });
    expect(takeReturn({ storage, now: 1001 + RETURN_TTL_MS })).toBeNull();
    expect(storage.map.has(RETURN_KEY)).toBe(false);
  });

  it('does not remember an unsafe path, and does not follow one written into the storage by hand', () => {
    const storage = memoryStorage();
    expect(rememberReturn('//evil.example', { storage })).toBeNull();
    expect(storage.map.size).toBe(0);
    storage.setItem(RETURN_KEY, JSON.stringify({ path: 'https://evil.example/', at: 5 }));
    expect(takeReturn({ storage, now: 6 })).toBeNull();
    storage.setItem(RETURN_KEY, 'not json');
    expect(takeReturn({ storage, now: 6 })).toBeNull();
    expect(takeReturn({ storage: null })).toBeNull();
  });

  it('is remembered by the sign-in a signed-out check-in page starts', () => {
    const storage = memoryStorage();
    const assign = vi.fn();
    const [pathname, search] = CHECK_IN.split('?');
    vi.stubGlobal('window', { location: { assign, pathname, search: `?${search}` }, sessionStorage: storage });
    signIn({ force: true });
    expect(assign).toHaveBeenCalledWith(SIGN_IN_URL);
    expect(takeReturn({ storage })).toBe(CHECK_IN);
  });

  it('is forgotten on signing out, so the next person on this tab starts at their own workspace', () => {
    const storage = memoryStorage();
    rememberReturn(CHECK_IN, { storage });
    forgetReturn({ storage });
    expect(takeReturn({ storage })).toBeNull();
    expect(() => forgetReturn({ storage: null })).not.toThrow();
  });
});
