package org.wushe.hub.matching.engine;

/** What a proposal offers a need. */
public enum CandidateKind {
    /** A registered community volunteer (社区志愿者). */
    VOLUNTEER,
    /** A donor's or organization's resource offer: goods, a service, funds or a venue. */
    OFFER,
    /** A social organization's service capacity (ServiceCapacityOffered). */
    CAPACITY
}
