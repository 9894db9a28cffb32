package org.wushe.hub.matching.readmodel;

/** Where a need stands in the matching service. */
public enum NeedState {
    /** Published and being matched. */
    OPEN,
    /** No candidate yet, or scarce candidates: waits for new supply or the next batch, with a reason. */
    WAITING,
    /** A live match (proposed, escalated, accepted or reserved) exists. */
    MATCHED,
    /** Fulfilled, cancelled or expired in the community service. */
    CLOSED
}
