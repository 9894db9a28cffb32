import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError } from '../src/api.js';
import { CLOSE_ACCOUNT_PATH, closeSignInAccount, closedMessage } from '../src/pages/volunteer/closeAccount.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);

describe('after erasing, the page asks the issuer to close the sign-in account', () => {
  it('sends DELETE to the portal route of the issuer and answers closed', async () => {
    const calls = [];
    const outcome = await closeSignInAccount(async (path) => {
      calls.push(path);
      return null;
    });
    expect(calls).toEqual(['/api/issuer/accounts/me']);
    expect(CLOSE_ACCOUNT_PATH).toBe('/api/issuer/accounts/me');
    expect(outcome).toBe('closed');
    expect(closedMessage(outcome)).toBe('erase.closed');
  });

  it('takes 404 or 405 (an issuer without the endpoint) as: close it at the issuer', async () => {
    for (const status of [404, 405]) {
      const outcome = await closeSignInAccount(async () => {
        throw new ApiError(status, { title: 'Not Found' });
      });
      expect(outcome).toBe('atIssuer');
      expect(closedMessage(outcome)).toBe('erase.closeAtIssuer');
    }
  });

  it('throws any other refusal so the page shows it and does not sign out', async () => {
    const forbidden = new ApiError(403, { detail: 'roles: only an account whose only role is volunteer closes itself', required: 'volunteer' });
    await expect(closeSignInAccount(async () => { throw forbidden; })).rejects.toBe(forbidden);
    await expect(closeSignInAccount(async () => { throw new ApiError(502, null); })).rejects.toMatchObject({ status: 502 });
    await expect(closeSignInAccount(async () => { throw new ApiError(0, null); })).rejects.toMatchObject({ status: 0 });
  });

  it('has the messages in Chinese and English', () => {
    for (const key of ['erase.closed', 'erase.closeAtIssuer', 'erase.signOut']) {
      expect(get(zh, key), key).toBeTruthy();
      expect(get(en, key), key).toBeTruthy();
    }
    expect(get(zh, 'erase.closeAtIssuer')).toContain('登录服务');
    expect(get(en, 'erase.closeAtIssuer')).toContain('issuer');
  });
});
