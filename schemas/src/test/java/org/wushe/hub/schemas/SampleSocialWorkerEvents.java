package org.wushe.hub.schemas;

import static org.wushe.hub.schemas.SampleEvents.COMMUNITY;
import static org.wushe.hub.schemas.SampleEvents.SAT_0930;
import static org.wushe.hub.schemas.SampleEvents.SOCIAL_WORKER;
import static org.wushe.hub.schemas.SampleEvents.STATION;
import static org.wushe.hub.schemas.SampleEvents.doorLock;
import static org.wushe.hub.schemas.SampleEvents.id;

import java.time.LocalDate;
import java.util.UUID;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.socialworker.CaseClosed;
import org.wushe.hub.events.socialworker.CaseOpened;
import org.wushe.hub.events.socialworker.CaseOutcome;
import org.wushe.hub.events.socialworker.GroupSessionHeld;
import org.wushe.hub.events.socialworker.SocialWorkerAssigned;
import org.wushe.hub.events.socialworker.VisitKind;
import org.wushe.hub.events.socialworker.VisitOutcome;
import org.wushe.hub.events.socialworker.VisitRaisedNeed;
import org.wushe.hub.events.socialworker.VisitRecorded;

/**
 * The social worker of {@link SampleEvents} at work: assigned to the station under a supervisor, she
 * phones the resident living alone, finds the broken door lock (the need of the story), opens a case
 * and runs a mutual-aid group.
 */
final class SampleSocialWorkerEvents {

    static final UUID VISIT = id("visit: phone call");
    static final UUID CASE = id("case");

    private SampleSocialWorkerEvents() {}

    static SocialWorkerAssigned socialWorkerAssigned() {
        return SocialWorkerAssigned.newBuilder()
                .setEventId(id("w1"))
                .setOccurredAt(SAT_0930)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setSupervisorId(id("supervisor"))
                .setAssignedOn(LocalDate.of(2025, 1, 2))
                .build();
    }

    static CaseOpened caseOpened() {
        return CaseOpened.newBuilder()
                .setEventId(id("w2"))
                .setOccurredAt(SAT_0930)
                .setCaseId(CASE)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setCommunityId(COMMUNITY)
                .setCategory(Category.COMPANIONSHIP)
                .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                .setOpenedOn(LocalDate.of(2025, 1, 18))
                .build();
    }

    static CaseClosed caseClosed() {
        return CaseClosed.newBuilder()
                .setEventId(id("w3"))
                .setOccurredAt(SAT_0930)
                .setCaseId(CASE)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setOutcome(CaseOutcome.GOALS_MET)
                .setClosedOn(LocalDate.of(2025, 4, 30))
                .setSessionCount(8)
                .build();
    }

    static VisitRecorded visitRecorded() {
        return VisitRecorded.newBuilder()
                .setEventId(id("w4"))
                .setOccurredAt(SAT_0930)
                .setVisitId(VISIT)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setCommunityId(COMMUNITY)
                .setKind(VisitKind.PHONE)
                .setOutcome(VisitOutcome.NEED_FOUND)
                .setVisitedAt(SAT_0930.minusSeconds(600))
                .setMinutes(8)
                .setNeedRaised(true)
                .build();
    }

    static VisitRaisedNeed visitRaisedNeed() {
        NeedDetails need = doorLock();
        return VisitRaisedNeed.newBuilder()
                .setEventId(id("w5"))
                .setOccurredAt(SAT_0930)
                .setVisitId(VISIT)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setDetails(need)
                .build();
    }

    static GroupSessionHeld groupSessionHeld() {
        return GroupSessionHeld.newBuilder()
                .setEventId(id("w6"))
                .setOccurredAt(SAT_0930)
                .setSessionId(id("group session 3"))
                .setGroupId(id("group"))
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setCommunityId(COMMUNITY)
                .setTitle("独居老人互助小组 mutual-aid group")
                .setCategory(Category.COMPANIONSHIP)
                .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                .setSessionNumber(3)
                .setPlannedSessions(6)
                .setHeldAt(SAT_0930.plusSeconds(86_400))
                .setMinutes(90)
                .setParticipantCount(11)
                .build();
    }
}
