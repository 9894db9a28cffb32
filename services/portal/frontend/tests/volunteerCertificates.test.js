import { describe, it, expect, vi, afterEach } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError, getBlob } from '../src/api.js';
import {
  isDay, certificateBody, certificatesPath, certificatePdfPath, verifyPath, verifyUrl, certificateHours, periodOf, sortCertificates, certificateFileName
} from '../src/pages/volunteer/certificates.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);
const VOLUNTEER = '5d6e7f80-91a2-4b3c-8d4e-5f6a7b8c9d0e';
const TODAY = '2026-12-07';

afterEach(() => vi.unstubAllGlobals());

describe('the certificate period', () => {
  it('knows a calendar day from a malformed or impossible one', () => {
    expect(isDay('2026-02-28')).toBe(true);
    expect(isDay('2024-02-29')).toBe(true);
    expect(isDay('2026-02-29')).toBe(false);
    expect(isDay('2026-13-01')).toBe(false);
    expect(isDay('2026-1-1')).toBe(false);
    expect(isDay('')).toBe(false);
  });

  it('leaves an empty end out of the body (all time), and both out for no period', () => {
    expect(certificateBody({ from: '', to: '' }, TODAY)).toEqual({ body: {}, errors: {} });
    expect(certificateBody({ from: '2026-01-01', to: '' }, TODAY)).toEqual({ body: { from: '2026-01-01' }, errors: {} });
    expect(certificateBody({ from: ' ', to: '2026-06-30' }, TODAY)).toEqual({ body: { to: '2026-06-30' }, errors: {} });
    expect(certificateBody({ from: '2026-01-01', to: TODAY }, TODAY).body).toEqual({ from: '2026-01-01', to: TODAY });
  });

  it('names the field as the service does: not a day, in the future, to before from', () => {
    expect(certificateBody({ from: '2026-02-30' }, TODAY).errors).toEqual({ from: 'day' });
    expect(certificateBody({ to: 'soon' }, TODAY).errors).toEqual({ to: 'day' });
    expect(certificateBody({ from: '2026-12-08' }, TODAY).errors).toEqual({ from: 'future' });
    expect(certificateBody({ to: '2027-01-01' }, TODAY).errors).toEqual({ to: 'future' });
    expect(certificateBody({ from: '2026-06-01', to: '2026-05-31' }, TODAY).errors).toEqual({ to: 'beforeFrom' });
    expect(certificateBody({ from: '2026-06-01', to: '2026-06-01' }, TODAY).errors).toEqual({});
  });

  it('has words for each error in both languages', () => {
    for (const k of ['day', 'future', 'beforeFrom']) {
      expect(get(zh, `cert.err.${k}`), k).toBeTruthy();
      expect(get(en, `cert.err.${k}`), k).toBeTruthy();
    }
    for (const issuer of ['HUB', 'STATION']) expect(get(en, `enum.certIssuer.${issuer}`)).toBeTruthy();
  });
});

describe('the certificate paths', () => {
  it('lists and requests at the volunteer-service relay', () => {
    expect(certificatesPath(VOLUNTEER)).toBe(`/api/volunteer/volunteers/${VOLUNTEER}/certificates`);
  });

  it('opens the PDF without a reason for the volunteer, with one for staff', () => {
    expect(certificatePdfPath(VOLUNTEER, 'ABCD2345WXYZ')).toBe(`/api/volunteer/volunteers/${VOLUNTEER}/certificates/ABCD2345WXYZ.pdf`);
    expect(certificatePdfPath(VOLUNTEER, 'ABCD2345WXYZ', ' 出具证明 & 核对 ')).toBe(
      `/api/volunteer/volunteers/${VOLUNTEER}/certificates/ABCD2345WXYZ.pdf?reason=${encodeURIComponent('出具证明 & 核对')}`);
    expect(certificatePdfPath(VOLUNTEER, '../x')).toContain('/certificates/..%2Fx.pdf');
  });

  it('links the public verification page, as the QR does', () => {
    expect(verifyPath('ABCD2345WXYZ')).toBe('/verify/ABCD2345WXYZ');
    expect(verifyPath('a/b')).toBe('/verify/a%2Fb');
    expect(verifyUrl('https://portal.example/', 'ABCD2345WXYZ')).toBe('https://portal.example/verify/ABCD2345WXYZ');
  });

  it('names the downloaded file by its code only', () => {
    expect(certificateFileName('ABCD-2345')).toBe('志愿服务记录证明-certificate-ABCD2345.pdf');
  });
});

describe('a certificate as listed', () => {
  it('states the hours as the PDF does', () => {
    expect(certificateHours(90)).toBe('1.5');
    expect(certificateHours(120)).toBe('2.0');
    expect(certificateHours(125)).toBe('2.08');
    expect(certificateHours(0)).toBe('0.0');
  });

  it('keeps open ends of the period as null', () => {
    expect(periodOf({ periodFrom: '2026-01-01', periodTo: null })).toEqual({ from: '2026-01-01', to: null });
    expect(periodOf({})).toEqual({ from: null, to: null });
  });

  it('lists the newest first', () => {
    const list = [{ code: 'A', issuedAt: '2026-03-01T00:00:00Z' }, { code: 'B', issuedAt: '2026-11-01T00:00:00Z' }, { code: 'C', issuedAt: '2026-05-01T00:00:00Z' }];
    expect(sortCertificates(list).map((c) => c.code)).toEqual(['B', 'C', 'A']);
  });
});

describe('getBlob', () => {
  it('answers the PDF as a Blob', async () => {
    const blob = new Blob(['%PDF-1.7'], { type: 'application/pdf' });
    const fetchMock = vi.fn(async () => ({ status: 200, ok: true, headers: { get: () => 'application/pdf' }, blob: async () => blob }));
    vi.stubGlobal('fetch', fetchMock);
    expect(await getBlob('/api/volunteer/volunteers/x/certificates/C.pdf')).toBe(blob);
    expect(fetchMock.mock.calls[0][1].headers.Accept).toContain('application/pdf');
    expect(fetchMock.mock.calls[0][1].headers.Authorization).toBeUndefined();
  });

  it("turns a refusal into the service's problem", async () => {
    const problem = { title: '服务不可用', status: 503, detail: 'font missing', errors: [{ field: 'wushe.volunteer.certificate.font', message: 'missing' }] };
    vi.stubGlobal('fetch', vi.fn(async () => ({ status: 503, ok: false, headers: { get: () => 'application/problem+json' }, text: async () => JSON.stringify(problem) })));
    const err = await getBlob('/x.pdf').catch((e) => e);
    expect(err).toBeInstanceOf(ApiError);
    expect(err.status).toBe(503);
    expect(err.detail).toBe('font missing');
    expect(err.fieldErrors['wushe.volunteer.certificate.font']).toBe('missing');
  });
});
