import { describe, it, expect } from 'vitest';
import {
  careVisitsDue, careVisitsLater, careVisitBody, carePlanBody, householdsOf, householdLabel, residentsOf, residentLabel, blankVisit, blankFinding,
  patrolBody, findingsRaised, subsidyNextSteps, subsidyTone, subsidyBody, subsidyMoveBody, sortSubsidies, SUBSIDY_STATUSES
} from '../src/pages/grid/gridWork.js';

const TODAY = '2026-12-05';

describe('care visits to make today', () => {
  const plan = (id, risk, nextDueOn, daysOverdue) => ({ id, risk, nextDueOn, overdue: daysOverdue > 0, daysOverdue });
  const plans = [
    plan('later', 'HIGH', '2026-12-09', 0),
    plan('lowToday', 'LOW', TODAY, 0),
    plan('highToday', 'HIGH', TODAY, 0),
    plan('two', 'MEDIUM', '2026-12-03', 2),
    plan('nine', 'LOW', '2026-11-26', 9),
    plan('twoHigh', 'HIGH', '2026-12-03', 2)
  ];

  it('lists the overdue ones, most days overdue first, then those due today, high risk first', () => {
    expect(careVisitsDue(plans, TODAY).map((p) => p.id)).toEqual(['nine', 'twoHigh', 'two', 'highToday', 'lowToday']);
  });

  it('marks the ones due today and leaves the later ones for the list below, soonest first', () => {
    const due = careVisitsDue(plans, TODAY);
    expect(due.find((p) => p.id === 'highToday').dueToday).toBe(true);
    expect(due.find((p) => p.id === 'nine').dueToday).toBe(false);
    expect(careVisitsLater([...plans, plan('soon', 'LOW', '2026-12-06', 0)], TODAY).map((p) => p.id)).toEqual(['soon', 'later']);
  });

  it('builds the visit and plan bodies the service takes', () => {
    expect(careVisitBody({ visitedOn: TODAY, outcome: 'NOT_HOME', note: '  ' })).toEqual({ visitedOn: TODAY, outcome: 'NOT_HOME', note: null });
    expect(careVisitBody({ visitedOn: TODAY, outcome: 'WELL', note: ' 精神好 ' })).toEqual({ visitedOn: TODAY, outcome: 'WELL', note: '精神好' });
    expect(carePlanBody({ residentId: 'r1', risk: 'HIGH', since: '' })).toEqual({ residentId: 'r1', risk: 'HIGH', since: null });
  });
});

describe('the grid register', () => {
  const register = {
    gridId: 'g', communityId: 'c',
    compounds: [{ id: 'c1', name: '幸福小区', buildings: [
      { id: 'b1', label: '3号楼', stairwells: 2, households: [
        { id: 'h1', stairwell: 2, number: 5, residentIds: ['r1', 'r2'] },
        { id: 'h2', stairwell: null, number: 6, residentIds: [] }] }] }]
  };

  it('flattens compounds, buildings and households, labelled as a person reads them', () => {
    const hs = householdsOf(register);
    expect(hs.map((h) => h.id)).toEqual(['h1', 'h2']);
    expect(householdLabel(hs[0])).toBe('幸福小区 · 3号楼 · 2单元 · 5户');
    expect(householdLabel(hs[1])).toBe('幸福小区 · 3号楼 · 6户');
    expect(householdLabel(hs[0], { unit: (n) => `stair ${n}`, home: (n) => `no. ${n}` })).toBe('幸福小区 · 3号楼 · stair 2 · no. 5');
    expect(householdsOf(null)).toEqual([]);
  });

  it('names residents by their household, since the grid worker sees ids and no names', () => {
    const rs = residentsOf(householdsOf(register));
    expect(rs.map((r) => [r.residentId, r.householdId])).toEqual([['r1', 'h1'], ['r2', 'h1']]);
    expect(residentLabel(rs, 'r2')).toBe('幸福小区 · 3号楼 · 2单元 · 5户 · 居民2');
    expect(residentLabel(rs, '0f8e2d6a-4c1b-4c33-9d5e-7a1b2c3d4e5f')).toBe('0f8e2d6a');
  });
});

describe('a patrol round', () => {
  it('sends the items checked, a finding its item as not OK, and urgent as URGENT', () => {
    const v1 = blankVisit('h1');
    v1.checks.find((c) => c.item === 'WIRING').checked = false;
    v1.checks.find((c) => c.item === 'LIVING_CONDITIONS').checked = false;
    const gas = { ...blankFinding('GAS'), title: ' 燃气软管老化 ', urgent: true, residentId: 'r1' };
    v1.findings.push(gas);
    const v2 = blankVisit('h2');
    v2.checks.forEach((c) => { c.checked = false; });
    v2.checks.find((c) => c.item === 'FIRE').checked = true;
    v2.checks.find((c) => c.item === 'FIRE').ok = false;
    v2.checks.find((c) => c.item === 'FIRE').note = ' 楼道堆物 ';
    v2.findings.push({ ...blankFinding('WIRING'), title: '飞线充电' });

    const body = patrolBody({ patrolledOn: TODAY, visits: [v1, v2] });

    expect(body.patrolledOn).toBe(TODAY);
    expect(body.households[0]).toEqual({
      householdId: 'h1',
      checks: [{ item: 'GAS', ok: false, note: null }, { item: 'FIRE', ok: true, note: null }],
      findings: [{ item: 'GAS', category: 'SAFETY_CHECK', urgency: 'URGENT', beneficiaryGroup: 'ALL_RESIDENTS', title: '燃气软管老化', residentId: 'r1', stationId: null }]
    });
    // WIRING was not ticked but has a finding: it goes as checked and wanting.
    expect(body.households[1].checks).toEqual([{ item: 'FIRE', ok: false, note: '楼道堆物' }, { item: 'WIRING', ok: false, note: null }]);
    expect(body.households[1].findings[0]).toMatchObject({ item: 'WIRING', category: 'HOME_REPAIR', urgency: 'ROUTINE', residentId: null });
  });

  it('names the station on every finding when the community has several', () => {
    const v = blankVisit('h1');
    v.findings.push({ ...blankFinding('FIRE'), title: 't' });
    expect(patrolBody({ patrolledOn: TODAY, visits: [v] }, { stationId: 's2' }).households[0].findings[0].stationId).toBe('s2');
  });

  it('shows the need an urgent finding raised, and the others as awaiting review', () => {
    const view = { patrol: { householdsVisited: 2, hazardsFound: 2 }, hazards: [
      { id: 'z1', householdId: 'h1', item: 'GAS', title: '燃气', urgency: 'URGENT', status: 'PUBLISHED', needId: 'n1' },
      { id: 'z2', householdId: 'h2', item: 'WIRING', title: '飞线', urgency: 'ROUTINE', status: 'REPORTED' }] };
    expect(findingsRaised(view).map((f) => [f.id, f.published, f.needId])).toEqual([['z1', true, 'n1'], ['z2', false, null]]);
    expect(findingsRaised(null)).toEqual([]);
  });
});

describe('subsidy applications', () => {
  it('offers the moves the service allows, and none once decided or withdrawn', () => {
    expect(subsidyNextSteps('PREPARING')).toEqual(['SUBMITTED', 'WITHDRAWN']);
    expect(subsidyNextSteps('SUBMITTED')).toEqual(['APPROVED', 'REJECTED', 'WITHDRAWN']);
    for (const s of ['APPROVED', 'REJECTED', 'WITHDRAWN']) expect(subsidyNextSteps(s)).toEqual([]);
  });

  it('gives each status its own tag', () => {
    expect(new Set(SUBSIDY_STATUSES.map(subsidyTone)).size).toBe(SUBSIDY_STATUSES.length);
    expect(subsidyTone('APPROVED')).toBe('success');
    expect(subsidyTone('REJECTED')).toBe('danger');
  });

  it('builds the bodies and keeps the open applications first', () => {
    expect(subsidyBody({ residentId: 'r1', kind: 'HEATING_SUBSIDY', note: '' })).toEqual({ residentId: 'r1', kind: 'HEATING_SUBSIDY', note: null });
    expect(subsidyMoveBody('SUBMITTED', '')).toEqual({ status: 'SUBMITTED', on: null });
    expect(subsidyMoveBody('APPROVED', TODAY)).toEqual({ status: 'APPROVED', on: TODAY });
    const list = [
      { id: 'a', status: 'APPROVED', updatedAt: '2026-12-05T02:00:00Z' },
      { id: 'b', status: 'PREPARING', updatedAt: '2026-12-01T02:00:00Z' },
      { id: 'c', status: 'SUBMITTED', updatedAt: '2026-12-04T02:00:00Z' }
    ];
    expect(sortSubsidies(list).map((a) => a.id)).toEqual(['c', 'b', 'a']);
  });
});
