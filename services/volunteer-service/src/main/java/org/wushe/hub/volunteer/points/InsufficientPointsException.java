package org.wushe.hub.volunteer.points;

import java.util.UUID;

/** An account was asked to spend more points than it has. */
public class InsufficientPointsException extends RuntimeException {

    private final long requested;
    private final long available;

    public InsufficientPointsException(UUID account, long requested, long available) {
        super("account " + account + " has " + available + " points, " + requested + " asked 积分不足");
        this.requested = requested;
        this.available = available;
    }

    public long requested() {
        return requested;
    }

    public long available() {
        return available;
    }
}
