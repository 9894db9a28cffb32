package org.wushe.hub.resource.offer;

/** ACTIVE: can be reserved; EXPIRED: goods past their date or the window is over; WITHDRAWN: the provider took it back. */
public enum OfferStatus {
    ACTIVE,
    EXPIRED,
    WITHDRAWN
}
