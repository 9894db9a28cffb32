// The pure logic of the station's follow-up visits (回访): a resident's rating of two stars or fewer opens one for
// the need's station (community-service RatingService), which its own staff record once with how it went.
// GET /stations/{id}/follow-ups?status=, POST /follow-ups/{id} (WishController.RecordFollowUp { outcome }).
// The service decides everything (the station's own staff only, the outcome required and screened for phone and
// ID numbers, recorded once: 409 after); these only shape what is sent and in which order it is shown.

/** FollowUp.Status of community-service. */
export const FOLLOW_UP_STATUSES = ['OPEN', 'RECORDED'];

/** RecordFollowUp's @Size(max = 1000) on outcome. */
export const OUTCOME_MAX = 1000;

const DAY_MS = 86400e3;

function time(at) {
  const t = Date.parse(at || '');
  return Number.isFinite(t) ? t : null;
}

/**
 * The order on the page: the open ones first, the longest waiting first (the oldest openedAt); then the recorded
 * ones, the latest recorded first. Ties by id, so the order does not move between loads.
 */
export function sortFollowUps(list) {
  const open = (f) => (f.status === 'OPEN' ? 0 : 1);
  return [...(list || [])].sort((a, b) => {
    if (open(a) !== open(b)) return open(a) - open(b);
    const ta = open(a) === 0 ? time(a.openedAt) : time(b.recordedAt || b.openedAt);
    const tb = open(a) === 0 ? time(b.openedAt) : time(a.recordedAt || a.openedAt);
    if (ta !== tb) return ta === null ? 1 : tb === null ? -1 : ta - tb;
    return String(a.id).localeCompare(String(b.id));
  });
}

/** How many are still open (the number on the tab). */
export function openCount(list) {
  return (list || []).filter((f) => f.status === 'OPEN').length;
}

/** Whole days since the follow-up was asked for (0 on the day itself), or null without a time. */
export function daysWaiting(openedAt, now = Date.now()) {
  const t = time(openedAt);
  return t === null ? null : Math.max(0, Math.floor((now - t) / DAY_MS));
}

/** The rating's stars as the page draws them: '★★☆☆☆' for 2; '' when unknown. */
export function starsText(stars) {
  const n = Number(stars);
  if (!Number.isInteger(n) || n < 1 || n > 5) return '';
  return '★'.repeat(n) + '☆'.repeat(5 - n);
}

/** A blank record form. */
export function blankRecord() {
  return { outcome: '' };
}

/** The body of POST /follow-ups/{id} (WishController.RecordFollowUp): the outcome trimmed, null when blank. */
export function recordBody(form) {
  const outcome = String((form && form.outcome) || '').trim();
  return { outcome: outcome || null };
}

/**
 * Problems the page can tell before sending, named as the service names them (outcome): required, at most
 * 1,000 characters. Phone and ID numbers are the service's screen to find; its problem names outcome too.
 */
export function recordProblems(form, words = (k) => k) {
  const { outcome } = recordBody(form);
  if (!outcome) return { outcome: words('required') };
  if (outcome.length > OUTCOME_MAX) return { outcome: words('tooLong') };
  return {};
}

/** The needs whose titles the page still has to ask for: each needId once, none already known. */
export function needsToLoad(list, known) {
  const have = known || {};
  return [...new Set((list || []).map((f) => f.needId).filter((id) => id && !(id in have)))];
}

/** After a record was answered: the list with that follow-up replaced by the service's answer. */
export function withRecorded(list, recorded) {
  return (list || []).map((f) => (recorded && f.id === recorded.id ? recorded : f));
}
