import { describe, it, expect } from 'vitest';
import { workspaceFor, workspacesOf, mayOpen, normalizeMe } from '../src/session.js';
import { upsert, filterProposals, takenMatches, paginate, defaultMinutes, looksPersonal } from '../src/pages/station/matchState.js';
import { normalizeDraft, normalizeMapping, missingRequired, duplicateFields, mappingBody, rowFromAnswer, normalizeResult, problemOf } from '../src/importShape.js';
import { offerBody, offerToForm, blankOffer } from '../src/pages/provider/offerBody.js';

describe('workspace by role', () => {
  it('routes each role to its workspace', () => {
    expect(workspaceFor(['community_staff'])).toBe('/community');
    expect(workspaceFor(['organization_staff'])).toBe('/provider');
    expect(workspaceFor(['donor_staff'])).toBe('/provider');
    expect(workspaceFor(['volunteer'])).toBe('/volunteer');
    expect(workspaceFor(['social_worker'])).toBe('/worker');
    expect(workspaceFor(['station_staff'])).toBe('/station');
    expect(workspaceFor(['centre_manager'])).toBe('/centre');
    expect(workspaceFor(['hub_admin'])).toBe('/admin');
    expect(workspaceFor(['grid_worker'])).toBe('/grid');
    expect(workspaceFor([])).toBeNull();
  });
  it('lists every workspace of several roles and guards the others', () => {
    expect(workspacesOf(['volunteer', 'community_staff'])).toEqual(['/community', '/volunteer']);
    expect(mayOpen(['volunteer'], '/station')).toBe(false);
    expect(mayOpen(['hub_admin'], '/station')).toBe(true);
    expect(mayOpen(['donor_staff'], '/provider')).toBe(true);
    expect(mayOpen(['grid_worker'], '/grid')).toBe(true);
    expect(mayOpen(['social_worker'], '/grid')).toBe(false);
    expect(mayOpen(['grid_worker'], '/worker')).toBe(false);
    expect(workspacesOf(['grid_worker', 'volunteer'])).toEqual(['/grid', '/volunteer']);
  });
  it('normalizes /api/me', () => {
    expect(normalizeMe({ subject: 's' })).toEqual({ subject: 's', name: 's', roles: [], tenancy: {} });
  });
});

describe('station console state', () => {
  const S = 'st1';
  const v = (id, status, extra = {}) => ({ matchId: id, stationId: S, status, need: { category: 'HOME_REPAIR', urgency: 'URGENT' }, ...extra });
  it('keeps matches moving forward only', () => {
    const m = new Map();
    expect(upsert(m, v('a', 'PROPOSED'), S)).toBe('new');
    expect(upsert(m, v('a', 'ACCEPTED'), S)).toBe('updated');
    expect(upsert(m, v('a', 'PROPOSED'), S)).toBe('stale');
    expect(m.get('a').status).toBe('ACCEPTED');
    expect(upsert(m, { ...v('b', 'PROPOSED'), stationId: 'other' }, S)).toBe('ignored');
    expect(upsert(m, { ...v('c', 'ESCALATED'), stationId: 'other', escalatedTo: S }, S)).toBe('new');
  });
  it('filters and sorts proposals', () => {
    const now = Date.parse('2026-11-20T00:00:00Z');
    const list = [
      v('late', 'PROPOSED', { deadline: '2026-11-20T05:00:00Z' }),
      v('soon', 'PROPOSED', { deadline: '2026-11-20T00:30:00Z' }),
      v('past', 'PROPOSED', { deadline: '2026-11-19T23:00:00Z' }),
      v('done', 'ACCEPTED', { deadline: '2026-11-20T00:10:00Z' }),
      v('food', 'PROPOSED', { deadline: '2026-11-21T00:30:00Z', need: { category: 'DAILY_GOODS', urgency: 'ROUTINE' } })
    ];
    expect(filterProposals(list, {}, now).map((x) => x.matchId)).toEqual(['past', 'soon', 'late', 'food']);
    expect(filterProposals(list, { deadline: 'hour' }, now).map((x) => x.matchId)).toEqual(['soon']);
    expect(filterProposals(list, { deadline: 'day' }, now).map((x) => x.matchId)).toEqual(['soon', 'late']);
    expect(filterProposals(list, { deadline: 'past' }, now).map((x) => x.matchId)).toEqual(['past']);
    expect(filterProposals(list, { category: 'DAILY_GOODS' }, now).map((x) => x.matchId)).toEqual(['food']);
    expect(filterProposals(list, { urgency: 'ROUTINE' }, now).map((x) => x.matchId)).toEqual(['food']);
    expect(takenMatches(list).map((x) => x.matchId)).toEqual(['done']);
  });
  it('pages', () => {
    const list = Array.from({ length: 23 }, (_, i) => i);
    expect(paginate(list, 1, 10)).toEqual({ items: list.slice(0, 10), page: 1, pages: 3 });
    expect(paginate(list, 9, 10).page).toBe(3);
    expect(paginate([], 1, 10)).toEqual({ items: [], page: 1, pages: 1 });
  });
  it('proposes the window length as minutes and spots personal numbers', () => {
    expect(defaultMinutes({ window: { start: '2026-11-20T02:00:00Z', end: '2026-11-20T03:30:00Z' } })).toBe(90);
    expect(defaultMinutes({})).toBe(60);
    expect(looksPersonal('call 13812345678')).toBe(true);
    expect(looksPersonal('身份证 11010519491231002X')).toBe(true);
    expect(looksPersonal('no numbers 2026')).toBe(false);
  });
});

describe('import draft shapes', () => {
  const raw = {
    id: 'd1', fileName: 'list.xlsx', headers: ['标题', '类别', '备注'],
    mapping: { 标题: 'title', 类别: 'category', 备注: null },
    rows: [
      { row: 2, values: { title: '修门', category: 'HOME_REPAIR' }, problems: [] },
      { row: 3, values: { 标题: '', 类别: 'X' }, problems: [{ row: 3, column: 'title', reason: '必填' }, { row: 3, column: '类别', reason: 'unknown' }] }
    ]
  };
  it('normalizes a draft, its rows keyed by field', () => {
    const d = normalizeDraft(raw);
    expect(d.id).toBe('d1');
    expect(d.mapping).toEqual({ 标题: 'title', 类别: 'category', 备注: null });
    expect(d.rows[1].values).toEqual({ title: '', category: 'X' });
    expect(problemOf(d.rows[1], 'title', d.mapping)).toBe('必填');
    expect(problemOf(d.rows[1], 'category', d.mapping)).toBe('unknown');
  });
  it('accepts a mapping by field or as a list', () => {
    expect(normalizeMapping({ title: '标题' }, ['标题', 'x'])).toEqual({ 标题: 'title', x: null });
    expect(normalizeMapping([{ header: 'x', field: 'end' }], ['x'])).toEqual({ x: 'end' });
  });
  it('reads rows given as cells aligned with the headers', () => {
    const d = normalizeDraft({ headers: ['a', 'b'], mapping: { a: 'title', b: 'start' }, rows: [{ row: 2, cells: ['t', '2026-11-20'] }] });
    expect(d.rows[0].values).toEqual({ title: 't', start: '2026-11-20' });
  });
  it('checks the mapping', () => {
    expect(missingRequired({ a: 'title' })).toContain('category');
    expect(duplicateFields({ a: 'title', b: 'title', c: 'end' })).toEqual(['title']);
    expect(mappingBody({ a: 'title', b: null })).toEqual({ mapping: { a: 'title', b: null } });
  });
  it('takes a row answer or a draft answer', () => {
    expect(rowFromAnswer({ row: 3, values: { title: 'x' }, problems: [] }, 3, [], {}).values.title).toBe('x');
    expect(rowFromAnswer(raw, 2, [], {}).values.title).toBe('修门');
  });
  it('reads the publish result', () => {
    expect(normalizeResult({ id: 'j1', state: 'RUNNING', total: 10, processed: 3 }, 'd1')).toMatchObject({ id: 'j1', finished: false, total: 10 });
    expect(normalizeResult({ published: 8, rejected: 2 }, 'd1')).toMatchObject({ id: 'd1', finished: true, published: 8, rejected: 2 });
  });
});

describe('offer request', () => {
  it('sets exactly the block of the offer kind', () => {
    const f = { ...blankOffer(), kind: 'FUND', category: 'STUDY_SPACE', title: ' 助学 ', districtCode: '110112', amountYuan: '5000', maxPerNeedYuan: '200.5', start: '2026-11-20T09:00', end: '2026-12-31T18:00' };
    const b = offerBody(f, 'd1');
    expect(b.donorId).toBe('d1');
    expect(b.title).toBe('助学');
    expect(b.fund).toEqual({ amountFen: 500000, maxPerNeedFen: 20050, purpose: null });
    expect(b.goods).toBeNull();
    expect(b.service).toBeNull();
    expect(b.availableWindow.start).toBe('2026-11-20T01:00:00.000Z');
  });
  it('round-trips a goods offer through the form', () => {
    const offer = { kind: 'GOODS', category: 'DAILY_GOODS', title: '牛奶', place: { districtCode: '110112' }, availableWindow: { start: '2026-11-20T01:00:00Z', end: '2026-11-21T01:00:00Z' }, goods: { quantity: 100, unit: 'BOX', expiryDate: '2026-12-31' } };
    const b = offerBody(offerToForm(offer), 'd1');
    expect(b.goods).toEqual({ quantity: 100, unit: 'BOX', expiryDate: '2026-12-31' });
    expect(b.availableWindow).toEqual({ start: '2026-11-20T01:00:00.000Z', end: '2026-11-21T01:00:00.000Z' });
  });
});

describe('import draft as ImportDraftController writes it', () => {
  const view = {
    id: 'd9', fileName: '需求清单.xlsx', communityId: 'c1', state: 'OPEN', importId: null, duplicateOf: null,
    headers: ['需求描述', '类别', '开始时间'],
    mapping: { 需求描述: 'title', 类别: 'category', 开始时间: null },
    columns: [{ index: 0, header: '需求描述', field: 'title', source: 'SYNONYM' }],
    fields: [{ name: 'title', zh: '标题', en: 'title', required: true, mapped: true }, { name: 'category', zh: '类别', en: 'category', required: true, mapped: true },
      { name: 'end', zh: '结束时间', en: 'end', required: true, mapped: false }, { name: 'start', zh: '开始时间', en: 'start', required: false, mapped: false }],
    unmappedRequired: ['end'], total: 2, ready: 1, withProblems: 1,
    rows: [
      { row: 2, ok: true, values: { title: '修门', category: 'HOME_REPAIR' }, labels: { category: '上门维修' }, cells: { title: '修门', category: '维修' }, problems: [] },
      { row: 3, ok: false, values: {}, labels: {}, cells: { title: '', category: '修' }, problems: [{ row: 3, column: '需求描述', field: 'title', reason: '不能为空' }, { row: 3, column: '结束时间', field: 'end', reason: '必填' }] }
    ]
  };
  it('reads counts, cells as typed and problems by field', () => {
    const d = normalizeDraft(view);
    expect(d).toMatchObject({ id: 'd9', total: 2, ready: 1, withProblems: 1 });
    expect(d.rows[0].values).toEqual({ title: '修门', category: '维修' });
    expect(d.rows[0].labels.category).toBe('上门维修');
    expect(d.rows[1].ok).toBe(false);
    expect(problemOf(d.rows[1], 'title', d.mapping)).toBe('不能为空');
    expect(problemOf(d.rows[1], 'end', d.mapping)).toBe('必填');
    expect(missingRequired(d.mapping, d.fields)).toEqual(['end']);
  });
  it('takes the fixed row (RowView) a PUT answers', () => {
    const r = rowFromAnswer({ row: 3, ok: true, values: { title: 'x' }, cells: { title: 'x' }, problems: [] }, 3, view.headers, view.mapping);
    expect(r).toMatchObject({ row: 3, ok: true, values: { title: 'x' } });
  });
});

describe('offer change', () => {
  it('sends only what UpdateOfferRequest takes', async () => {
    const { updateBody } = await import('../src/pages/provider/offerBody.js');
    const f = { ...blankOffer(), kind: 'GOODS', title: '牛奶 ', description: '', end: '2026-12-31T18:00', quantity: '80', expiryDate: '2027-01-31' };
    expect(updateBody(f)).toEqual({ title: '牛奶', description: '', availableUntil: '2026-12-31T10:00:00.000Z', goods: { quantity: 80, expiryDate: '2027-01-31' } });
  });
});
