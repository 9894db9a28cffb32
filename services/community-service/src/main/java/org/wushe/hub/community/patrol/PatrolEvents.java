package org.wushe.hub.community.patrol;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.wushe.hub.events.common.PatrolItem;
import org.wushe.hub.events.community.HazardReported;
import org.wushe.hub.events.community.PatrolItemCount;
import org.wushe.hub.events.community.PatrolRecorded;

/** The Avro events of a patrol round: counts and ids, never a household, a resident, a note or a title. */
final class PatrolEvents {

    private PatrolEvents() {}

    static PatrolRecorded recorded(
            Patrol.Round r, int householdsVisited, List<Patrol.Check> checks, List<Patrol.Hazard> hazards, Instant at) {
        Map<Patrol.Item, int[]> counts = new TreeMap<>();
        for (Patrol.Check c : checks) {
            counts.computeIfAbsent(c.item(), i -> new int[2])[0]++;
        }
        for (Patrol.Hazard h : hazards) {
            counts.computeIfAbsent(h.item(), i -> new int[2])[1]++;
        }
        return PatrolRecorded.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setPatrolId(r.id())
                .setGridId(r.gridId())
                .setCommunityId(r.communityId())
                .setPatrolledOn(r.patrolledOn())
                .setHouseholdsVisited(householdsVisited)
                .setItems(counts.entrySet().stream()
                        .map(e -> new PatrolItemCount(item(e.getKey()), e.getValue()[0], e.getValue()[1]))
                        .toList())
                .setHazardsFound(hazards.size())
                .build();
    }

    static HazardReported reported(Patrol.Hazard h, Instant at) {
        return HazardReported.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setHazardId(h.id())
                .setPatrolId(h.patrolId())
                .setGridId(h.gridId())
                .setCommunityId(h.communityId())
                .setItem(item(h.item()))
                .setCategory(h.category())
                .setUrgency(h.urgency())
                .setNeedId(h.needId())
                .build();
    }

    static PatrolItem item(Patrol.Item item) {
        return PatrolItem.valueOf(item.name());
    }
}
