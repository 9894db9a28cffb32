// The pure logic of the resident's phone page (/resident) and of the community's wishes desk: bodies for
// community-service's /residents/me/… and /wishes/… endpoints, where each wish stands, what may be rated.
// The service decides everything (ResidentSelf, the personal-data screen, one rating per fulfilled need);
// these only shape what is sent and what is shown.

/** What a resident sends: a micro-wish (微心愿: something small they wish for) or a request for help. */
export const WISH_KINDS = ['WISH', 'HELP'];

/** The category a kind starts with (the resident may pick another). */
export const DEFAULT_CATEGORY = { WISH: 'DAILY_GOODS', HELP: 'HOME_REPAIR' };

/** Categories a resident picks from: those of community-service's Category, without UNKNOWN. */
export const WISH_CATEGORIES = ['DAILY_GOODS', 'HOME_REPAIR', 'SAFETY_CHECK', 'MEAL_ASSISTANCE', 'HEALTH', 'ESCORT', 'COMPANIONSHIP',
  'HAIRCUT', 'LEGAL_ADVICE', 'ANTI_FRAUD', 'MEDIATION', 'PSYCHOLOGICAL_SUPPORT', 'TUTORING', 'STUDY_SPACE', 'CULTURAL_EVENT', 'OTHER'];

export const WISH_STATUSES = ['PENDING', 'ACCEPTED', 'DECLINED'];

/** A blank form for a kind. */
export function blankWish(kind = 'WISH') {
  return { kind, category: DEFAULT_CATEGORY[kind] || 'OTHER', title: '', description: '', consentToShare: false };
}

/** The body of POST /residents/me/wishes (WishController.NewWish): texts trimmed, an empty description left out. */
export function wishBody(form) {
  const f = form || {};
  const description = String(f.description || '').trim();
  return {
    category: f.category || null,
    title: String(f.title || '').trim(),
    description: description || null,
    consentToShare: Boolean(f.consentToShare)
  };
}

/**
 * Problems the page can tell before sending, named by the service's field names: a title, a category.
 * Phone and ID numbers are the service's to find (its screen reads full-width digits, separators…).
 */
export function wishProblems(form, words = (k) => k) {
  const out = {};
  const body = wishBody(form);
  if (!body.category) out.category = words('required');
  if (!body.title) out.title = words('required');
  else if (body.title.length > 100) out.title = words('tooLong');
  if (body.description && body.description.length > 1000) out.description = words('tooLong');
  return out;
}

/** The body of POST /residents/me/needs/{needId}/rating (WishController.Rate). */
export function ratingBody(form) {
  const f = form || {};
  const comment = String(f.comment || '').trim();
  const stars = f.stars === null || f.stars === undefined || f.stars === '' ? NaN : Number(f.stars);
  return { stars: Number.isInteger(stars) ? stars : null, comment: comment || null };
}

/** Problems before sending a rating: stars 1 to 5, a comment of at most 500 characters. */
export function ratingProblems(form, words = (k) => k) {
  const out = {};
  const body = ratingBody(form);
  if (!(body.stars >= 1 && body.stars <= 5)) out.stars = words('stars');
  if (body.comment && body.comment.length > 500) out.comment = words('tooLong');
  return out;
}

/** Rating.FOLLOW_UP_AT_MOST: a rating of this many stars or fewer asks the station for a follow-up visit (回访). */
export const FOLLOW_UP_AT_MOST = 2;

export function asksForFollowUp(stars) {
  return Number(stars) >= 1 && Number(stars) <= FOLLOW_UP_AT_MOST;
}

/**
 * Where a wish stands for the resident, from their wish, their needs and their ratings:
 * stage SENT (waiting for the community), DECLINED (with the reason), then the need's own status
 * (PUBLISHED … FULFILLED, CANCELLED, EXPIRED); rateable once FULFILLED and not rated yet.
 */
export function wishProgress(wish, needs, ratings) {
  const w = wish || {};
  if (w.status === 'DECLINED') return { stage: 'DECLINED', need: null, rating: null, rateable: false };
  if (w.status !== 'ACCEPTED' || !w.needId) return { stage: 'SENT', need: null, rating: null, rateable: false };
  const need = (needs || []).find((n) => n.id === w.needId) || null;
  const rating = (ratings || []).find((r) => r.needId === w.needId) || null;
  const stage = need ? need.status : 'PUBLISHED';
  return { stage, need, rating, rateable: stage === 'FULFILLED' && !rating };
}

/** The resident's needs that came from no wish of theirs (staff published them for the resident), with their rating. */
export function otherNeeds(needs, wishes, ratings) {
  const fromWishes = new Set((wishes || []).map((w) => w.needId).filter(Boolean));
  return (needs || []).filter((n) => !fromWishes.has(n.id)).map((n) => {
    const rating = (ratings || []).find((r) => r.needId === n.id) || null;
    return { need: n, rating, rateable: n.status === 'FULFILLED' && !rating };
  });
}

/** The steps shown under a wish: sent, accepted (a need), in service, fulfilled; the current one marked. */
export const WISH_STEPS = ['SENT', 'ACCEPTED', 'IN_SERVICE', 'FULFILLED'];

export function stepOf(stage) {
  switch (stage) {
    case 'SENT': return 'SENT';
    case 'PUBLISHED': case 'MATCHED': return 'ACCEPTED';
    case 'ACCEPTED': case 'IN_SERVICE': return 'IN_SERVICE';
    case 'FULFILLED': return 'FULFILLED';
    default: return null;
  }
}

/** The wishes the resident sees first: those still moving, then the finished; the newest first within each. */
export function sortMine(wishes) {
  return [...(wishes || [])].sort((a, b) => String(b.submittedAt || '').localeCompare(String(a.submittedAt || '')));
}

// ---- the community's desk --------------------------------------------------------------------------------

/** The community's wishes, PENDING first (to decide), the oldest pending first; the decided ones newest first. */
export function sortForDesk(wishes) {
  const pending = (w) => (w.status === 'PENDING' ? 0 : 1);
  return [...(wishes || [])].sort((a, b) => pending(a) - pending(b)
    || (pending(a) === 0 ? String(a.submittedAt || '').localeCompare(String(b.submittedAt || ''))
      : String(b.decidedAt || b.submittedAt || '').localeCompare(String(a.decidedAt || a.submittedAt || ''))));
}

/** The body of POST /wishes/{id}/accept (WishController.Accept): urgency and group required, the rest optional. */
export function acceptBody(form) {
  const f = form || {};
  const title = String(f.title || '').trim();
  const amount = Number(f.amount);
  return {
    stationId: f.stationId || null,
    urgency: f.urgency || null,
    beneficiaryGroup: f.beneficiaryGroup || null,
    category: f.category || null,
    title: title || null,
    quantity: Number.isFinite(amount) && amount > 0 && f.unit ? { amount, unit: f.unit } : null
  };
}

/** The body of POST /wishes/{id}/decline. */
export function declineBody(reason) {
  const r = String(reason || '').trim();
  return { reason: r || null };
}
