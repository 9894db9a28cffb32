package org.wushe.hub.community.grid;

import java.time.Instant;
import java.util.UUID;

/**
 * A grid (网格): the block of a community one grid worker (网格员) answers for, e.g. 12 buildings,
 * 55 stairwells (单元), 812 households, about 1,730 people. Needs name their grid as a coarse place.
 */
public record Grid(
        UUID id,
        UUID communityId,
        String name,
        Integer buildings,
        Integer stairwells,
        Integer households,
        Integer residents,
        String geohash,
        Instant createdAt) {}
