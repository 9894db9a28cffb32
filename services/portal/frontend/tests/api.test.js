import { describe, it, expect, vi, afterEach } from 'vitest';
import { ApiError, fieldErrors, errorFor, readCookie, query, request, signIn, signInFailedHere, SIGN_IN_URL } from '../src/api.js';
import { setLocale } from '../src/i18n/index.js';

afterEach(() => {
  vi.unstubAllGlobals();
});

function response(status, body, type = 'application/json') {
  return {
    status,
    ok: status >= 200 && status < 300,
    headers: { get: () => type },
    text: async () => (body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body))
  };
}

describe('api.js', () => {
  it('reads the XSRF-TOKEN cookie', () => {
    expect(readCookie('XSRF-TOKEN', 'a=1; XSRF-TOKEN=abc%2Fdef; b=2')).toBe('abc/def');
    expect(readCookie('XSRF-TOKEN', 'a=1')).toBe('');
  });

  it('builds query strings, repeating arrays and leaving out blanks', () => {
    expect(query({ status: ['ACCEPTED', 'RESERVED'], limit: 50, x: null, y: '' })).toBe('?status=ACCEPTED&status=RESERVED&limit=50');
    expect(query({})).toBe('');
  });

  it('turns a problem body into field errors', () => {
    const e = new ApiError(400, { title: 'Bad request', errors: [{ field: 'title', message: 'must not be blank' }, { field: 'need.start', message: 'required' }] });
    expect(e.fieldErrors).toEqual({ title: 'must not be blank', 'need.start': 'required' });
    expect(errorFor(e, 'title')).toBe('must not be blank');
    expect(errorFor(e, 'start')).toBe('required');
    expect(errorFor(e, 'urgency')).toBe('');
    expect(fieldErrors([{ field: 'a', message: 'x' }, { field: 'a', message: 'y' }])).toEqual({ a: 'x；y' });
  });

  it('sends the CSRF header on writes, never an Authorization header', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok123' });
    const fetchMock = vi.fn(async () => response(201, { id: 'n1' }));
    vi.stubGlobal('fetch', fetchMock);
    const out = await request('POST', '/api/community/needs', { title: 't' });
    expect(out).toEqual({ id: 'n1' });
    const [path, init] = fetchMock.mock.calls[0];
    expect(path).toBe('/api/community/needs');
    expect(init.headers['X-XSRF-TOKEN']).toBe('tok123');
    expect(init.headers.Authorization).toBeUndefined();
    expect(init.credentials).toBe('same-origin');
    expect(JSON.parse(init.body)).toEqual({ title: 't' });
  });

  it("asks the services for the page's language, not the browser's", async () => {
    vi.stubGlobal('document', { cookie: '', documentElement: { setAttribute() {} } });
    const fetchMock = vi.fn(async () => response(200, []));
    vi.stubGlobal('fetch', fetchMock);
    await request('GET', '/api/me');
    expect(fetchMock.mock.calls[0][1].headers['Accept-Language']).toBe('zh-CN');
    setLocale('en');
    try {
      await request('GET', '/api/me');
      expect(fetchMock.mock.calls[1][1].headers['Accept-Language']).toBe('en');
    } finally {
      setLocale('zh-CN');
    }
  });

  it('does not send the CSRF header on reads', async () => {
    vi.stubGlobal('document', { cookie: 'XSRF-TOKEN=tok123' });
    const fetchMock = vi.fn(async () => response(200, []));
    vi.stubGlobal('fetch', fetchMock);
    await request('GET', '/api/me');
    expect(fetchMock.mock.calls[0][1].headers['X-XSRF-TOKEN']).toBeUndefined();
  });

  it('throws an ApiError with the problem on 403', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => response(403, { title: '无权访问 Forbidden', status: 403, detail: 'station_staff of 7c1', errors: [{ field: 'stationId', message: 'not yours' }] }, 'application/problem+json')));
    const err = await request('GET', '/api/matching/stations/x/proposals').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(403);
    expect(err.title).toBe('无权访问 Forbidden');
    expect(err.fieldErrors.stationId).toBe('not yours');
  });

  it('goes to the sign-in on 401', async () => {
    const assign = vi.fn();
    vi.stubGlobal('window', { location: { assign } });
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => response(401, '')));
    const err = await request('GET', '/api/me').catch((e) => e);
    expect(err.status).toBe(401);
    expect(assign).toHaveBeenCalledWith(SIGN_IN_URL);
  });

  it('stays on the page after a refused sign-in until the person asks again', () => {
    expect(signInFailedHere('?signin=failed')).toBe(true);
    expect(signInFailedHere('?denied=/station')).toBe(false);
    expect(signInFailedHere('')).toBe(false);
    const assign = vi.fn();
    vi.stubGlobal('window', { location: { assign, search: '?signin=failed' } });
    signIn();
    expect(assign).not.toHaveBeenCalled();
    signIn({ force: true });
    expect(assign).toHaveBeenCalledWith(SIGN_IN_URL);
  });

  it('answers null for 204', async () => {
    vi.stubGlobal('document', { cookie: '' });
    vi.stubGlobal('fetch', vi.fn(async () => response(204)));
    expect(await request('POST', '/api/x', {})).toBeNull();
  });
});
