package org.wushe.hub.matching.engine;

import java.util.List;

/**
 * The best feasible candidates for one need.
 *
 * @param proposals best first (score, then candidate kind and id)
 * @param examined  distinct candidates the search took out of the index and checked; far fewer than the read model
 *                  holds, since the search visits nearby cells of the fitting buckets only and stops early
 * @param reasonZh  why there is no proposal, in Chinese; null when there are proposals
 * @param reasonEn  the same in English
 */
public record MatchResult(List<Proposal> proposals, int examined, String reasonZh, String reasonEn) {

    public MatchResult {
        proposals = List.copyOf(proposals);
    }
}
