import { describe, it, expect, vi } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError } from '../src/api.js';
import {
  NOTIFICATION_KINDS, paths, kindsFor, unreadBadge, serviceMissing, inboxOf, markRead, markAllRead, linkTarget, preferencesForm,
  preferencesBody, unreadCount
} from '../src/notifications.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);
const VOLUNTEER = ['volunteer'];
const STAFF = ['station_staff'];

describe('the inbox', () => {
  it('talks to notification-service through the relay', () => {
    expect(paths.inbox).toBe('/api/notification/notifications/me');
    expect(paths.read('n/1')).toBe('/api/notification/notifications/n%2F1/read');
    expect(paths.readAll).toBe('/api/notification/notifications/me/read-all');
    expect(paths.preferences).toBe('/api/notification/notifications/me/preferences');
  });

  it('shows the unread count as a badge, none for zero or unknown', () => {
    expect(unreadBadge(0)).toBe('');
    expect(unreadBadge(null)).toBe('');
    expect(unreadBadge(undefined)).toBe('');
    expect(unreadBadge(-2)).toBe('');
    expect(unreadBadge(3)).toBe('3');
    expect(unreadBadge(99)).toBe('99');
    expect(unreadBadge(100)).toBe('99+');
  });

  it('takes the gateway 404/502/503 (and no answer) as the service not being there, not a refusal', () => {
    for (const s of [0, 404, 502, 503, 504]) expect(serviceMissing(new ApiError(s, null)), String(s)).toBe(true);
    for (const s of [400, 401, 403, 409, 500]) expect(serviceMissing(new ApiError(s, null)), String(s)).toBe(false);
    expect(serviceMissing(null)).toBe(false);
  });

  it('reads the answer and keeps the count in step with mark read and read all', () => {
    const state = inboxOf({ items: [{ id: 'a', readAt: null }, { id: 'b', readAt: '2026-12-01T00:00:00Z' }, { id: 'c' }, null], unread: 5 });
    expect(state.items.map((i) => i.id)).toEqual(['a', 'b', 'c']);
    expect(state.unread).toBe(5);
    expect(inboxOf({ items: [{ id: 'a' }, { id: 'b', readAt: 'x' }] }).unread).toBe(1);
    expect(inboxOf(null)).toEqual({ items: [], unread: 0 });
    const once = markRead(state, 'a', 'T');
    expect(once.unread).toBe(4);
    expect(once.items[0].readAt).toBe('T');
    expect(markRead(once, 'a', 'T2').unread).toBe(4);
    expect(markRead(once, 'b', 'T2').unread).toBe(4);
    const all = markAllRead(once, 'T3');
    expect(all.unread).toBe(0);
    expect(all.items.map((i) => i.readAt)).toEqual(['T', '2026-12-01T00:00:00Z', 'T3']);
  });

  it('counts unread for the badge, null when the service is not there', async () => {
    const ok = vi.fn(async () => ({ items: [], unread: 7 }));
    expect(await unreadCount(ok)).toBe(7);
    expect(ok).toHaveBeenCalledWith(paths.inbox, { unreadOnly: true, page: 0, size: 1 });
    expect(await unreadCount(async () => { throw new ApiError(502, null); })).toBeNull();
  });
});

describe('a notification link', () => {
  it('is followed only when it is a relative path of the portal', () => {
    expect(linkTarget('/volunteer?tab=activities')).toEqual({ path: '/volunteer?tab=activities', route: true });
    expect(linkTarget('/station#p1')).toEqual({ path: '/station#p1', route: true });
    expect(linkTarget('/verify/ABCD2345WXYZ')).toEqual({ path: '/verify/ABCD2345WXYZ', route: false });
    expect(linkTarget('/api/volunteer/volunteers/x/certificates/C.pdf')).toMatchObject({ route: false });
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', 'volunteer', '/x\n//y', '', null, undefined, {}]) {
      expect(linkTarget(bad), String(bad)).toBeNull();
    }
  });
});

describe('the notification preferences', () => {
  it('offers PROPOSAL_DEADLINE to the station staff only', () => {
    expect(kindsFor(VOLUNTEER)).toEqual(['ASSIGNMENT', 'SIGN_UP_DECISION', 'ACTIVITY_REMINDER', 'CERTIFICATE_READY']);
    expect(kindsFor(STAFF)).toEqual(NOTIFICATION_KINDS);
    expect(kindsFor([])).not.toContain('PROPOSAL_DEADLINE');
  });

  it("fills the form from the service's answer, the defaults for kinds it did not answer", () => {
    const form = preferencesForm({ email: 'a@b.cn', language: 'en', kinds: [{ kind: 'ASSIGNMENT', inApp: false, email: true }, { kind: 'PROPOSAL_DEADLINE', inApp: true, email: true }] }, VOLUNTEER);
    expect(form.email).toBe('a@b.cn');
    expect(form.language).toBe('en');
    expect(form.kinds).toEqual([
      { kind: 'ASSIGNMENT', inApp: false, email: true },
      { kind: 'SIGN_UP_DECISION', inApp: true, email: false },
      { kind: 'ACTIVITY_REMINDER', inApp: true, email: false },
      { kind: 'CERTIFICATE_READY', inApp: true, email: false }
    ]);
    expect(preferencesForm(null, STAFF)).toMatchObject({ email: '', language: 'zh-CN' });
    expect(preferencesForm(null, STAFF).kinds.map((k) => k.kind)).toContain('PROPOSAL_DEADLINE');
  });

  it("sends only the kinds the person may set, the e-mail trimmed or null", () => {
    const kinds = [{ kind: 'ASSIGNMENT', inApp: 1, email: 0 }, { kind: 'PROPOSAL_DEADLINE', inApp: true, email: false }, { kind: 'BOGUS', inApp: true }];
    const v = preferencesBody({ email: ' ', language: 'fr', kinds }, VOLUNTEER);
    expect(v.errors).toEqual({});
    expect(v.body).toEqual({ email: null, language: 'zh-CN', kinds: [{ kind: 'ASSIGNMENT', inApp: true, email: false }] });
    const s = preferencesBody({ email: ' li@station.cn ', language: 'en', kinds }, STAFF);
    expect(s.body.email).toBe('li@station.cn');
    expect(s.body.language).toBe('en');
    expect(s.body.kinds.map((k) => k.kind)).toEqual(['ASSIGNMENT', 'PROPOSAL_DEADLINE']);
  });

  it('names email when it is malformed, or missing while an e-mail switch is on', () => {
    expect(preferencesBody({ email: 'not-an-address', kinds: [] }, VOLUNTEER).errors).toEqual({ email: 'email' });
    expect(preferencesBody({ email: '', kinds: [{ kind: 'ASSIGNMENT', inApp: true, email: true }] }, VOLUNTEER).errors).toEqual({ email: 'emailNeeded' });
    for (const k of ['email', 'emailNeeded']) {
      expect(get(zh, `inbox.err.${k}`)).toBeTruthy();
      expect(get(en, `inbox.err.${k}`)).toBeTruthy();
    }
    for (const k of NOTIFICATION_KINDS) expect(get(zh, `enum.notificationKind.${k}`), k).toBeTruthy();
  });
});
