import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError } from '../src/api.js';
import {
  CHECK_IN_PATH, KINDS, SIGN_UP_STATUSES, STAGES, ACTIVITY_KINDS, REJECT_REASONS, checkInUrl, codeKind, parseCheckIn, scanPath, placesLeft,
  positionState, liveSignUp, openActivities, stageOf, canWithdraw, refusal, idNumberChecks, registrationBody, needsGuardian,
  qualificationState, sortQualifications, refreshDelay, VENUE_STATUSES
} from '../src/pages/volunteer/activities.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);
const ACTIVITY = '3f2b6a9e-1c4d-4e5f-8a7b-9c0d1e2f3a4b';
const POSITION = '0b1c2d3e-4f50-4a1b-8c2d-3e4f5a6b7c8d';

/** A venue code laid out as volunteer-service's VenueCodes writes one (the MAC here is only bytes of the right length). */
function venueCode(kind) {
  const payload = new Uint8Array(62);
  payload[0] = 1;
  const hex = ACTIVITY.replace(/-/g, '');
  for (let i = 0; i < 16; i++) payload[1 + i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  payload[33] = KINDS.indexOf(kind) + 1;
  const b64url = (bytes) => Buffer.from(bytes).toString('base64').replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
  return `${b64url(payload)}.${b64url(new Uint8Array(32).fill(7))}`;
}

describe('the venue QR code opens the check-in page', () => {
  it('holds the portal URL with the activity, kind and code, which the page parses back', () => {
    const code = venueCode('CHECK_IN');
    const url = checkInUrl('https://portal.example/', { activityId: ACTIVITY, kind: 'CHECK_IN', code });
    expect(url.startsWith(`https://portal.example${CHECK_IN_PATH}?`)).toBe(true);
    expect(parseCheckIn(url)).toEqual({ activityId: ACTIVITY, kind: 'CHECK_IN', code });
    // The router's query object and a bare query string read the same.
    expect(parseCheckIn({ activity: ACTIVITY, kind: 'check_out', code })).toEqual({ activityId: ACTIVITY, kind: 'CHECK_OUT', code });
    expect(parseCheckIn(`activity=${ACTIVITY}&code=${code}`).activityId).toBe(ACTIVITY);
  });

  it('reads the kind from the code itself when the URL does not say', () => {
    expect(codeKind(venueCode('CHECK_IN'))).toBe('CHECK_IN');
    expect(codeKind(venueCode('CHECK_OUT'))).toBe('CHECK_OUT');
    expect(parseCheckIn({ activity: ACTIVITY, code: venueCode('CHECK_OUT') }).kind).toBe('CHECK_OUT');
    expect(codeKind('not-a-code')).toBe(null);
  });

  it('names what is wrong with a malformed URL instead of posting it', () => {
    const code = venueCode('CHECK_IN');
    expect(parseCheckIn(`/volunteer/check-in?code=${code}`)).toEqual({ error: 'activity' });
    expect(parseCheckIn(`/volunteer/check-in?activity=x&code=${code}`)).toEqual({ error: 'activity' });
    expect(parseCheckIn(`/volunteer/check-in?activity=${ACTIVITY}`)).toEqual({ error: 'code' });
    expect(parseCheckIn(`/volunteer/check-in?activity=${ACTIVITY}&code=abc<script>`)).toEqual({ error: 'code' });
    expect(parseCheckIn(`/volunteer/check-in?activity=${ACTIVITY}&kind=LEAVE&code=${code}`)).toEqual({ error: 'kind' });
    expect(parseCheckIn('')).toEqual({ error: 'activity' });
  });

  it('posts to the scan of its kind', () => {
    expect(scanPath(ACTIVITY, 'CHECK_IN')).toBe(`/activities/${ACTIVITY}/check-in`);
    expect(scanPath(ACTIVITY, 'CHECK_OUT')).toBe(`/activities/${ACTIVITY}/check-out`);
  });
});

describe('activities and positions', () => {
  const now = Date.parse('2026-12-06T08:00:00Z');
  const pos = (over) => ({ id: POSITION, places: 3, placesTaken: 1, waiting: 0, waitingListLimit: 2, startsAt: '2026-12-07T01:00:00Z', ...over });

  it('counts the places left and says whether a sign-up waits or is refused', () => {
    expect(placesLeft(pos())).toBe(2);
    expect(positionState(pos())).toBe('OPEN');
    expect(positionState(pos({ placesTaken: 3 }))).toBe('WAITLIST');
    expect(positionState(pos({ placesTaken: 3, waiting: 2 }))).toBe('FULL');
    expect(placesLeft(pos({ placesTaken: 5 }))).toBe(0);
  });

  it('lists the open activities of the volunteer\'s own community first, then the soonest', () => {
    const list = [
      { id: 'a', communityId: 'other', startsAt: '2026-12-07T01:00:00Z', positions: [pos()] },
      { id: 'b', communityId: 'mine', startsAt: '2026-12-09T01:00:00Z', positions: [pos({ startsAt: '2026-12-09T01:00:00Z' })] },
      { id: 'c', communityId: 'mine', status: 'CANCELLED', startsAt: '2026-12-08T01:00:00Z', positions: [pos()] },
      { id: 'd', communityId: 'mine', startsAt: '2026-12-05T01:00:00Z', positions: [pos({ startsAt: '2026-12-05T01:00:00Z' })] },
      { id: 'e', communityId: 'other', startsAt: '2026-12-06T09:00:00Z', positions: [pos({ startsAt: '2026-12-06T09:00:00Z' })] }
    ];
    expect(openActivities(list, { communityId: 'mine', now }).map((a) => a.id)).toEqual(['b', 'e', 'a']);
  });

  it('finds the live sign-up and says when it may be withdrawn', () => {
    const signUps = [
      { id: 's1', activityId: 'a', status: 'WITHDRAWN' },
      { id: 's2', activityId: 'a', status: 'WAITLISTED', waitingListPosition: 2 }
    ];
    expect(liveSignUp(signUps, 'a').id).toBe('s2');
    expect(liveSignUp(signUps, 'b')).toBe(null);
    expect(canWithdraw(signUps[1], pos(), now)).toBe(true);
    expect(canWithdraw(signUps[1], pos({ startsAt: '2026-12-06T07:00:00Z' }), now)).toBe(false);
    expect(canWithdraw(signUps[0], pos(), now)).toBe(false);
  });

  it('shows a confirmed sign-up by its attendance', () => {
    const s = { status: 'CONFIRMED' };
    expect(stageOf(s, null)).toBe('CONFIRMED');
    expect(stageOf(s, { checkedInAt: '2026-12-06T08:00:00Z' })).toBe('CHECKED_IN');
    expect(stageOf(s, { checkedInAt: '2026-12-06T08:00:00Z', checkedOutAt: '2026-12-06T10:00:00Z' })).toBe('CHECKED_OUT');
    expect(stageOf({ status: 'WAITLISTED' }, null)).toBe('WAITLISTED');
    expect(stageOf({ status: 'CONFIRMED', noShow: true }, null)).toBe('NO_SHOW');
  });
});

describe('a refused sign-up is explained from the problem body', () => {
  const problem = (status, field, message, detail = 'refused') =>
    new ApiError(status, { title: 'Conflict', detail, errors: [{ field, message }] });

  it('names the field and keeps the service\'s words', () => {
    expect(refusal(problem(409, 'positionId', 'the position is full 名额已满'))).toEqual({
      field: 'positionId', message: 'the position is full 名额已满', hint: 'act.why.position', status: 409
    });
    expect(refusal(problem(409, 'qualification', '缺少岗位所需资质')).hint).toBe('act.why.qualification');
    expect(refusal(problem(409, 'volunteerId', '暂停报名')).hint).toBe('act.why.volunteer');
    expect(refusal(problem(404, 'volunteerId', 'volunteer x')).hint).toBe('act.why.register');
    expect(refusal(problem(409, 'guardianConsent', 'needs consent')).hint).toBe('act.why.consent');
  });

  it('falls back to the detail when no field is named', () => {
    expect(refusal(new ApiError(500, { detail: 'boom' }))).toEqual({ field: null, message: 'boom', hint: null, status: 500 });
    expect(refusal(null)).toBe(null);
  });
});

describe('self-registration', () => {
  it('checks the ID number\'s check character as GB 11643 does', () => {
    expect(idNumberChecks('11010519491231002X')).toBe(true);
    expect(idNumberChecks('11010519491231002x')).toBe(true);
    expect(idNumberChecks('110105194912310021')).toBe(false);
    expect(idNumberChecks('1101051949123100')).toBe(false);
  });

  it('builds the body of POST /volunteers/me and names the fields it refuses first', () => {
    const { body, errors } = registrationBody({
      name: ' 张三 ', idNumber: '11010519491231002x', phone: '139 1234 5678', communityId: 'c1', districtCode: '110105',
      skills: ['FIRST_AID'], languages: 'zh, yue'
    });
    expect(errors).toEqual({});
    expect(body).toEqual({
      name: '张三', idNumber: '11010519491231002X', phone: '13912345678', communityId: 'c1',
      homeArea: { districtCode: '110105', communityId: 'c1' }, skills: ['FIRST_AID'], languages: ['zh', 'yue']
    });
    expect(registrationBody({ idNumber: '110105194912310021', phone: '12345', districtCode: '11' }).errors).toEqual({
      name: 'required', idNumber: 'idNumber', phone: 'phone', communityId: 'required', 'homeArea.districtCode': 'district'
    });
  });

  it('asks a minor for a guardian\'s consent', () => {
    expect(needsGuardian({ age: 16 })).toBe(true);
    expect(needsGuardian({ age: 18 })).toBe(false);
    expect(needsGuardian({})).toBe(false);
    expect(needsGuardian(null)).toBe(false);
  });
});

describe('qualifications and the desk\'s QR', () => {
  const now = Date.parse('2026-12-06T00:00:00Z');
  it('says whether each qualification is valid, expiring or expired, valid first', () => {
    const list = [
      { code: 'A', valid: false, validUntil: '2026-01-01T00:00:00Z' },
      { code: 'B', valid: true, validUntil: '2026-12-20T00:00:00Z' },
      { code: 'C', valid: true, validUntil: '2028-01-01T00:00:00Z' }
    ];
    expect(list.map((q) => qualificationState(q, now))).toEqual(['EXPIRED', 'EXPIRING', 'VALID']);
    expect(sortQualifications(list, now).map((q) => q.code)).toEqual(['C', 'B', 'A']);
  });

  it('fetches the next venue code before the shown one expires', () => {
    expect(refreshDelay('2026-12-06T00:05:00Z', now)).toBe(270000);
    expect(refreshDelay('2026-12-06T00:00:10Z', now)).toBe(5000);
    expect(refreshDelay('nonsense', now)).toBe(5000);
  });
});

describe('the words of the activities tab', () => {
  it('names every status, stage, kind and reason in both languages', () => {
    const tables = { signUpStatus: SIGN_UP_STATUSES, signUpStage: STAGES, activityKind: ACTIVITY_KINDS, signUpReject: REJECT_REASONS, attendanceKind: KINDS, venueStatus: VENUE_STATUSES };
    for (const [table, values] of Object.entries(tables)) {
      for (const v of values) {
        expect(get(zh, `enum.${table}.${v}`), `zh enum.${table}.${v}`).toBeTruthy();
        expect(get(en, `enum.${table}.${v}`), `en enum.${table}.${v}`).toBeTruthy();
      }
    }
    for (const k of ['position', 'qualification', 'volunteer', 'register', 'consent', 'activity']) {
      expect(get(zh, `act.why.${k}`)).toBeTruthy();
      expect(get(en, `act.why.${k}`)).toBeTruthy();
    }
  });
});
