// 监护人同意 A guardian's consent for a minor volunteer, recorded by the station's staff on the desk: the pure logic
// (the body, its checks, the volunteers to pick from), tested by tests/guardianConsent.test.js.
// volunteer-service GuardianConsentController: POST /volunteers/{id}/guardian-consent with
// { guardianName, guardianPhone, relationship } → 201 { volunteerId, relationship, recordedBy, recordedAt } (the name
// and phone are sealed and never answered). Staff of a station the volunteer serves, or of their community; 403 naming
// id for anyone else, 409 naming id for a volunteer who is not a minor, 400 naming the field.

export const RELATIONSHIPS = ['PARENT', 'GRANDPARENT', 'SIBLING', 'OTHER_GUARDIAN'];
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A mainland mobile number, as the service checks it (1[3-9] and nine digits). */
const MOBILE = /^1[3-9]\d{9}$/;

export function isUuid(s) {
  return UUID.test(String(s || '').trim());
}

/**
 * `{ volunteerId, body, errors }` from the form `{ volunteerId, guardianName, guardianPhone, relationship }`; errors
 * name the field as the service's 400 does, with the message key under `consent.err.` (spaces and dashes in the phone
 * are dropped first).
 */
export function consentBody(form) {
  const f = form || {};
  const volunteerId = String(f.volunteerId || '').trim();
  const guardianName = String(f.guardianName || '').trim();
  const guardianPhone = String(f.guardianPhone || '').replace(/[\s-]/g, '');
  const relationship = RELATIONSHIPS.includes(f.relationship) ? f.relationship : null;
  const errors = {};
  if (!volunteerId) errors.id = 'required';
  else if (!isUuid(volunteerId)) errors.id = 'uuid';
  if (!guardianName) errors.guardianName = 'required';
  else if ([...guardianName].length > 30) errors.guardianName = 'tooLong';
  if (!guardianPhone) errors.guardianPhone = 'required';
  else if (!MOBILE.test(guardianPhone)) errors.guardianPhone = 'phone';
  if (!relationship) errors.relationship = 'required';
  return { volunteerId, body: { guardianName, guardianPhone, relationship }, errors };
}

/** Where the consent is recorded, through the portal's relay. */
export function consentPath(volunteerId) {
  return `/api/volunteer/volunteers/${encodeURIComponent(String(volunteerId || '').trim())}/guardian-consent`;
}

/**
 * The station's volunteers (GET /volunteers answers those who serve the station, without name or phone) as picker
 * options: minors (by the `age` the service derives, when it answers one) first, then by id.
 */
export function volunteerOptions(list) {
  return [...(list || [])]
    .filter((v) => v && v.id)
    .map((v) => ({ id: v.id, age: Number.isInteger(v.age) ? v.age : null, minor: Number.isInteger(v.age) && v.age < 18, communityId: v.communityId || null }))
    .sort((a, b) => Number(b.minor) - Number(a.minor) || String(a.id).localeCompare(String(b.id)));
}

/** Adds or replaces a recorded consent in the list this desk shows (newest first). */
export function remember(list, recorded) {
  if (!recorded || !recorded.volunteerId) return list || [];
  return [recorded, ...(list || []).filter((r) => r.volunteerId !== recorded.volunteerId)];
}
