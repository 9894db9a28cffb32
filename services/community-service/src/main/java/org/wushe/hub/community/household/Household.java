package org.wushe.hub.community.household;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The grid's register, coarse on purpose: a compound is a public place name, a building its label (3号楼), a
 * household its stairwell (单元) and the number the grid gives it in its building (not a door number), with the
 * ids of the resident records living there. Names, phones, addresses and flags stay in the resident register.
 */
public final class Household {

    private Household() {}

    public record Compound(UUID id, UUID gridId, String name, Instant createdAt) {}

    public record Building(
            UUID id, UUID compoundId, UUID gridId, String label, Integer stairwells, Instant createdAt) {}

    public record Home(
            UUID id,
            UUID buildingId,
            UUID gridId,
            Integer stairwell,
            int number,
            List<UUID> residentIds,
            Instant createdAt) {}
}
