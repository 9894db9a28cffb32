package org.wushe.hub.matching.engine;

import java.util.UUID;

/** A live match's claim on a volunteer or an offer. */
record Hold(UUID matchId, CandidateRef candidate, Allocation allocation) {}
