// The grid worker's page (网格员): pure logic, tested in tests/gridWork.test.js. The shapes are community-service's
// (README "Grid work"): the register, patrol rounds, care plans, subsidy applications.

/** What a grid worker checks at a household (community-service Patrol.Item). */
export const PATROL_ITEMS = ['GAS', 'FIRE', 'WIRING', 'LIVING_CONDITIONS'];
/** Care plans: the risk sets the schedule (HIGH weekly, MEDIUM fortnightly, LOW monthly). */
export const CARE_RISKS = ['HIGH', 'MEDIUM', 'LOW'];
/** What a care visit found; NOT_HOME is recorded but does not count. */
export const CARE_OUTCOMES = ['WELL', 'NEED_FOUND', 'REFERRED', 'NOT_HOME'];
export const SUBSIDY_KINDS = ['LIVING_ALLOWANCE', 'MINIMUM_LIVING', 'TEMPORARY_ASSISTANCE', 'ELDERLY_ALLOWANCE', 'DISABILITY_ALLOWANCE',
  'HEATING_SUBSIDY', 'OTHER'];
export const SUBSIDY_STATUSES = ['PREPARING', 'SUBMITTED', 'APPROVED', 'REJECTED', 'WITHDRAWN'];
export const HAZARD_STATUSES = ['REPORTED', 'PUBLISHED', 'DISMISSED'];

/** The need a finding raises asks for a category; the item found wanting suggests one (the worker may change it). */
export const CATEGORY_OF_ITEM = { GAS: 'SAFETY_CHECK', FIRE: 'SAFETY_CHECK', WIRING: 'HOME_REPAIR', LIVING_CONDITIONS: 'OTHER' };

const RISK_RANK = { HIGH: 0, MEDIUM: 1, LOW: 2 };

/**
 * The care visits to make today: the overdue ones (most days overdue first) and those due today, then by risk.
 * `today` is 'YYYY-MM-DD' (Beijing); plans are the service's CarePlan.View (nextDueOn, overdue, daysOverdue, risk).
 */
export function careVisitsDue(plans, today) {
  return (plans || [])
    .filter((p) => p && (p.overdue || (p.nextDueOn && p.nextDueOn <= today)))
    .map((p) => ({ ...p, daysOverdue: Number(p.daysOverdue) || 0, dueToday: !p.overdue && p.nextDueOn === today }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue
      || String(a.nextDueOn).localeCompare(String(b.nextDueOn))
      || (RISK_RANK[a.risk] ?? 9) - (RISK_RANK[b.risk] ?? 9));
}

/** The care plans not due yet, the soonest first. */
export function careVisitsLater(plans, today) {
  return (plans || [])
    .filter((p) => p && !p.overdue && p.nextDueOn && p.nextDueOn > today)
    .sort((a, b) => a.nextDueOn.localeCompare(b.nextDueOn));
}

/** The body of POST /care-plans/{id}/visits. */
export function careVisitBody(form) {
  const note = String(form.note || '').trim();
  return { visitedOn: form.visitedOn || null, outcome: form.outcome || null, note: note || null };
}

/** The body of PUT /grids/{gridId}/care-plans. */
export function carePlanBody(form) {
  return { residentId: form.residentId || null, risk: form.risk || null, since: form.since || null };
}

/**
 * The grid's register (GET /grids/{gridId}/register) as one list of households, in the register's order, each
 * with a label a person reads ("幸福小区 · 3号楼 · 2单元 · 5") and the ids of the residents living there.
 */
export function householdsOf(register) {
  const out = [];
  for (const c of (register && register.compounds) || []) {
    for (const b of c.buildings || []) {
      for (const h of b.households || []) {
        out.push({
          id: h.id,
          compound: c.name,
          building: b.label,
          stairwell: h.stairwell ?? null,
          number: h.number,
          residentIds: Array.isArray(h.residentIds) ? h.residentIds : []
        });
      }
    }
  }
  return out;
}

/**
 * "幸福小区 · 3号楼 · 2单元 · 5户": `words.unit(n)` and `words.home(n)` say 单元 and 户 in the page's language,
 * `words.resident(n)` the n-th resident of a household.
 */
const ZH_WORDS = { unit: (n) => `${n}单元`, home: (n) => `${n}户`, resident: (n) => `居民${n}` };

export function householdLabel(h, words = {}) {
  if (!h) return '';
  const w = { ...ZH_WORDS, ...words };
  const parts = [h.compound, h.building];
  if (h.stairwell) parts.push(w.unit(h.stairwell));
  parts.push(w.home(h.number));
  return parts.filter((x) => x !== null && x !== undefined && x !== '').join(' · ');
}

/**
 * Every resident of the register, by the household they live in: [{ residentId, householdId, label }], the
 * label the household's and the resident's place in it (居民2), since the grid worker sees ids, not names.
 */
export function residentsOf(households, words = {}) {
  const w = { ...ZH_WORDS, ...words };
  const out = [];
  for (const h of households || []) {
    h.residentIds.forEach((id, i) => out.push({ residentId: id, householdId: h.id, label: `${householdLabel(h, w)} · ${w.resident(i + 1)}` }));
  }
  return out;
}

/** The label of a resident id among `residents` (residentsOf), or a short form of the id. */
export function residentLabel(residents, id) {
  const r = (residents || []).find((x) => x.residentId === id);
  return r ? r.label : id ? String(id).slice(0, 8) : '';
}

/** A household on the round: each item checked and OK until the worker says otherwise, no finding yet. */
export function blankVisit(householdId) {
  return {
    householdId,
    checks: PATROL_ITEMS.map((item) => ({ item, checked: true, ok: true, note: '' })),
    findings: []
  };
}

/** A finding of `item` at the household: a public title, urgent or not, the need's category and group. */
export function blankFinding(item = 'GAS') {
  return { item, title: '', urgent: false, category: CATEGORY_OF_ITEM[item] || 'OTHER', beneficiaryGroup: 'ALL_RESIDENTS', residentId: null };
}

/**
 * The body of POST /grids/{gridId}/patrols from the page's round. A finding is an item found wanting, so an item
 * with a finding goes as checked and not OK whatever its box says; items not checked are left out; the urgent
 * flag is URGENT (published at once as a GRID_REPORT need) or ROUTINE (the community's staff review it).
 * `stationId` (when several stations serve the community) goes with every finding.
 */
export function patrolBody(round, { stationId = null } = {}) {
  return {
    patrolledOn: round.patrolledOn || null,
    households: (round.visits || []).map((v) => {
      const wanting = new Set((v.findings || []).map((f) => f.item));
      const checks = (v.checks || [])
        .filter((c) => c.checked || wanting.has(c.item))
        .map((c) => {
          const note = String(c.note || '').trim();
          return { item: c.item, ok: wanting.has(c.item) ? false : Boolean(c.ok), note: note || null };
        });
      for (const item of wanting) {
        if (!checks.some((c) => c.item === item)) checks.push({ item, ok: false, note: null });
      }
      return {
        householdId: v.householdId,
        checks,
        findings: (v.findings || []).map((f) => ({
          item: f.item,
          category: f.category || null,
          urgency: f.urgent ? 'URGENT' : 'ROUTINE',
          beneficiaryGroup: f.beneficiaryGroup || null,
          title: String(f.title || '').trim(),
          residentId: f.residentId || null,
          stationId: stationId || null
        }))
      };
    })
  };
}

/**
 * A recorded round's findings (Patrol.View.hazards) as the page shows them: the need raised at once (its id),
 * or waiting for the community's staff (REPORTED).
 */
export function findingsRaised(view) {
  return ((view && view.hazards) || []).map((h) => ({
    id: h.id,
    householdId: h.householdId,
    item: h.item,
    title: h.title,
    urgency: h.urgency,
    status: h.status,
    needId: h.needId || null,
    published: h.status === 'PUBLISHED' && Boolean(h.needId)
  }));
}

/** The steps an application may take next (community-service SubsidyApplication.Status.canMoveTo). */
export function subsidyNextSteps(status) {
  switch (status) {
    case 'PREPARING': return ['SUBMITTED', 'WITHDRAWN'];
    case 'SUBMITTED': return ['APPROVED', 'REJECTED', 'WITHDRAWN'];
    default: return [];
  }
}

/** Where an application stands, for its tag: open (PREPARING, SUBMITTED), good (APPROVED) or closed. */
export function subsidyTone(status) {
  if (status === 'APPROVED') return 'success';
  if (status === 'REJECTED') return 'danger';
  if (status === 'WITHDRAWN') return 'default';
  if (status === 'SUBMITTED') return 'primary';
  return 'warning';
}

/** The body of POST /grids/{gridId}/subsidy-applications. */
export function subsidyBody(form) {
  const note = String(form.note || '').trim();
  return { residentId: form.residentId || null, kind: form.kind || null, note: note || null };
}

/** The body of POST /subsidy-applications/{id}/status. */
export function subsidyMoveBody(status, on) {
  return { status, on: on || null };
}

/** The open applications first (PREPARING, SUBMITTED), then the decided ones; the latest changed first within each. */
export function sortSubsidies(list) {
  const open = (s) => (s === 'PREPARING' || s === 'SUBMITTED' ? 0 : 1);
  return [...(list || [])].sort((a, b) => open(a.status) - open(b.status) || String(b.updatedAt || '').localeCompare(String(a.updatedAt || '')));
}
