import { describe, it, expect } from 'vitest';
import zh from '@messages/portal_zh_CN.properties';
import en from '@messages/portal_en.properties';
import { workspaceFor, mayOpen, workspacesOf } from '../src/session.js';
import { ApiError, errorFor } from '../src/api.js';
import {
  WISH_KINDS, WISH_STATUSES, WISH_STEPS, WISH_CATEGORIES, DEFAULT_CATEGORY, blankWish, wishBody, wishProblems, ratingBody, ratingProblems, asksForFollowUp,
  wishProgress, otherNeeds, stepOf, sortMine, sortForDesk, acceptBody, declineBody
} from '../src/pages/resident/residentWishes.js';

const get = (node, path) => path.split('.').reduce((n, k) => (n ? n[k] : undefined), node);

describe('the resident lands on their phone page', () => {
  it('routes role resident to /resident and keeps others out', () => {
    expect(workspaceFor(['resident'])).toBe('/resident');
    expect(mayOpen(['resident'], '/resident')).toBe(true);
    expect(mayOpen(['resident'], '/community')).toBe(false);
    expect(mayOpen(['community_staff'], '/resident')).toBe(false);
    expect(workspacesOf(['resident'])).toEqual(['/resident']);
    // A person who is also staff lands on the staff's workspace first.
    expect(workspaceFor(['resident', 'volunteer'])).toBe('/volunteer');
  });
});

describe('sending a wish', () => {
  it('starts a micro-wish with goods and a request for help with a repair, without consent', () => {
    expect(blankWish('WISH')).toEqual({ kind: 'WISH', category: 'DAILY_GOODS', title: '', description: '', consentToShare: false });
    expect(blankWish('HELP').category).toBe('HOME_REPAIR');
    for (const k of WISH_KINDS) expect(WISH_CATEGORIES).toContain(DEFAULT_CATEGORY[k]);
    expect(WISH_CATEGORIES).not.toContain('UNKNOWN');
  });

  it('sends the texts trimmed, no empty description, the consent as a boolean and no kind', () => {
    expect(wishBody({ kind: 'WISH', category: 'DAILY_GOODS', title: '  想要一个助行器 ', description: '  ', consentToShare: true }))
      .toEqual({ category: 'DAILY_GOODS', title: '想要一个助行器', description: null, consentToShare: true });
    expect(wishBody({ category: 'HOME_REPAIR', title: '水龙头漏水', description: '厨房的', consentToShare: undefined }))
      .toEqual({ category: 'HOME_REPAIR', title: '水龙头漏水', description: '厨房的', consentToShare: false });
  });

  it('names the fields it can tell are missing before sending, as the service names them', () => {
    expect(wishProblems({ category: null, title: '  ' })).toEqual({ category: 'required', title: 'required' });
    expect(wishProblems({ category: 'HEALTH', title: 'x'.repeat(101) })).toEqual({ title: 'tooLong' });
    expect(wishProblems({ category: 'HEALTH', title: '量血压', description: 'y'.repeat(1001) })).toEqual({ description: 'tooLong' });
    expect(wishProblems({ category: 'HEALTH', title: '量血压', consentToShare: false })).toEqual({});
  });

  it('shows the screen\'s problem next to the field it names (a phone number in the comment)', () => {
    const problem = new ApiError(400, { title: 'Bad Request', errors: [{ field: 'comment', message: 'must not contain a phone number 不得含电话号码' }] });
    expect(errorFor(problem, 'comment')).toContain('不得含电话号码');
    expect(errorFor(problem, 'stars')).toBe('');
  });
});

describe('rating a fulfilled need', () => {
  it('sends whole stars and the comment trimmed or none', () => {
    expect(ratingBody({ stars: '4', comment: ' 很好 ' })).toEqual({ stars: 4, comment: '很好' });
    expect(ratingBody({ stars: 5, comment: '' })).toEqual({ stars: 5, comment: null });
    expect(ratingBody({ stars: null }).stars).toBeNull();
  });

  it('asks for 1 to 5 stars and a comment of at most 500 characters', () => {
    expect(ratingProblems({ stars: null })).toEqual({ stars: 'stars' });
    expect(ratingProblems({ stars: 6 })).toEqual({ stars: 'stars' });
    expect(ratingProblems({ stars: 0 })).toEqual({ stars: 'stars' });
    expect(ratingProblems({ stars: 3, comment: 'z'.repeat(501) })).toEqual({ comment: 'tooLong' });
    expect(ratingProblems({ stars: 1 })).toEqual({});
  });

  it('tells that two stars or fewer ask the station for a follow-up visit', () => {
    expect([1, 2, 3, 4, 5].map(asksForFollowUp)).toEqual([true, true, false, false, false]);
  });
});

describe('following a wish to fulfilment', () => {
  const needs = [{ id: 'n1', status: 'MATCHED' }, { id: 'n2', status: 'FULFILLED' }, { id: 'n3', status: 'FULFILLED' }, { id: 'n4', status: 'PUBLISHED' }];
  const ratings = [{ needId: 'n3', stars: 2, followUp: 'OPEN' }];

  it('is sent until the community decides, declined with its reason, then follows its need', () => {
    expect(wishProgress({ status: 'PENDING' }, needs, ratings)).toEqual({ stage: 'SENT', need: null, rating: null, rateable: false });
    expect(wishProgress({ status: 'DECLINED', declineReason: '已有其他渠道' }, needs, ratings).stage).toBe('DECLINED');
    expect(wishProgress({ status: 'ACCEPTED', needId: 'n1' }, needs, ratings)).toMatchObject({ stage: 'MATCHED', rateable: false });
    // The need not (yet) among the resident's needs: published is all that is known.
    expect(wishProgress({ status: 'ACCEPTED', needId: 'gone' }, needs, ratings).stage).toBe('PUBLISHED');
  });

  it('may be rated once its need is fulfilled, and not again', () => {
    expect(wishProgress({ status: 'ACCEPTED', needId: 'n2' }, needs, ratings)).toMatchObject({ stage: 'FULFILLED', rateable: true, rating: null });
    expect(wishProgress({ status: 'ACCEPTED', needId: 'n3' }, needs, ratings)).toMatchObject({ stage: 'FULFILLED', rateable: false, rating: ratings[0] });
  });

  it('lists the resident\'s needs that came from no wish of theirs, rateable the same way', () => {
    const wishes = [{ id: 'w1', needId: 'n1' }, { id: 'w2', needId: null }];
    expect(otherNeeds(needs, wishes, ratings).map((o) => [o.need.id, o.rateable])).toEqual([['n2', true], ['n3', false], ['n4', false]]);
  });

  it('maps each stage to a step shown under the wish', () => {
    expect(['SENT', 'PUBLISHED', 'MATCHED', 'ACCEPTED', 'IN_SERVICE', 'FULFILLED', 'CANCELLED'].map(stepOf))
      .toEqual(['SENT', 'ACCEPTED', 'ACCEPTED', 'IN_SERVICE', 'IN_SERVICE', 'FULFILLED', null]);
    for (const s of WISH_STEPS) {
      expect(get(zh, `wish.step.${s}`)).toBeTruthy();
      expect(get(en, `wish.step.${s}`)).toBeTruthy();
    }
  });

  it('shows the newest wish first', () => {
    expect(sortMine([{ id: 'a', submittedAt: '2026-12-01T00:00:00Z' }, { id: 'b', submittedAt: '2026-12-03T00:00:00Z' }]).map((w) => w.id)).toEqual(['b', 'a']);
  });
});

describe('the community\'s wishes desk', () => {
  it('puts the pending wishes first, the oldest waiting first, then the decided ones newest first', () => {
    const list = [
      { id: 'done-old', status: 'ACCEPTED', submittedAt: '2026-11-01T00:00:00Z', decidedAt: '2026-11-02T00:00:00Z' },
      { id: 'pending-new', status: 'PENDING', submittedAt: '2026-12-04T00:00:00Z' },
      { id: 'done-new', status: 'DECLINED', submittedAt: '2026-11-03T00:00:00Z', decidedAt: '2026-12-01T00:00:00Z' },
      { id: 'pending-old', status: 'PENDING', submittedAt: '2026-12-01T00:00:00Z' }
    ];
    expect(sortForDesk(list).map((w) => w.id)).toEqual(['pending-old', 'pending-new', 'done-new', 'done-old']);
  });

  it('accepts with urgency and group, a quantity only when both amount and unit are given, the wish\'s title unless another', () => {
    expect(acceptBody({ urgency: 'SOON', beneficiaryGroup: 'VERY_OLD', title: ' ', amount: '1', unit: 'PIECE' }))
      .toEqual({ stationId: null, urgency: 'SOON', beneficiaryGroup: 'VERY_OLD', category: null, title: null, quantity: { amount: 1, unit: 'PIECE' } });
    expect(acceptBody({ urgency: 'ROUTINE', beneficiaryGroup: 'DISABLED', amount: '2', unit: null, title: '助行器一个', stationId: 's1' }))
      .toMatchObject({ quantity: null, title: '助行器一个', stationId: 's1' });
  });

  it('declines with the reason trimmed, none when blank (the service names the field)', () => {
    expect(declineBody('  已由亲属解决 ')).toEqual({ reason: '已由亲属解决' });
    expect(declineBody('   ')).toEqual({ reason: null });
  });

  it('names every wish status and the resident\'s workspace in both languages', () => {
    for (const s of WISH_STATUSES) {
      expect(get(zh, `enum.wishStatus.${s}`)).toBeTruthy();
      expect(get(en, `enum.wishStatus.${s}`)).toBeTruthy();
    }
    expect(zh.ws.resident).toBe('居民');
    expect(en.ws.resident).toBe('Resident');
  });
});
