package org.wushe.hub.matching.engine;

/** What an offer gives: ResourceOffered's kinds plus an organization's service capacity. */
public enum OfferKind {
    /** Goods (物资) in stock, counted in units. */
    GOODS,
    /** A service (服务) with places per slot occurrence, e.g. free haircuts or legal advice. */
    SERVICE,
    /** Money (资金) in fen, with an optional cap per need. */
    FUND,
    /** A venue (场地) holding a number of people per opening-hours occurrence. */
    VENUE,
    /** A social organization's service capacity (服务能力): places per weekly slot occurrence. */
    CAPACITY
}
