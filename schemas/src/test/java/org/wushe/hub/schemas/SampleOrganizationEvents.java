package org.wushe.hub.schemas;

import static org.wushe.hub.schemas.SampleEvents.COMMUNITY;
import static org.wushe.hub.schemas.SampleEvents.ORGANIZATION;
import static org.wushe.hub.schemas.SampleEvents.SAT_0930;
import static org.wushe.hub.schemas.SampleEvents.community;
import static org.wushe.hub.schemas.SampleEvents.id;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.organization.OrganizationStageChanged;
import org.wushe.hub.events.organization.ProjectClosed;
import org.wushe.hub.events.organization.ProjectGrantAwarded;
import org.wushe.hub.events.organization.ProjectLaunched;
import org.wushe.hub.events.organization.ProjectOutcome;
import org.wushe.hub.events.organization.ServiceCapacityOffered;
import org.wushe.hub.events.organization.ServiceCapacityWithdrawn;
import org.wushe.hub.events.organization.WithdrawalReason;

/**
 * The volunteer team of {@link SampleEvents} grows up: from start-up to growing under a hub
 * organization, runs a study-space project funded by a venture-philanthropy grant, and offers
 * Saturday-morning mediation and legal advice to the matching engine.
 */
final class SampleOrganizationEvents {

    static final java.util.UUID PROJECT = id("project: study spaces");
    static final java.util.UUID CAPACITY = id("capacity: saturday mediation");

    private SampleOrganizationEvents() {}

    static OrganizationStageChanged organizationStageChanged() {
        return OrganizationStageChanged.newBuilder()
                .setEventId(id("o1"))
                .setOccurredAt(SAT_0930)
                .setOrganizationId(ORGANIZATION)
                .setStage(IncubationStage.GROWING)
                .setPreviousStage(IncubationStage.START_UP)
                .setHubOrganizationId(id("hub organization"))
                .setChangedOn(LocalDate.of(2025, 1, 17))
                .build();
    }

    static ProjectLaunched projectLaunched() {
        return ProjectLaunched.newBuilder()
                .setEventId(id("o2"))
                .setOccurredAt(SAT_0930)
                .setProjectId(PROJECT)
                .setOrganizationId(ORGANIZATION)
                .setTitle("困境儿童学习空间改造 study spaces for children")
                .setGoal("为12名困境儿童改造学习空间 makeovers of 12 study spaces")
                .setCategory(Category.STUDY_SPACE)
                .setBeneficiaryGroup(BeneficiaryGroup.CHILD_IN_HARDSHIP)
                .setTargetPeople(12)
                .setStartsOn(LocalDate.of(2025, 3, 1))
                .setEndsOn(LocalDate.of(2025, 12, 31))
                .setBudgetFen(6_000_000L)
                .setServedCommunityIds(List.of(COMMUNITY))
                .setPlace(community())
                .build();
    }

    static ProjectGrantAwarded projectGrantAwarded() {
        return ProjectGrantAwarded.newBuilder()
                .setEventId(id("o3"))
                .setOccurredAt(SAT_0930)
                .setGrantId(id("grant"))
                .setProjectId(PROJECT)
                .setOrganizationId(ORGANIZATION)
                .setProgramme("2025年通州区社区公益创投大赛")
                .setFunder("通州区民政局")
                .setAmountFen(5_000_000L)
                .setAwardedOn(LocalDate.of(2025, 2, 20))
                .build();
    }

    static ProjectClosed projectClosed() {
        return ProjectClosed.newBuilder()
                .setEventId(id("o4"))
                .setOccurredAt(SAT_0930)
                .setProjectId(PROJECT)
                .setOrganizationId(ORGANIZATION)
                .setOutcome(ProjectOutcome.COMPLETED)
                .setClosedOn(LocalDate.of(2025, 12, 31))
                .setPeopleReached(14)
                .build();
    }

    static ServiceCapacityOffered serviceCapacityOffered() {
        return ServiceCapacityOffered.newBuilder()
                .setEventId(id("o5"))
                .setOccurredAt(SAT_0930)
                .setCapacityId(CAPACITY)
                .setOrganizationId(ORGANIZATION)
                .setRevision(1)
                .setTitle("周六上午矛盾调解与法律咨询 mediation and legal advice")
                .setCategory(Category.MEDIATION)
                .setSkills(List.of(Skill.MEDIATION, Skill.LEGAL))
                .setLanguages(List.of())
                .setBeneficiaryGroups(List.of(BeneficiaryGroup.ALL_RESIDENTS))
                .setCapacityPerSlot(6)
                .setSessionMinutes(30)
                .setWeeklySlots(List.of(WeeklySlot.newBuilder()
                        .setDay(DayOfWeek.SATURDAY)
                        .setStart(LocalTime.of(9, 0))
                        .setEnd(LocalTime.of(11, 30))
                        .build()))
                .setPeriod(TimeWindow.newBuilder()
                        .setStart(java.time.Instant.parse("2025-01-31T16:00:00Z"))
                        .setEnd(java.time.Instant.parse("2025-06-30T16:00:00Z"))
                        .build())
                .setPlace(community())
                .setServedCommunityIds(List.of(COMMUNITY))
                .build();
    }

    static ServiceCapacityWithdrawn serviceCapacityWithdrawn() {
        return ServiceCapacityWithdrawn.newBuilder()
                .setEventId(id("o6"))
                .setOccurredAt(SAT_0930)
                .setCapacityId(CAPACITY)
                .setOrganizationId(ORGANIZATION)
                .setRevision(2)
                .setReason(WithdrawalReason.CAPACITY_EXHAUSTED)
                .build();
    }
}
