package org.wushe.hub.volunteer.rewards;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A reward a caring shop (爱心商家) offers for points, e.g. a free haircut for 50 points.
 *
 * @param stock      how many are left; null: as many as asked
 * @param validUntil last day it can be redeemed (China Standard Time); null: no end
 */
public record Reward(
        UUID id,
        UUID donorId,
        String title,
        String description,
        long pointsCost,
        Integer stock,
        LocalDate validUntil,
        boolean active,
        Instant createdAt) {}
