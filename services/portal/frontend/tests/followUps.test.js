import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { ApiError, errorFor, svc } from '../src/api.js';
import {
  FOLLOW_UP_STATUSES, OUTCOME_MAX, sortFollowUps, openCount, daysWaiting, starsText, blankRecord, recordBody, recordProblems, needsToLoad, withRecorded
} from '../src/pages/station/followUps.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);

function followUp(id, status, openedAt, recordedAt = null, extra = {}) {
  return { id, needId: `need-${id}`, status, openedAt, recordedAt, stars: 2, comment: null, ...extra };
}

describe('the station\'s follow-ups (回访)', () => {
  it('shows the open ones first, the longest waiting first, then the recorded ones, the latest recorded first', () => {
    const list = [
      followUp('rec-old', 'RECORDED', '2026-11-01T00:00:00Z', '2026-11-02T00:00:00Z'),
      followUp('open-new', 'OPEN', '2026-12-04T00:00:00Z'),
      followUp('rec-new', 'RECORDED', '2026-11-03T00:00:00Z', '2026-12-01T00:00:00Z'),
      followUp('open-old', 'OPEN', '2026-12-01T08:00:00Z'),
      followUp('open-no-time', 'OPEN', null)
    ];
    expect(sortFollowUps(list).map((f) => f.id)).toEqual(['open-old', 'open-new', 'open-no-time', 'rec-new', 'rec-old']);
    // The list given is not changed.
    expect(list[0].id).toBe('rec-old');
    expect(sortFollowUps(null)).toEqual([]);
  });

  it('keeps the same order between loads when two were asked at the same time', () => {
    const a = followUp('a', 'OPEN', '2026-12-01T00:00:00Z');
    const b = followUp('b', 'OPEN', '2026-12-01T00:00:00Z');
    expect(sortFollowUps([b, a]).map((f) => f.id)).toEqual(['a', 'b']);
    expect(sortFollowUps([a, b]).map((f) => f.id)).toEqual(['a', 'b']);
  });

  it('counts the open ones for the tab', () => {
    expect(openCount([followUp('a', 'OPEN'), followUp('b', 'RECORDED'), followUp('c', 'OPEN')])).toBe(2);
    expect(openCount(undefined)).toBe(0);
  });

  it('tells how many whole days a follow-up has waited', () => {
    const now = Date.parse('2026-12-05T12:00:00Z');
    expect(daysWaiting('2026-12-05T01:00:00Z', now)).toBe(0);
    expect(daysWaiting('2026-12-03T11:00:00Z', now)).toBe(2);
    expect(daysWaiting('2026-12-06T00:00:00Z', now)).toBe(0);
    expect(daysWaiting(null, now)).toBeNull();
  });

  it('draws the rating\'s stars out of five', () => {
    expect(starsText(2)).toBe('★★☆☆☆');
    expect(starsText(1)).toBe('★☆☆☆☆');
    expect(starsText(5)).toBe('★★★★★');
    expect(starsText(0)).toBe('');
    expect(starsText(null)).toBe('');
  });
});

describe('recording how a follow-up went', () => {
  it('sends the outcome trimmed, none when blank (the service then names outcome)', () => {
    expect(blankRecord()).toEqual({ outcome: '' });
    expect(recordBody({ outcome: '  已上门回访，向居民致歉，下次提前联系 ' })).toEqual({ outcome: '已上门回访，向居民致歉，下次提前联系' });
    expect(recordBody({ outcome: '   ' })).toEqual({ outcome: null });
    expect(recordBody(null)).toEqual({ outcome: null });
  });

  it('names outcome before sending when it is missing or longer than the service takes', () => {
    expect(recordProblems({ outcome: ' ' })).toEqual({ outcome: 'required' });
    expect(recordProblems({ outcome: 'x'.repeat(OUTCOME_MAX + 1) })).toEqual({ outcome: 'tooLong' });
    expect(recordProblems({ outcome: 'x'.repeat(OUTCOME_MAX) })).toEqual({});
    expect(recordProblems({ outcome: '已回访' })).toEqual({});
    expect(recordProblems({ outcome: '' }, (k) => get(zh, `followUp.check.${k}`))).toEqual({ outcome: '请填写回访情况' });
  });

  it('shows the service\'s problem next to the outcome (a phone number screened out), and a 409 in the alert', () => {
    const screened = new ApiError(400, { title: 'Bad Request', errors: [{ field: 'outcome', message: 'must not contain a phone number 不得含电话号码' }] });
    expect(errorFor(screened, 'outcome')).toContain('不得含电话号码');
    const twice = new ApiError(409, { title: 'Conflict', detail: 'the follow-up was recorded already 该回访已记录', errors: [{ field: 'id', message: 'recorded already' }] });
    expect(errorFor(twice, 'outcome')).toBe('');
    expect(twice.status).toBe(409);
  });

  it('replaces the follow-up recorded with the service\'s answer and leaves the others', () => {
    const list = [followUp('a', 'OPEN', '2026-12-01T00:00:00Z'), followUp('b', 'OPEN', '2026-12-02T00:00:00Z')];
    const saved = { ...list[0], status: 'RECORDED', outcome: '已回访', recordedBy: 'zhan-li', recordedAt: '2026-12-05T00:00:00Z' };
    const after = withRecorded(list, saved);
    expect(after.map((f) => f.status)).toEqual(['RECORDED', 'OPEN']);
    expect(openCount(after)).toBe(1);
    expect(withRecorded(list, null)).toEqual(list);
  });

  it('asks for each need\'s title once, and not for those already asked', () => {
    const list = [{ needId: 'n1' }, { needId: 'n2' }, { needId: 'n1' }, { needId: null }];
    expect(needsToLoad(list, {})).toEqual(['n1', 'n2']);
    expect(needsToLoad(list, { n1: null })).toEqual(['n2']);
  });

  it('goes to community-service through the portal\'s relay', () => {
    expect(svc('community', '/stations/s1/follow-ups')).toBe('/api/community/stations/s1/follow-ups');
    expect(svc('community', '/follow-ups/f1')).toBe('/api/community/follow-ups/f1');
  });

  it('names every follow-up status, the tab and the checks in both languages', () => {
    for (const s of FOLLOW_UP_STATUSES) {
      expect(get(zh, `enum.followUpStatus.${s}`)).toBeTruthy();
      expect(get(en, `enum.followUpStatus.${s}`)).toBeTruthy();
    }
    expect(zh.station.tabFollowUps).toBe('回访');
    expect(en.station.tabFollowUps).toBe('Follow-ups');
    for (const k of ['required', 'tooLong']) {
      expect(get(zh, `followUp.check.${k}`)).toBeTruthy();
      expect(get(en, `followUp.check.${k}`)).toBeTruthy();
    }
  });
});
