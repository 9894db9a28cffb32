/** Minutes → '45 分钟 min' under two hours, hours under three days, else days; '–' when none. */
export function durationText(minutes, tt) {
  if (minutes === undefined || minutes === null || minutes === '') return '–';
  const m = Number(minutes);
  if (Number.isNaN(m)) return '–';
  if (m < 120) return tt('centre.minutesN', { n: Math.round(m * 10) / 10 });
  if (m < 72 * 60) return tt('centre.hoursN', { n: Math.round(m / 6) / 10 });
  return tt('centre.daysN', { n: Math.round(m / 144) / 10 });
}

/** Mean stars (1–5) to two decimals, e.g. '3.67'; '–' without ratings. */
export function ratingText(mean) {
  if (mean === undefined || mean === null || mean === '') return '–';
  const m = Number(mean);
  return Number.isNaN(m) ? '–' : m.toFixed(2);
}

function count(n) {
  const v = Number(n);
  return n === undefined || n === null || Number.isNaN(v) ? '0' : v.toLocaleString('en-US');
}

/**
 * A report row's grid work (网格) and residents' voice (居民) as the table shows them: pairs as 'a / b'
 * (hazards found / fixed, care visits on time / late, wishes sent / fulfilled, follow-ups done / asked).
 */
export function gridAndResidents(row) {
  const g = (row && row.grid) || {};
  const r = (row && row.residents) || {};
  return {
    patrols: count(g.patrols),
    hazards: `${count(g.hazardsFound)} / ${count(g.hazardsFixed)}`,
    careVisits: `${count(g.careVisitsOnTime)} / ${count(g.careVisitsLate)}`,
    careOverdue: count(g.careVisitsOverdue),
    wishes: `${count(r.wishesSubmitted)} / ${count(r.wishesFulfilled)}`,
    ratings: count(r.ratings),
    meanRating: ratingText(r.meanRating),
    followUps: `${count(r.followUpsDone)} / ${count(r.followUpsAsked)}`
  };
}

/** The columns of the grid work and residents' table, in order (the station's name first). */
export const GRID_COLUMNS = ['station', 'patrols', 'hazards', 'careVisits', 'careOverdue', 'wishes', 'ratings', 'meanRating', 'followUps'];
