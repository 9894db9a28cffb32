import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError } from '../src/api.js';
import { MY_FOLLOW_UPS, notAssigned, tabTitle, RECORDER_ROLES, recordedRoleKey } from '../src/pages/worker/workerFollowUps.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);

describe('a social worker\'s follow-ups (回访) on their phone', () => {
  it('asks community-service for the worker\'s own list, the station found from the token', () => {
    expect(MY_FOLLOW_UPS).toBe('/social-workers/me/follow-ups');
  });

  it('tells a worker on no station from other refusals and failures', () => {
    const unassigned = new ApiError(403, { type: 'urn:wushe:problem:forbidden', required: 'social_worker assigned to a station',
      errors: [{ field: 'social_worker_id', message: 'is assigned to no station 社工尚未分配到站点' }] });
    expect(notAssigned(unassigned)).toBe(true);
    const notAWorker = new ApiError(403, { type: 'urn:wushe:problem:forbidden', required: 'social_worker',
      errors: [{ field: 'Authorization', message: 'is no social worker' }] });
    expect(notAssigned(notAWorker)).toBe(false);
    expect(notAssigned(new ApiError(500, { title: 'Internal Server Error' }))).toBe(false);
    expect(notAssigned(null)).toBe(false);
  });

  it('puts the open count on the tab, none when nothing is open', () => {
    expect(tabTitle('回访', 2)).toBe('回访 (2)');
    expect(tabTitle('回访', 0)).toBe('回访');
    expect(tabTitle('Follow-ups', undefined)).toBe('Follow-ups');
  });

  it('names the role a follow-up was recorded in, in both languages, and nothing for an unknown one', () => {
    for (const role of RECORDER_ROLES) {
      const key = recordedRoleKey(role);
      expect(get(zh, key), `zh ${key}`).toBeTruthy();
      expect(get(en, key), `en ${key}`).toBeTruthy();
    }
    expect(get(zh, recordedRoleKey('social_worker'))).toBe('社工');
    expect(recordedRoleKey('hub_admin')).toBeNull();
    expect(recordedRoleKey(null)).toBeNull();
  });
});
