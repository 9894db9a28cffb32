// Pure logic of the station console: the matches known to the page, kept by id, moving only forward.
export const OPEN = new Set(['PROPOSED', 'ESCALATED']);
export const TAKEN = new Set(['ACCEPTED', 'RESERVED', 'COMPLETED']);
/** A match only moves forward; a push that arrives late never takes it back. */
export const RANK = { PROPOSED: 0, ESCALATED: 1, ACCEPTED: 2, RESERVED: 3, COMPLETED: 4, DECLINED: 5, LAPSED: 5, FAILED: 5, WITHDRAWN: 5 };

/** Is the match this station's (its own, or escalated to it)? */
export function mine(view, stationId) {
  return !!view && (view.stationId === stationId || view.escalatedTo === stationId);
}

/**
 * Puts a view into the map (matchId → view) unless it is older than what is known; answers what
 * happened: 'new', 'updated', 'stale' or 'ignored'.
 */
export function upsert(map, view, stationId) {
  if (!view || !view.matchId || !mine(view, stationId)) return 'ignored';
  const known = map.get(view.matchId);
  if (known && (RANK[view.status] ?? 0) < (RANK[known.status] ?? 0)) return 'stale';
  map.set(view.matchId, view);
  return known ? 'updated' : 'new';
}

export function needOf(view) {
  return (view && view.need) || {};
}

/**
 * Proposals that pass the filters, most pressing first (deadline, then proposal time).
 * filters: { category, urgency, deadline: '' | 'hour' | 'day' | 'past' }
 */
export function filterProposals(views, filters = {}, now = Date.now()) {
  const f = filters || {};
  return views
    .filter((v) => OPEN.has(v.status))
    .filter((v) => !f.category || needOf(v).category === f.category)
    .filter((v) => !f.urgency || needOf(v).urgency === f.urgency)
    .filter((v) => {
      if (!f.deadline) return true;
      const d = Date.parse(v.deadline);
      if (Number.isNaN(d)) return false;
      if (f.deadline === 'past') return d <= now;
      const limit = f.deadline === 'hour' ? 3600e3 : 86400e3;
      return d > now && d - now <= limit;
    })
    .sort((a, b) => String(a.deadline || '9999').localeCompare(String(b.deadline || '9999'))
      || String(a.proposedAt || '').localeCompare(String(b.proposedAt || '')));
}

/** Decided matches, newest decision first. */
export function takenMatches(views) {
  return views.filter((v) => TAKEN.has(v.status))
    .sort((a, b) => (Date.parse(b.decidedAt || b.proposedAt) || 0) - (Date.parse(a.decidedAt || a.proposedAt) || 0));
}

/** One page of a list: {items, page, pages}; page numbers from 1, clamped. */
export function paginate(list, page, size) {
  const pages = Math.max(1, Math.ceil(list.length / size));
  const p = Math.min(Math.max(1, page || 1), pages);
  return { items: list.slice((p - 1) * size, p * size), page: p, pages };
}

/** Default minutes of a completion: the window's length, within 0..1440, else 60. */
export function defaultMinutes(view) {
  const w = view && view.window;
  if (w && w.start && w.end) {
    const m = Math.round((Date.parse(w.end) - Date.parse(w.start)) / 60000);
    if (!Number.isNaN(m)) return Math.max(0, Math.min(1440, m));
  }
  return 60;
}

/** Contains something that looks like a mainland mobile or ID number (the service refuses those in notes). */
export function looksPersonal(text) {
  return /(?<!\d)(1[3-9]\d{9}|\d{17}[\dXx])(?!\d)/.test(String(text || ''));
}
