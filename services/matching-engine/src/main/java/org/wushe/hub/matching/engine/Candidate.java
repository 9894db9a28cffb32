package org.wushe.hub.matching.engine;

/**
 * A feasible candidate of one search: its score, the values behind it, and the facts the explanation tells.
 * A snapshot: nothing in it changes when the read model does, so it may be explained after the lock is released.
 *
 * @param offer         null for a volunteer
 * @param values        component values by {@link Component} ordinal
 * @param distanceKm    NaN for a fund earmarked for the need's community
 * @param fittingSkills the candidate's skills that made it fit (mask), 0 for a generalist or a goods/fund/venue offer
 * @param activeHolds   a volunteer's live holds
 * @param recentMinutes a volunteer's minutes completed in the fairness window
 * @param wanted        goods: units wanted; services, venues, capacities: places needed
 * @param left          goods, fund: stock left after holds; services: places left in the occurrence after holds
 * @param daysToExpiry  goods with a best-before date: days from today; otherwise -1
 * @param usableMillis  common free time found, capped at the service time
 * @param neededMillis  the service time
 * @param usage         what the candidate would take from a scarce resource, for batch plans
 */
record Candidate(
        CandidateRef ref,
        Offer offer,
        double score,
        double[] values,
        Window window,
        Allocation allocation,
        double distanceKm,
        boolean sameCommunity,
        long fittingSkills,
        int activeHolds,
        int recentMinutes,
        long wanted,
        long left,
        long daysToExpiry,
        long usableMillis,
        long neededMillis,
        Usage usage) {

    /**
     * The candidate takes {@code weight} of a resource that has {@code capacity} left; a volunteer's {@code booked}
     * window may not overlap another of theirs in the same plan.
     */
    record Usage(Object resource, long capacity, long weight, Window booked) {}

    /** A session of a service, venue or capacity: places are counted per occurrence. */
    record Occurrence(java.util.UUID offerId, long startMillis) {}
}
