// The volunteer's activities (活动), sign-ups (报名), check-in by the venue's QR code (签到/签退), self-registration
// (实名注册) and qualifications (资质): the pure logic of the phone page, tested by tests/volunteerActivities.test.js.
// Everything the page sends goes to volunteer-service through the portal's relay (/api/volunteer/…).

/** The portal page the venue's QR code opens on the volunteer's phone. */
export const CHECK_IN_PATH = '/volunteer/check-in';
export const KINDS = ['CHECK_IN', 'CHECK_OUT'];
export const SIGN_UP_STATUSES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'REJECTED', 'WITHDRAWN', 'CANCELLED'];
/** An activity's venue as reserved through the saga (volunteer-service's ActivityVenues.Status). */
export const VENUE_STATUSES = ['PENDING', 'RESERVED', 'REFUSED', 'RELEASED'];
export const ACTIVITY_KINDS = ['NEIGHBOURHOOD_FESTIVAL', 'FREE_CLINIC', 'TRAINING', 'CLEAN_UP', 'OTHER'];
export const REJECT_REASONS = ['NOT_SUITABLE', 'QUALIFICATION_MISSING', 'ENOUGH_VOLUNTEERS', 'OTHER'];
/** What a sign-up shows as its stage: its status, or where its attendance has got to. */
export const STAGES = ['PENDING', 'CONFIRMED', 'WAITLISTED', 'CHECKED_IN', 'CHECKED_OUT', 'REJECTED', 'WITHDRAWN', 'CANCELLED', 'NO_SHOW'];

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** volunteer-service's venue code (VenueCodes): base64url of its 62-byte payload, a dot, base64url of its HMAC. */
const CODE = /^[A-Za-z0-9_-]{20,120}\.[A-Za-z0-9_-]{20,60}$/;

/**
 * The URL the venue's QR code holds: the portal's check-in page with the activity, the kind and the code
 * (`https://portal…/volunteer/check-in?activity=…&kind=CHECK_IN&code=…`). Opened on the volunteer's phone, signed in,
 * it posts the code to `POST /activities/{activity}/check-in` (or `check-out`).
 */
export function checkInUrl(origin, { activityId, kind, code }) {
  const q = new URLSearchParams({ activity: activityId, kind: kind || 'CHECK_IN', code });
  return `${String(origin || '').replace(/\/+$/, '')}${CHECK_IN_PATH}?${q.toString()}`;
}

/**
 * The kind a venue code was issued for, read from its payload (byte 33: 1 check-in, 2 check-out), or null when the
 * text is not a code. Only a hint for the page: the service verifies the code and refuses a wrong kind by itself.
 */
export function codeKind(code) {
  if (!CODE.test(String(code || ''))) return null;
  try {
    const b64 = code.split('.')[0].replace(/-/g, '+').replace(/_/g, '/');
    const bin = atob(b64 + '='.repeat((4 - (b64.length % 4)) % 4));
    if (bin.length < 34 || bin.charCodeAt(0) !== 1) return null;
    return KINDS[bin.charCodeAt(33) - 1] || null;
  } catch {
    return null;
  }
}

/**
 * What a scanned check-in URL (or the page's own query) says: `{ activityId, kind, code }`, or `{ error }` naming
 * what is missing or malformed (`activity`, `code`, `kind`). Accepts a full URL, a path with its query, a query
 * string or the router's query object.
 */
export function parseCheckIn(input) {
  let params;
  if (input && typeof input === 'object' && !(input instanceof URLSearchParams)) {
    params = new URLSearchParams();
    for (const [k, v] of Object.entries(input)) if (v != null) params.set(k, Array.isArray(v) ? v[0] : v);
  } else if (input instanceof URLSearchParams) {
    params = input;
  } else {
    const text = String(input || '').trim();
    const i = text.indexOf('?');
    params = new URLSearchParams(i >= 0 ? text.slice(i + 1) : text);
  }
  const activityId = (params.get('activity') || '').trim();
  const code = (params.get('code') || '').trim();
  const kindParam = (params.get('kind') || '').trim().toUpperCase();
  if (!UUID.test(activityId)) return { error: 'activity' };
  if (!CODE.test(code)) return { error: 'code' };
  if (kindParam && !KINDS.includes(kindParam)) return { error: 'kind' };
  const kind = kindParam || codeKind(code) || 'CHECK_IN';
  return { activityId: activityId.toLowerCase(), kind, code };
}

/** The service's path for a scan: `/activities/{id}/check-in` or `/check-out`. */
export function scanPath(activityId, kind) {
  return `/activities/${activityId}/${kind === 'CHECK_OUT' ? 'check-out' : 'check-in'}`;
}

/** Places still free in a position (never below 0), and whether a sign-up would go to the waiting list or is refused. */
export function placesLeft(p) {
  return Math.max(0, (p.places || 0) - (p.placesTaken || 0));
}
export function positionState(p) {
  if (placesLeft(p) > 0) return 'OPEN';
  return (p.waiting || 0) < (p.waitingListLimit || 0) ? 'WAITLIST' : 'FULL';
}

/** The volunteer's live sign-up (pending, confirmed or waiting) for an activity, if any. */
export function liveSignUp(signUps, activityId) {
  return (signUps || []).find((s) => s.activityId === activityId && ['PENDING', 'CONFIRMED', 'WAITLISTED'].includes(s.status)) || null;
}

/**
 * Activities a volunteer may still sign up for: published, not cancelled, some position not started yet; those of
 * the volunteer's own community first, then the soonest.
 */
export function openActivities(list, { communityId = null, now = Date.now() } = {}) {
  const t = typeof now === 'number' ? now : new Date(now).getTime();
  return (list || [])
    .filter((a) => a.status !== 'CANCELLED' && (a.positions || []).some((p) => new Date(p.startsAt || a.startsAt).getTime() > t))
    .slice()
    .sort((a, b) => {
      const own = (x) => (communityId && x.communityId === communityId ? 0 : 1);
      return own(a) - own(b) || String(a.startsAt).localeCompare(String(b.startsAt));
    });
}

/** A sign-up's stage for the page: its attendance once confirmed (checked in, checked out), else its status. */
export function stageOf(signUp, attendance) {
  if (!signUp) return null;
  if (signUp.noShow) return 'NO_SHOW';
  if (signUp.status === 'CONFIRMED' && attendance) {
    if (attendance.checkedOutAt) return 'CHECKED_OUT';
    if (attendance.checkedInAt) return 'CHECKED_IN';
  }
  return signUp.status;
}

/** A sign-up may be withdrawn while it is live and its position has not started. */
export function canWithdraw(signUp, position, now = Date.now()) {
  if (!signUp || !['PENDING', 'CONFIRMED', 'WAITLISTED'].includes(signUp.status)) return false;
  return !position || !position.startsAt || new Date(position.startsAt).getTime() > now;
}

/**
 * Where a refused sign-up's problem belongs on the card and which hint explains it: the service names the field
 * (`positionId` full, started, overlapping or a skill missing; `qualification`; `volunteerId` at the no-show limit or
 * not registered; `guardianConsent` a minor without a guardian's consent). The detail is the service's own words.
 */
export function refusal(err) {
  if (!err) return null;
  const errors = Array.isArray(err.errors) ? err.errors : [];
  const named = errors.find((e) => e && e.field) || null;
  const field = named ? named.field : null;
  const message = (named && (named.message || named.reason)) || err.detail || err.title || '';
  const hints = {
    positionId: 'act.why.position',
    qualification: 'act.why.qualification',
    volunteerId: err.status === 404 ? 'act.why.register' : 'act.why.volunteer',
    guardianConsent: 'act.why.consent',
    id: 'act.why.activity'
  };
  return { field, message, hint: hints[field] || null, status: err.status };
}

const MOBILE = /^1[3-9]\d{9}$/;
const ID_NUMBER = /^\d{17}[\dXx]$/;
const DISTRICT = /^\d{6}$/;
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** GB 11643's check character of an 18-character ID number holds (the service checks it again). */
export function idNumberChecks(idNumber) {
  const s = String(idNumber || '').toUpperCase();
  if (!ID_NUMBER.test(s)) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(s[i]) * ID_WEIGHTS[i];
  return ID_CHECK[sum % 11] === s[17];
}

/**
 * The body of `POST /volunteers/me` from the form, with the checks the page can make first (`{ body, errors }`,
 * errors by the service's field names: name, idNumber, phone, communityId, homeArea.districtCode).
 */
export function registrationBody(form) {
  const f = form || {};
  const errors = {};
  const name = String(f.name || '').trim();
  const idNumber = String(f.idNumber || '').trim().toUpperCase();
  const phone = String(f.phone || '').replace(/[\s-]/g, '');
  const districtCode = String(f.districtCode || '').trim();
  if (!name) errors.name = 'required';
  else if (name.length > 30) errors.name = 'tooLong';
  if (!idNumber) errors.idNumber = 'required';
  else if (!idNumberChecks(idNumber)) errors.idNumber = 'idNumber';
  if (!phone) errors.phone = 'required';
  else if (!MOBILE.test(phone)) errors.phone = 'phone';
  if (!f.communityId) errors.communityId = 'required';
  if (!DISTRICT.test(districtCode)) errors['homeArea.districtCode'] = 'district';
  const body = {
    name,
    idNumber,
    phone,
    communityId: f.communityId || null,
    homeArea: { districtCode, communityId: f.communityId || null },
    skills: (f.skills || []).slice(),
    languages: String(f.languages || '').split(/[,，、\s]+/).map((l) => l.trim()).filter(Boolean)
  };
  return { body, errors };
}

/** A minor (under 18 by the service's age) needs a guardian's consent, recorded by the community's staff, to sign up. */
export function needsGuardian(profile) {
  return !!profile && typeof profile.age === 'number' && profile.age < 18;
}

/** A qualification's state on the page: VALID, EXPIRING (within 30 days) or EXPIRED. */
export function qualificationState(q, now = Date.now(), soonDays = 30) {
  if (!q) return null;
  const until = q.validUntil ? new Date(q.validUntil).getTime() : null;
  if (q.valid === false || (until !== null && until <= now)) return 'EXPIRED';
  if (until !== null && until - now <= soonDays * 86400000) return 'EXPIRING';
  return 'VALID';
}

/** Valid ones first, the latest expiry first. */
export function sortQualifications(list, now = Date.now()) {
  const rank = { VALID: 0, EXPIRING: 1, EXPIRED: 2 };
  return (list || []).slice().sort((a, b) => rank[qualificationState(a, now)] - rank[qualificationState(b, now)]
    || String(b.validUntil || '').localeCompare(String(a.validUntil || '')));
}

/**
 * When the desk should fetch the next venue code: `margin` before the shown one expires (never sooner than
 * `minimum`), so the QR at the venue is never a stale one.
 */
export function refreshDelay(expiresAt, now = Date.now(), margin = 30000, minimum = 5000) {
  const t = new Date(expiresAt).getTime();
  if (!Number.isFinite(t)) return minimum;
  return Math.max(minimum, t - now - margin);
}
