package org.wushe.hub.matching.engine;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Set;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;

/**
 * One search: the best feasible candidates for one need from the read model as it is now. Walks the geohash
 * cells around the need nearest first, in the buckets that can fit the need (volunteers of a skill, generalists for
 * an open category, offers of the category). Each bucket has an upper bound on its entries' scores: the need's own
 * values, the highest value its entries can have for every other component, and the distance value of the cell's
 * nearest point. A bucket is no longer examined once its bound falls below the k-th best score found, and the
 * search stops when no bucket is left, so it returns exactly the k best within reach (ties broken by candidate)
 * while examining a small part of them. Runs under the engine's read lock and changes nothing.
 */
final class Matcher {

    /** Best first: higher score, then the candidate's kind and id. */
    static final Comparator<Candidate> BEST_FIRST =
            Comparator.comparingDouble(Candidate::score).reversed().thenComparing(Candidate::ref);

    private static final double NEUTRAL = 0.5;
    /** Rounding slack, so that the bound never falls below an equal score summed in another order. */
    private static final double EPSILON = 1e-9;

    private final ReadModel model;
    private final MatchSettings settings;
    private final SlotCalendar calendar;
    private final NeedSpec need;
    private final long now;
    /** Null when nothing is excluded, so that the search hashes no candidate. */
    private final Set<CandidateRef> exclude;

    private final double[] weights = new double[Component.ALL.length];
    private final int[] rejections = new int[Rejection.values().length];
    /** Component values of the candidate being evaluated; copied only into candidates that may enter the best k. */
    private final double[] scratch = new double[Component.ALL.length];

    private final GeoPoint at;
    private final Geo.Projection projection;
    private final long from;
    private final long to;
    private final long neededMillis;
    private final double urgency;
    private final double group;
    private final long requiredSkills;
    private final long fitSkills;
    private final boolean open;
    private final Languages languages;
    private final Set<OfferKind> offerKinds;
    /** {@link #offerKinds} as a bitmask of ordinals. */
    private final int offerKindMask;

    private final long firstSlot;
    private final long endSlot;
    private final long shortestMillis;
    private final Geo.CellOrder cells;
    /** The local date of now, for days to expiry. */
    private final LocalDate today;

    private final PriorityQueue<Candidate> top;
    private final int k;
    private int examined;

    Matcher(
            ReadModel model,
            MatchSettings settings,
            SlotCalendar calendar,
            NeedSpec need,
            long now,
            int k,
            Set<CandidateRef> exclude,
            CellCache cellCache) {
        if (k < 1) {
            throw new IllegalArgumentException("k must be positive, got " + k);
        }
        this.model = model;
        this.settings = settings;
        this.calendar = calendar;
        this.need = need;
        this.now = now;
        this.k = k;
        this.exclude = exclude == null || exclude.isEmpty() ? null : exclude;
        for (Component c : Component.ALL) {
            weights[c.ordinal()] = c.weight(settings.weights());
        }
        this.at = Geo.position(need.place(), need.geohash());
        this.projection = at == null ? null : Geo.Projection.at(at.latitude());
        this.from = Math.max(now, need.window().startMillis());
        this.to = Math.min(
                need.window().endMillis(), from + settings.planningHorizon().toMillis());
        this.neededMillis =
                minutes(need.estimatedMinutes() == null ? settings.defaultServiceMinutes() : need.estimatedMinutes());
        long waited = Math.max(0, now - need.publishedAtMillis());
        this.urgency = Math.min(
                1,
                settings.urgencyValues().get(need.urgency())
                        + 0.2 * Math.min(1, waited / (double) minutes(7 * 24 * 60)));
        this.group = settings.groupPriorities().get(need.beneficiaryGroup());
        this.requiredSkills = SkillMask.of(need.requiredSkills());
        this.fitSkills = SkillMask.of(settings.skillsFor(need.category()));
        this.open = settings.openCategories().contains(need.category());
        this.languages = Languages.of(need.languages());
        Set<OfferKind> kinds = settings.offerKinds().get(need.category());
        this.offerKinds = kinds == null ? Set.of() : kinds;
        int mask = 0;
        for (OfferKind kind : offerKinds) {
            mask |= 1 << kind.ordinal();
        }
        this.offerKindMask = mask;
        this.firstSlot = calendar.slotAtOrAfter(from);
        this.endSlot = calendar.slotAt(to);
        this.shortestMillis = minutes(settings.minOverlapMinutes());
        this.today = calendar.date(now);
        this.cells = at == null || to <= from ? null : cellCache.around(projection, at);
        this.top = new PriorityQueue<>(Math.min(k, 64) + 1, BEST_FIRST.reversed());
    }

    /** The outcome of a search: the best candidates, how many were examined, and why none when none. */
    record Outcome(List<Candidate> best, int examined, String reasonZh, String reasonEn) {}

    Outcome run() {
        if (at == null) {
            return none(
                    "需求没有位置信息（经纬度或geohash），无法就近匹配",
                    "The need has no place (coordinates or geohash), so nothing can be matched by distance");
        }
        if (to <= from) {
            return none("需求的时间窗已经过去", "The need's time window is over");
        }
        List<Bucket> buckets = buckets();
        if (buckets.isEmpty()) {
            return none(
                    "没有哪类志愿者或资源能满足“" + Vocabulary.zh(need.category()) + "”类需求",
                    "No kind of volunteer or offer can meet a " + Vocabulary.en(need.category()) + " need");
        }
        if (offerKinds.contains(OfferKind.FUND)) {
            for (Offer fund : model.fundsEarmarkedFor(need.communityId(), need.category())) {
                examined++;
                consider(evaluate(fund));
            }
        }
        for (int i = 0; i < cells.keys().length; i++) {
            double distance = weights[Component.DISTANCE.ordinal()] * distanceValue(cells.minKm()[i]);
            boolean live = false;
            for (Bucket bucket : buckets) {
                if (top.size() >= k && bucket.bound + distance < top.peek().score()) {
                    continue;
                }
                live = true;
                GridIndex.Cell cell = bucket.index.get(cells.keys()[i]);
                for (int j = 0; cell != null && j < cell.size(); j++) {
                    if (bucket.volunteers) {
                        // the volunteer's skills are the entry's tag: passed over without reading the volunteer
                        if ((cell.tag(j) & bucket.skip) != 0) {
                            continue;
                        }
                        examined++;
                        consider(evaluate(cell.<Volunteer>get(j)));
                    } else {
                        examined++;
                        consider(evaluate(cell.<Offer>get(j)));
                    }
                }
            }
            if (!live) {
                break;
            }
        }
        List<Candidate> best = new ArrayList<>(top);
        best.sort(BEST_FIRST);
        if (!best.isEmpty()) {
            return new Outcome(best, examined, null, null);
        }
        return none(
                Explainer.noneZh(settings.maxDistanceKm(), examined, rejections),
                Explainer.noneEn(settings.maxDistanceKm(), examined, rejections));
    }

    private Outcome none(String zh, String en) {
        return new Outcome(List.of(), examined, zh, en);
    }

    /**
     * One bucket of the search with the highest score any of its entries could reach, distance left out. Entries of
     * a farther cell are not examined once that bound plus the cell's distance value is below the k-th best score.
     *
     * @param skip volunteers with any of these skills are passed over, since they are examined in another bucket: in
     *             a skill's bucket, the skills of the buckets before it (all of them have the same bound, so a cell
     *             live for this bucket was live for those and the volunteer was examined there); in the
     *             all-volunteers bucket of an open category, the fitting skills (found, with a higher bound, in their
     *             skill's bucket), so that only generalists are examined there
     */
    private record Bucket(GridIndex<?> index, boolean volunteers, double bound, long skip) {}

    /**
     * Volunteers: the rarest required skill's bucket; else the buckets of the category's skills, plus every
     * volunteer for an open category. Offers: the category's bucket.
     */
    private List<Bucket> buckets() {
        List<Bucket> buckets = new ArrayList<>();
        double volunteer = weights[Component.TIME.ordinal()]
                + weights[Component.URGENCY.ordinal()] * urgency
                + weights[Component.PRIORITY.ordinal()] * priority(NEUTRAL)
                + weights[Component.EXPIRY.ordinal()] * NEUTRAL
                + weights[Component.FAIRNESS.ordinal()]
                + EPSILON;
        double skill = weights[Component.SKILL.ordinal()];
        if (requiredSkills != 0) {
            GridIndex<Volunteer> rarest = null;
            for (Skill s : SkillMask.list(requiredSkills)) {
                GridIndex<Volunteer> b = model.volunteersWith(s);
                if (rarest == null || b.entryCount() < rarest.entryCount()) {
                    rarest = b;
                }
            }
            buckets.add(new Bucket(rarest, true, volunteer + skill, 0));
        } else {
            long before = 0;
            for (Skill s : SkillMask.list(fitSkills)) {
                buckets.add(new Bucket(model.volunteersWith(s), true, volunteer + skill, before));
                before |= 1L << s.ordinal();
            }
            if (open) {
                buckets.add(new Bucket(
                        model.allVolunteers(), true, volunteer + skill * settings.generalistSkillValue(), fitSkills));
            }
        }
        if (!offerKinds.isEmpty()) {
            double offer = skill
                    + weights[Component.TIME.ordinal()]
                    + weights[Component.URGENCY.ordinal()] * urgency
                    + weights[Component.PRIORITY.ordinal()] * priority(1)
                    + weights[Component.EXPIRY.ordinal()] * (offerKinds.contains(OfferKind.GOODS) ? 1 : NEUTRAL)
                    + weights[Component.FAIRNESS.ordinal()] * NEUTRAL
                    + EPSILON;
            buckets.add(new Bucket(model.offersOf(need.category()), false, offer, 0));
        }
        return buckets;
    }

    private void consider(Candidate c) {
        if (c == null) {
            return;
        }
        if (c.score() < settings.minScore()) {
            rejections[Rejection.SCORE.ordinal()]++;
        } else if (top.size() < k) {
            top.add(c);
        } else if (BEST_FIRST.compare(c, top.peek()) < 0) {
            top.poll();
            top.add(c);
        }
    }

    /**
     * Whether a candidate of this score and ref would enter the best k found so far ({@link #consider}'s test, made
     * before the candidate is built, so that the many that would not cost no allocation); one below
     * {@code minScore} is counted as such.
     */
    private boolean mayEnter(double score, CandidateRef ref) {
        if (score < settings.minScore()) {
            rejections[Rejection.SCORE.ordinal()]++;
            return false;
        }
        if (top.size() < k) {
            return true;
        }
        Candidate worst = top.peek();
        int c = Double.compare(score, worst.score());
        return c > 0 || c == 0 && ref.compareTo(worst.ref()) < 0;
    }

    private Candidate reject(Rejection why) {
        rejections[why.ordinal()]++;
        return null;
    }

    private Candidate evaluate(Volunteer v) {
        if (exclude != null && exclude.contains(v.ref)) {
            return reject(Rejection.EXCLUDED);
        }
        long fitting;
        double skill;
        if (requiredSkills != 0) {
            if (!SkillMask.containsAll(v.skills, requiredSkills)) {
                return reject(Rejection.SKILL);
            }
            fitting = requiredSkills;
            skill = 1;
        } else {
            fitting = v.skills & fitSkills;
            if (fitting == 0 && !open) {
                return reject(Rejection.SKILL);
            }
            skill = fitting != 0 ? 1 : settings.generalistSkillValue();
        }
        if (!languages.isEmpty() && !v.languages.covers(languages)) {
            return reject(Rejection.LANGUAGE);
        }
        double km = km(v.latitude, v.longitude);
        if (km > settings.maxDistanceKm()) {
            return reject(Rejection.DISTANCE);
        }
        VolunteerLoad load = v.load;
        int active = load == null ? 0 : load.active;
        if (active >= settings.maxActiveMatchesPerVolunteer()) {
            return reject(Rejection.LOAD);
        }
        int recent = load == null
                ? 0
                : load.recentMinutes(now, settings.fairnessWindow().toMillis());
        long booked = load == null ? 0 : load.bookedMinutes();
        if (v.maxMinutesPerWindow >= 0 && recent + booked + neededMillis / 60_000 > v.maxMinutesPerWindow) {
            return reject(Rejection.HOURS);
        }
        Window free = FreeTime.first(calendar, v, load, firstSlot, endSlot, neededMillis, shortestMillis);
        if (free == null) {
            return reject(Rejection.TIME);
        }
        double fairness = 1
                - 0.5 * Math.min(1, active / (double) settings.maxActiveMatchesPerVolunteer())
                - 0.5 * Math.min(1, recent / (double) settings.fairnessFullMinutes());
        double[] values = values(
                skill,
                distanceValue(km),
                timeValue(free.lengthMillis(), neededMillis),
                priority(NEUTRAL),
                NEUTRAL,
                fairness);
        double score = score(values);
        if (!mayEnter(score, v.ref)) {
            return null;
        }
        Candidate.Usage usage = new Candidate.Usage(v.ref, settings.maxActiveMatchesPerVolunteer() - active, 1, free);
        return new Candidate(
                v.ref,
                null,
                score,
                values.clone(),
                free,
                null,
                km,
                v.communityId != null && v.communityId.equals(need.communityId()),
                fitting,
                active,
                recent,
                0,
                0,
                -1,
                free.lengthMillis(),
                neededMillis,
                usage);
    }

    private Candidate evaluate(Offer o) {
        OfferSpec spec = o.spec;
        if (exclude != null && exclude.contains(o.ref)) {
            return reject(Rejection.EXCLUDED);
        }
        if ((offerKindMask & o.kindBit) == 0) {
            return reject(Rejection.KIND);
        }
        if (o.limited && !spec.communityIds().contains(need.communityId())) {
            return reject(Rejection.COMMUNITY);
        }
        if (!o.serves(need.beneficiaryGroup())) {
            return reject(Rejection.GROUP);
        }
        double km = o.earmarked ? Double.NaN : km(o.latitude, o.longitude);
        if (km > settings.maxDistanceKm()) {
            return reject(Rejection.DISTANCE);
        }
        if (o.service && !languages.isEmpty() && !o.languages.covers(languages)) {
            return reject(Rejection.LANGUAGE);
        }
        if (o.service && !SkillMask.containsAll(o.skills, requiredSkills)) {
            return reject(Rejection.SKILL);
        }
        long lo = Math.max(from, o.availableStart);
        long hi = Math.min(to, o.availableEnd);
        long session = o.byPlaces && spec.sessionMinutes() != null ? minutes(spec.sessionMinutes()) : neededMillis;
        long shortest = Math.min(session, minutes(settings.minOverlapMinutes()));
        if (hi - lo < shortest) {
            return reject(Rejection.TIME);
        }
        OfferLoad load = o.load;
        return o.byPlaces ? evaluatePlaces(o, load, km, lo, hi, session, shortest) : evaluateStock(o, load, km, lo, hi);
    }

    private Candidate evaluateStock(Offer o, OfferLoad load, double km, long lo, long hi) {
        OfferSpec spec = o.spec;
        long left = o.remaining - (load == null ? 0 : load.heldStock);
        if (left <= 0) {
            return reject(Rejection.STOCK);
        }
        Window window = new Window(lo, lo + Math.min(neededMillis, hi - lo));
        if (o.kind == OfferKind.FUND) {
            long cap = spec.maxPerNeedFen() == null ? settings.defaultFundPerNeedFen() : spec.maxPerNeedFen();
            long amount = Math.min(cap, left);
            double[] values = values(
                    1,
                    o.earmarked ? 1 : distanceValue(km),
                    timeValue(window.lengthMillis(), neededMillis),
                    priority(o),
                    NEUTRAL,
                    NEUTRAL);
            double score = score(values);
            if (!mayEnter(score, o.ref)) {
                return null;
            }
            return new Candidate(
                    o.ref,
                    o,
                    score,
                    values.clone(),
                    window,
                    Allocation.fund(amount),
                    km,
                    o.earmarked,
                    0,
                    0,
                    0,
                    0,
                    left,
                    -1,
                    window.lengthMillis(),
                    neededMillis,
                    new Candidate.Usage(o.ref, left, amount, null));
        }
        QuantityUnit unit = spec.unit();
        if (need.unit() != null
                && unit != null
                && need.unit() != unit
                && need.unit() != QuantityUnit.UNKNOWN
                && unit != QuantityUnit.UNKNOWN) {
            return reject(Rejection.UNIT);
        }
        long daysToExpiry = -1;
        double expiry = NEUTRAL;
        if (spec.expiryDate() != null) {
            if (spec.expiryDate().isBefore(calendar.date(window.startMillis()))) {
                return reject(Rejection.EXPIRED);
            }
            daysToExpiry = ChronoUnit.DAYS.between(today, spec.expiryDate());
            int horizon = settings.expiryHorizonDays();
            expiry = NEUTRAL + (1 - NEUTRAL) * (1 - Math.min(daysToExpiry, horizon) / (double) horizon);
        }
        long wanted = need.quantity() == null ? 1 : need.quantity();
        int quantity = (int) Math.min(wanted, left);
        double[] values = values(
                quantity / (double) wanted,
                distanceValue(km),
                timeValue(window.lengthMillis(), neededMillis),
                priority(o),
                expiry,
                NEUTRAL);
        double score = score(values);
        if (!mayEnter(score, o.ref)) {
            return null;
        }
        return new Candidate(
                o.ref,
                o,
                score,
                values.clone(),
                window,
                Allocation.goods(quantity, unit != null ? unit : need.unit()),
                km,
                false,
                0,
                0,
                0,
                wanted,
                left,
                daysToExpiry,
                window.lengthMillis(),
                neededMillis,
                new Candidate.Usage(o.ref, left, quantity, null));
    }

    private Candidate evaluatePlaces(
            Offer o, OfferLoad load, double km, long lo, long hi, long session, long shortest) {
        OfferSpec spec = o.spec;
        int places = need.people();
        Window best = null;
        Window bestOccurrence = null;
        long bestLeft = 0;
        boolean full = false;
        for (Window occurrence : occurrences(o, lo, hi)) {
            long usableStart = Math.max(lo, occurrence.startMillis());
            long usable = Math.min(hi, occurrence.endMillis()) - usableStart;
            if (usable < shortest || best != null && usable <= best.lengthMillis()) {
                continue;
            }
            long left = o.remaining - (load == null ? 0 : load.heldPlaces(occurrence));
            if (left < places) {
                full = true;
                continue;
            }
            best = new Window(usableStart, usableStart + Math.min(session, usable));
            bestOccurrence = occurrence;
            bestLeft = left;
            if (usable >= session) {
                break;
            }
        }
        if (best == null) {
            return reject(full ? Rejection.STOCK : Rejection.TIME);
        }
        double[] values =
                values(1, distanceValue(km), timeValue(best.lengthMillis(), session), priority(o), NEUTRAL, NEUTRAL);
        double score = score(values);
        if (!mayEnter(score, o.ref)) {
            return null;
        }
        Object resource = spec.weeklySlots().isEmpty()
                ? o.ref
                : new Candidate.Occurrence(spec.offerId(), bestOccurrence.startMillis());
        long fitting = o.skills & (requiredSkills != 0 ? requiredSkills : fitSkills);
        return new Candidate(
                o.ref,
                o,
                score,
                values.clone(),
                best,
                Allocation.places(places, best),
                km,
                false,
                fitting,
                0,
                0,
                places,
                bestLeft,
                -1,
                best.lengthMillis(),
                session,
                new Candidate.Usage(resource, bestLeft, places, null));
    }

    /** The offer's occurrences that overlap [lo, hi), in time order: its weekly slots, or its whole window. */
    private List<Window> occurrences(Offer o, long lo, long hi) {
        if (o.slots.isEmpty()) {
            return List.of(o.spec.available());
        }
        List<Window> out = new ArrayList<>();
        LocalDate last = calendar.date(hi - 1);
        for (LocalDate date = calendar.date(lo); !date.isAfter(last); date = date.plusDays(1)) {
            for (WeeklySlot s : o.slots) {
                if (s.day() == date.getDayOfWeek()) {
                    long start = calendar.at(date, s.startMinute());
                    long end = calendar.at(date, s.endMinute());
                    if (start < hi && end > lo) {
                        out.add(new Window(start, end));
                    }
                }
            }
        }
        return out;
    }

    private double km(double latitude, double longitude) {
        return projection.km(at.latitude(), at.longitude(), latitude, longitude);
    }

    private double distanceValue(double km) {
        return Math.max(0, 1 - km / settings.maxDistanceKm());
    }

    private static double timeValue(long usableMillis, long neededMillis) {
        return Math.min(1, usableMillis / (double) neededMillis);
    }

    private double priority(Offer o) {
        return priority(o.targets(need.beneficiaryGroup()) ? 1 : NEUTRAL);
    }

    private double priority(double targeting) {
        return 0.8 * group + 0.2 * targeting;
    }

    /** The component values, in {@link #scratch}: copy them into a candidate that is kept. */
    private double[] values(
            double skill, double distance, double time, double priority, double expiry, double fairness) {
        double[] v = scratch;
        v[Component.SKILL.ordinal()] = skill;
        v[Component.DISTANCE.ordinal()] = distance;
        v[Component.TIME.ordinal()] = time;
        v[Component.URGENCY.ordinal()] = urgency;
        v[Component.PRIORITY.ordinal()] = priority;
        v[Component.EXPIRY.ordinal()] = expiry;
        v[Component.FAIRNESS.ordinal()] = fairness;
        return v;
    }

    private double score(double[] values) {
        double sum = 0;
        for (int i = 0; i < values.length; i++) {
            sum += weights[i] * values[i];
        }
        return sum;
    }

    private static long minutes(long m) {
        return m * 60_000L;
    }
}
