import { describe, it, expect, vi, afterEach } from 'vitest';
// The page's pure logic lives in its own <script> block; the components and styles it renders are not needed here.
vi.mock('element-plus/es', () => ({ ElButton: {}, ElTag: {}, ElTabs: {}, ElTabPane: {}, ElDrawer: {} }));
vi.mock('element-plus/es/components/base/style/css', () => ({}));
vi.mock('element-plus/es/components/button/style/css', () => ({}));
vi.mock('element-plus/es/components/tag/style/css', () => ({}));
vi.mock('element-plus/es/components/tabs/style/css', () => ({}));
vi.mock('element-plus/es/components/tab-pane/style/css', () => ({}));
vi.mock('element-plus/es/components/drawer/style/css', () => ({}));
vi.mock('../src/pages/station/ProposalCard.vue', () => ({ default: {} }));
vi.mock('../src/pages/station/FollowUpDesk.vue', () => ({ default: {} }));
vi.mock('../src/components/EnumSelect.vue', () => ({ default: {} }));
vi.mock('../src/components/ProblemAlert.vue', () => ({ default: {} }));
vi.mock('../src/components/FieldError.vue', () => ({ default: {} }));
vi.mock('../src/components/NeedHistory.vue', () => ({ default: {} }));
vi.mock('../src/components/NotificationInbox.vue', () => ({ default: {} }));

import { deadlineBefore, proposalQuery, passesFilters, compareProposals, placeLive } from '../src/pages/station/StationConsole.vue';
import { getWithHeaders, query } from '../src/api.js';

const NOW = Date.parse('2026-12-01T00:00:00Z');
const H = 3600e3;

function view(id, { category = 'HEALTH', urgency = 'SOON', endsIn = 48 * H, proposedAt = '2026-11-30T10:00:00Z', status = 'PROPOSED' } = {}) {
  return {
    matchId: id, status, proposedAt,
    need: { category, urgency, window: { start: new Date(NOW - H).toISOString(), end: new Date(NOW + endsIn).toISOString() } }
  };
}

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('station console: the server does the filtering and paging', () => {
  it('asks for the chosen filters and page', () => {
    expect(proposalQuery({ category: null, urgency: null, deadline: '' }, 1, 10, NOW))
      .toEqual({ category: [], urgency: [], deadlineBefore: null, offset: 0, limit: 10 });
    expect(proposalQuery({ category: 'ESCORT', urgency: 'URGENT', deadline: 'day' }, 3, 10, NOW))
      .toEqual({ category: ['ESCORT'], urgency: ['URGENT'], deadlineBefore: '2026-12-02T00:00:00.000Z', offset: 20, limit: 10 });
    expect(query(proposalQuery({ category: 'HEALTH', deadline: 'hour' }, 1, 10, NOW)))
      .toBe('?category=HEALTH&deadlineBefore=2026-12-01T01%3A00%3A00.000Z&offset=0&limit=10');
    expect(deadlineBefore('week', NOW)).toBe('2026-12-08T00:00:00.000Z');
    expect(deadlineBefore('past', NOW)).toBe('2026-12-01T00:00:00.000Z');
    expect(deadlineBefore('', NOW)).toBeNull();
    expect(deadlineBefore('soonish', NOW)).toBeNull();
  });

  it('tells whether a pushed proposal passes the filters as the service would', () => {
    const v = view('a', { category: 'ESCORT', urgency: 'URGENT', endsIn: 2 * H });
    expect(passesFilters(v, {}, NOW)).toBe(true);
    expect(passesFilters(v, { category: 'ESCORT', urgency: 'URGENT', deadline: 'day' }, NOW)).toBe(true);
    expect(passesFilters(v, { category: 'HEALTH' }, NOW)).toBe(false);
    expect(passesFilters(v, { urgency: 'SOON' }, NOW)).toBe(false);
    expect(passesFilters(v, { deadline: 'hour' }, NOW)).toBe(false);
    expect(passesFilters({ ...v, status: 'ACCEPTED' }, {}, NOW)).toBe(false);
    expect(passesFilters({ matchId: 'x', status: 'PROPOSED', need: null }, { category: 'ESCORT' }, NOW)).toBe(false);
  });

  it('orders as the service does: most urgent, earliest end of the need, newest', () => {
    const list = [
      view('routine', { urgency: 'ROUTINE', endsIn: H }),
      view('late', { urgency: 'URGENT', endsIn: 90 * H }),
      view('old', { urgency: 'SOON', endsIn: 5 * H, proposedAt: '2026-11-30T08:00:00Z' }),
      view('new', { urgency: 'SOON', endsIn: 5 * H, proposedAt: '2026-11-30T09:00:00Z' }),
      view('now', { urgency: 'IMMEDIATE', endsIn: 100 * H }),
      view('early', { urgency: 'URGENT', endsIn: 3 * H })
    ];
    expect(list.sort(compareProposals).map((v) => v.matchId)).toEqual(['now', 'early', 'late', 'new', 'old', 'routine']);
  });

  it('inserts a new proposal on the first page, counts it for a refresh on another, replaces and removes', () => {
    const shown = { items: [view('u', { urgency: 'URGENT' }), view('s', { urgency: 'SOON' })], total: 3 };
    const fresh = view('n', { urgency: 'URGENT', endsIn: H });
    const first = placeLive(shown, fresh, { filters: {}, pageNo: 1, size: 2, now: NOW });
    expect(first.action).toBe('insert');
    expect(first.items.map((v) => v.matchId)).toEqual(['n', 'u']);
    expect(first.total).toBe(4);

    const later = placeLive(shown, fresh, { filters: {}, pageNo: 2, size: 2, now: NOW });
    expect(later).toEqual({ action: 'elsewhere', items: shown.items, total: 3 });

    const filteredOut = placeLive(shown, fresh, { filters: { category: 'ESCORT' }, pageNo: 1, size: 2, now: NOW });
    expect(filteredOut.action).toBe('none');

    const escalated = placeLive(shown, { ...shown.items[1], status: 'ESCALATED' }, { filters: {}, pageNo: 1, size: 2, now: NOW });
    expect(escalated.action).toBe('replace');
    expect(escalated.items[1].status).toBe('ESCALATED');

    const accepted = placeLive(shown, { ...shown.items[0], status: 'ACCEPTED' }, { filters: {}, pageNo: 1, size: 2, now: NOW });
    expect(accepted.action).toBe('remove');
    expect(accepted.items.map((v) => v.matchId)).toEqual(['s']);
    expect(accepted.total).toBe(2);

    expect(placeLive(shown, view('d', { status: 'DECLINED' }), { filters: {}, pageNo: 1, size: 2, now: NOW }).action).toBe('none');
  });

  it('reads the total from the X-Total-Count header', async () => {
    const fetchMock = vi.fn(async () => ({
      status: 200,
      ok: true,
      headers: { get: (h) => ({ 'content-type': 'application/json', 'x-total-count': '42' })[h.toLowerCase()] || null },
      text: async () => '[{"matchId":"m1"}]'
    }));
    vi.stubGlobal('fetch', fetchMock);
    const answer = await getWithHeaders('/api/matching/stations/s1/proposals', { category: ['HEALTH', 'ESCORT'], limit: 10 });
    expect(fetchMock.mock.calls[0][0]).toBe('/api/matching/stations/s1/proposals?category=HEALTH&category=ESCORT&limit=10');
    expect(answer.data).toEqual([{ matchId: 'm1' }]);
    expect(answer.headers.get('X-Total-Count')).toBe('42');
  });
});
