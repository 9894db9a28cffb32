// A social worker's follow-up visits (回访) on their phone: the low ratings of the station they are assigned to now
// (community-service: GET /social-workers/me/follow-ups, open ones first; POST /follow-ups/{id} once with the outcome).
// The station's own logic (order, open count, days waiting, stars, the record's body and checks) is
// ../station/followUps.js, used as it is; this only adds what differs on the worker's page.

import { errorFor } from '../../api.js';

/** The worker's own list: community-service finds the station from the worker's token (social_worker_id). */
export const MY_FOLLOW_UPS = '/social-workers/me/follow-ups';

/**
 * Whether the service refused the list because the worker is on no station now (or social-worker-service's assignment
 * has not reached community-service yet): 403 naming social_worker_id. The page then says so instead of an error.
 */
export function notAssigned(err) {
  return !!err && err.status === 403 && errorFor(err, 'social_worker_id') !== '';
}

/** The text of the tab: its title, with the open count when there is one ('回访 (2)'). */
export function tabTitle(title, open) {
  return open > 0 ? `${title} (${open})` : title;
}

/** The roles a follow-up is recorded in (FollowUp.recordedRole), each named in the catalogue under sw.recordedRole. */
export const RECORDER_ROLES = ['station_staff', 'social_worker'];

/** The catalogue key naming the role a follow-up was recorded in, or null for none or one the page does not know. */
export function recordedRoleKey(role) {
  return RECORDER_ROLES.includes(role) ? `sw.recordedRole.${role}` : null;
}
