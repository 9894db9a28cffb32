package org.wushe.hub.schemas;

import static org.wushe.hub.schemas.SampleEvents.COMMUNITY;
import static org.wushe.hub.schemas.SampleEvents.GRID;
import static org.wushe.hub.schemas.SampleEvents.SAT_0930;
import static org.wushe.hub.schemas.SampleEvents.id;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.PatrolItem;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.community.CareVisitDue;
import org.wushe.hub.events.community.CareVisitState;
import org.wushe.hub.events.community.HazardReported;
import org.wushe.hub.events.community.PatrolItemCount;
import org.wushe.hub.events.community.PatrolRecorded;
import org.wushe.hub.events.community.SubsidyApplicationChanged;
import org.wushe.hub.events.community.SubsidyKind;
import org.wushe.hub.events.community.SubsidyStatus;

/**
 * The grid worker (网格员) of {@link SampleEvents}' grid walks a patrol round: twelve households, gas and fire checked
 * at each, an old gas hose found at one (a safety check published at once); the weekly care visit to an elderly
 * person living alone falls due; a living allowance application is submitted.
 */
final class SampleGridEvents {

    static final UUID PATROL = id("patrol: saturday round");

    private SampleGridEvents() {}

    static List<SpecificRecord> all() {
        return List.of(patrolRecorded(), hazardReported(), careVisitDue(), subsidyApplicationChanged());
    }

    static PatrolRecorded patrolRecorded() {
        return PatrolRecorded.newBuilder()
                .setEventId(id("g1"))
                .setOccurredAt(SAT_0930)
                .setPatrolId(PATROL)
                .setGridId(GRID)
                .setCommunityId(COMMUNITY)
                .setPatrolledOn(LocalDate.of(2025, 1, 18))
                .setHouseholdsVisited(12)
                .setItems(List.of(
                        new PatrolItemCount(PatrolItem.GAS, 12, 1), new PatrolItemCount(PatrolItem.FIRE, 12, 0)))
                .setHazardsFound(1)
                .build();
    }

    static HazardReported hazardReported() {
        return HazardReported.newBuilder()
                .setEventId(id("g2"))
                .setOccurredAt(SAT_0930)
                .setHazardId(id("hazard: gas hose"))
                .setPatrolId(PATROL)
                .setGridId(GRID)
                .setCommunityId(COMMUNITY)
                .setItem(PatrolItem.GAS)
                .setCategory(Category.SAFETY_CHECK)
                .setUrgency(Urgency.URGENT)
                .setNeedId(id("need: gas hose"))
                .build();
    }

    static CareVisitDue careVisitDue() {
        return CareVisitDue.newBuilder()
                .setEventId(id("g3"))
                .setOccurredAt(SAT_0930)
                .setCarePlanId(id("care plan"))
                .setGridId(GRID)
                .setCommunityId(COMMUNITY)
                .setDueOn(LocalDate.of(2025, 1, 25))
                .setLastVisitedOn(LocalDate.of(2025, 1, 18))
                .setState(CareVisitState.SCHEDULED)
                .build();
    }

    static SubsidyApplicationChanged subsidyApplicationChanged() {
        return SubsidyApplicationChanged.newBuilder()
                .setEventId(id("g4"))
                .setOccurredAt(SAT_0930)
                .setApplicationId(id("application"))
                .setGridId(GRID)
                .setCommunityId(COMMUNITY)
                .setKind(SubsidyKind.LIVING_ALLOWANCE)
                .setStatus(SubsidyStatus.SUBMITTED)
                .setSubmittedOn(LocalDate.of(2025, 1, 18))
                .setRevision(2)
                .build();
    }
}
