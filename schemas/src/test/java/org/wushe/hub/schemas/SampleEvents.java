package org.wushe.hub.schemas;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.Availability;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.Category;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.DayOfWeek;
import org.wushe.hub.events.common.IncubationStage;
import org.wushe.hub.events.common.NeedDetails;
import org.wushe.hub.events.common.NeedSource;
import org.wushe.hub.events.common.Place;
import org.wushe.hub.events.common.Quantity;
import org.wushe.hub.events.common.QuantityUnit;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.common.Urgency;
import org.wushe.hub.events.common.WeeklySlot;
import org.wushe.hub.events.community.CommunityKind;
import org.wushe.hub.events.community.CommunityRegistered;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedStatus;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.community.StationLevel;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.events.matching.Decider;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.matching.ScoreComponent;
import org.wushe.hub.events.organization.LegalStatus;
import org.wushe.hub.events.organization.OrganizationKind;
import org.wushe.hub.events.organization.OrganizationRegistered;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.events.resource.DonorRegistered;
import org.wushe.hub.events.resource.GoodsOffer;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.Provider;
import org.wushe.hub.events.resource.ProviderKind;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.socialworker.Employment;
import org.wushe.hub.events.socialworker.SocialWorkerCertified;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerRegistered;

/**
 * One realistic event of each type, telling one story: in a town centre's community a resident
 * living alone has a broken door lock; a repair platform offers repairs, a young-old volunteer
 * with repair skills lives in the same grid; the engine proposes both, staff accept, the door is
 * fixed within the hour.
 */
public final class SampleEvents {

    static final String TONGZHOU = "110112";
    static final UUID COMMUNITY = id("community");
    static final UUID GRID = id("grid 3");
    static final UUID TOWN_CENTRE = id("town centre");
    static final UUID STATION = id("community station");
    static final UUID NEED = id("need: door lock");
    static final UUID RESIDENT_REF = id("resident ref 8f2c");
    static final UUID ORGANIZATION = id("volunteer team");
    static final UUID SOCIAL_WORKER = id("social worker");
    static final UUID VOLUNTEER = id("volunteer");
    static final UUID DONOR = id("repair platform");
    static final UUID OFFER = id("offer: repairs");
    static final UUID MATCH = id("match");
    static final UUID RESERVATION = id("reservation");

    /** Saturday 18 January 2025, 09:30 in Beijing. */
    static final Instant SAT_0930 = Instant.parse("2025-01-18T01:30:00Z");

    private SampleEvents() {}

    public static List<SpecificRecord> all() {
        List<SpecificRecord> all = new java.util.ArrayList<>(List.of(
                communityRegistered(),
                stationRegistered(),
                needPublished(),
                needUpdated(),
                needClosed(),
                organizationRegistered(),
                socialWorkerRegistered(),
                socialWorkerCertified(),
                volunteerRegistered(),
                volunteerAvailabilityDeclared(),
                donorRegistered(),
                resourceOffered(),
                resourceReserved(),
                resourceReleased(),
                resourceReservationFailed(),
                resourceConsumed(),
                resourceExpired(),
                matchProposed(),
                matchAccepted(),
                matchDeclined(),
                matchCompleted(),
                matchEscalated(),
                serviceHoursCredited(),
                pointsAwarded(),
                pointsRedeemed(),
                pointsGifted(),
                pointsExpired(),
                SampleOrganizationEvents.organizationStageChanged(),
                SampleOrganizationEvents.projectLaunched(),
                SampleOrganizationEvents.projectGrantAwarded(),
                SampleOrganizationEvents.projectClosed(),
                SampleOrganizationEvents.serviceCapacityOffered(),
                SampleOrganizationEvents.serviceCapacityWithdrawn(),
                SampleSocialWorkerEvents.socialWorkerAssigned(),
                SampleSocialWorkerEvents.caseOpened(),
                SampleSocialWorkerEvents.caseClosed(),
                SampleSocialWorkerEvents.visitRecorded(),
                SampleSocialWorkerEvents.visitRaisedNeed(),
                SampleSocialWorkerEvents.groupSessionHeld()));
        all.addAll(SampleActivityEvents.all());
        all.addAll(SampleGridEvents.all());
        all.addAll(SampleResidentEvents.all());
        return List.copyOf(all);
    }

    static Place grid() {
        return Place.newBuilder()
                .setDistrictCode(TONGZHOU)
                .setStreetCode("110112104")
                .setCommunityId(COMMUNITY)
                .setGridId(GRID)
                .setGeohash("wx4gtn")
                .setLatitude(39.88)
                .setLongitude(116.66)
                .build();
    }

    static Place community() {
        return Place.newBuilder()
                .setDistrictCode(TONGZHOU)
                .setStreetCode("110112104")
                .setCommunityId(COMMUNITY)
                .build();
    }

    static TimeWindow within(Instant start, long minutes) {
        return TimeWindow.newBuilder()
                .setStart(start)
                .setEnd(start.plusSeconds(60 * minutes))
                .build();
    }

    static NeedDetails doorLock() {
        return NeedDetails.newBuilder()
                .setSource(NeedSource.VISIT)
                .setCategory(Category.HOME_REPAIR)
                .setUrgency(Urgency.IMMEDIATE)
                .setBeneficiaryGroup(BeneficiaryGroup.ELDERLY_ALONE)
                .setResidentRef(RESIDENT_REF)
                .setTitle("门锁损坏需维修 door lock broken")
                .setPlace(grid())
                .setTimeWindow(within(SAT_0930, 60))
                .setRequiredSkills(List.of(Skill.HOME_REPAIR))
                .setEstimatedMinutes(45)
                .build();
    }

    static Allocation oneRepairVisit() {
        return Allocation.newBuilder()
                .setCapacity(1)
                .setWindow(within(SAT_0930.plusSeconds(900), 45))
                .build();
    }

    static CommunityRegistered communityRegistered() {
        return CommunityRegistered.newBuilder()
                .setEventId(id("e1"))
                .setOccurredAt(SAT_0930)
                .setCommunityId(COMMUNITY)
                .setName("梨园镇示例社区")
                .setKind(CommunityKind.URBAN)
                .setPlace(community())
                .setGridCount(6)
                .setHouseholdCount(4_870)
                .setResidentCount(10_350)
                .build();
    }

    static StationRegistered stationRegistered() {
        return StationRegistered.newBuilder()
                .setEventId(id("e2"))
                .setOccurredAt(SAT_0930)
                .setStationId(STATION)
                .setName("示例社区社会工作服务站")
                .setLevel(StationLevel.COMMUNITY_STATION)
                .setParentStationId(TOWN_CENTRE)
                .setCommunityId(COMMUNITY)
                .setServedCommunityIds(List.of(COMMUNITY))
                .setPlace(community())
                .build();
    }

    static NeedPublished needPublished() {
        return NeedPublished.newBuilder()
                .setEventId(id("e3"))
                .setOccurredAt(SAT_0930)
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setDetails(doorLock())
                .build();
    }

    static NeedUpdated needUpdated() {
        return NeedUpdated.newBuilder()
                .setEventId(id("e4"))
                .setOccurredAt(SAT_0930.plusSeconds(600))
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRevision(2)
                .setStatus(NeedStatus.ACCEPTED)
                .setMatchId(MATCH)
                .setDetails(doorLock())
                .build();
    }

    static NeedClosed needClosed() {
        return NeedClosed.newBuilder()
                .setEventId(id("e5"))
                .setOccurredAt(SAT_0930.plusSeconds(3_600))
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setRevision(3)
                .setOutcome(NeedOutcome.FULFILLED)
                .setMatchId(MATCH)
                .build();
    }

    static OrganizationRegistered organizationRegistered() {
        return OrganizationRegistered.newBuilder()
                .setEventId(id("e6"))
                .setOccurredAt(SAT_0930)
                .setOrganizationId(ORGANIZATION)
                .setName("示例社区志愿服务队")
                .setKind(OrganizationKind.VOLUNTEER_SERVICE)
                .setLegalStatus(LegalStatus.FILED)
                .setStage(IncubationStage.START_UP)
                .setCommunityId(COMMUNITY)
                .setPlace(community())
                .setServiceCategories(List.of(Category.MEDIATION, Category.SAFETY_CHECK, Category.LEGAL_ADVICE))
                .setMonthlyServiceCapacity(120)
                .build();
    }

    static SocialWorkerRegistered socialWorkerRegistered() {
        return SocialWorkerRegistered.newBuilder()
                .setEventId(id("e7"))
                .setOccurredAt(SAT_0930)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setEmployment(Employment.FULL_TIME)
                .setCertificationLevel(CertificationLevel.NONE)
                .setTrainedLocally(true)
                .setSkills(List.of(Skill.SOCIAL_WORK, Skill.ELDER_CARE))
                .build();
    }

    static SocialWorkerCertified socialWorkerCertified() {
        return SocialWorkerCertified.newBuilder()
                .setEventId(id("e8"))
                .setOccurredAt(SAT_0930)
                .setSocialWorkerId(SOCIAL_WORKER)
                .setStationId(STATION)
                .setLevel(CertificationLevel.ASSISTANT)
                .setPreviousLevel(CertificationLevel.NONE)
                .setCertifiedOn(LocalDate.of(2024, 12, 20))
                .build();
    }

    static Availability saturdayMornings() {
        return Availability.newBuilder()
                .setWeeklySlots(List.of(WeeklySlot.newBuilder()
                        .setDay(DayOfWeek.SATURDAY)
                        .setStart(LocalTime.of(8, 30))
                        .setEnd(LocalTime.of(12, 0))
                        .build()))
                .setOneOffWindows(List.of(within(Instant.parse("2025-01-22T06:00:00Z"), 180)))
                .setMaxHoursPerWeek(6)
                .build();
    }

    static VolunteerRegistered volunteerRegistered() {
        return VolunteerRegistered.newBuilder()
                .setEventId(id("e9"))
                .setOccurredAt(SAT_0930)
                .setVolunteerId(VOLUNTEER)
                .setCommunityId(COMMUNITY)
                .setOrganizationId(ORGANIZATION)
                .setHomeArea(grid())
                .setSkills(List.of(Skill.HOME_REPAIR, Skill.ELECTRICAL))
                .setLanguages(List.of("en"))
                .setYoungOld(true)
                .setAvailability(saturdayMornings())
                .build();
    }

    static VolunteerAvailabilityDeclared volunteerAvailabilityDeclared() {
        return VolunteerAvailabilityDeclared.newBuilder()
                .setEventId(id("e10"))
                .setOccurredAt(SAT_0930)
                .setVolunteerId(VOLUNTEER)
                .setAvailability(saturdayMornings())
                .build();
    }

    static DonorRegistered donorRegistered() {
        return DonorRegistered.newBuilder()
                .setEventId(id("e11"))
                .setOccurredAt(SAT_0930)
                .setDonorId(DONOR)
                .setName("示例家居维修平台")
                .setKind(DonorKind.REPAIR_PLATFORM)
                .setUnifiedSocialCreditCode("91110112MA00000000")
                .setPlace(community())
                .build();
    }

    static ResourceOffered resourceOffered() {
        return ResourceOffered.newBuilder()
                .setEventId(id("e12"))
                .setOccurredAt(SAT_0930)
                .setOfferId(OFFER)
                .setProvider(Provider.newBuilder()
                        .setKind(ProviderKind.DONOR)
                        .setId(DONOR)
                        .build())
                .setKind(OfferKind.GOODS)
                .setCategory(Category.HOME_REPAIR)
                .setTitle("免费更换门锁 free replacement door locks")
                .setBeneficiaryGroups(List.of(BeneficiaryGroup.ELDERLY_ALONE, BeneficiaryGroup.DISABLED))
                .setCommunityIds(List.of(COMMUNITY))
                .setPlace(community())
                .setAvailableWindow(TimeWindow.newBuilder()
                        .setStart(SAT_0930)
                        .setEnd(Instant.parse("2025-06-30T16:00:00Z"))
                        .build())
                .setGoods(GoodsOffer.newBuilder()
                        .setQuantity(Quantity.newBuilder()
                                .setAmount(20)
                                .setUnit(QuantityUnit.PIECE)
                                .build())
                        .build())
                .build();
    }

    static Allocation oneLock() {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(1)
                        .setUnit(QuantityUnit.PIECE)
                        .build())
                .build();
    }

    static Allocation locksLeft(int amount) {
        return Allocation.newBuilder()
                .setQuantity(Quantity.newBuilder()
                        .setAmount(amount)
                        .setUnit(QuantityUnit.PIECE)
                        .build())
                .build();
    }

    static ResourceReserved resourceReserved() {
        return ResourceReserved.newBuilder()
                .setEventId(id("e13"))
                .setOccurredAt(SAT_0930.plusSeconds(660))
                .setReservationId(RESERVATION)
                .setOfferId(OFFER)
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setReserved(oneLock())
                .setRemaining(locksLeft(19))
                .setExpiresAt(SAT_0930.plusSeconds(7_200))
                .build();
    }

    static ResourceReleased resourceReleased() {
        return ResourceReleased.newBuilder()
                .setEventId(id("e14"))
                .setOccurredAt(SAT_0930.plusSeconds(7_200))
                .setReservationId(RESERVATION)
                .setOfferId(OFFER)
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setReason(ReleaseReason.RESERVATION_EXPIRED)
                .setReleased(oneLock())
                .setRemaining(locksLeft(20))
                .build();
    }

    static ResourceReservationFailed resourceReservationFailed() {
        return ResourceReservationFailed.newBuilder()
                .setEventId(id("e15"))
                .setOccurredAt(SAT_0930.plusSeconds(660))
                .setOfferId(OFFER)
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setRequested(oneLock())
                .setReason(ReservationFailure.INSUFFICIENT_STOCK)
                .setAvailable(locksLeft(0))
                .build();
    }

    static org.wushe.hub.events.resource.ResourceConsumed resourceConsumed() {
        return org.wushe.hub.events.resource.ResourceConsumed.newBuilder()
                .setEventId(id("e15a"))
                .setOccurredAt(SAT_0930.plusSeconds(3_600))
                .setReservationId(RESERVATION)
                .setOfferId(OFFER)
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setConsumed(oneLock())
                .setRemaining(locksLeft(19))
                .build();
    }

    static org.wushe.hub.events.resource.ResourceExpired resourceExpired() {
        return org.wushe.hub.events.resource.ResourceExpired.newBuilder()
                .setEventId(id("e15b"))
                .setOccurredAt(Instant.parse("2025-06-30T16:00:00Z"))
                .setOfferId(OFFER)
                .setReason(org.wushe.hub.events.resource.ExpiryReason.WINDOW_ENDED)
                .setWithdrawn(locksLeft(19))
                .build();
    }

    static MatchProposed matchProposed() {
        return MatchProposed.newBuilder()
                .setEventId(id("e16"))
                .setOccurredAt(SAT_0930.plusSeconds(30))
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setOfferId(OFFER)
                .setVolunteerId(VOLUNTEER)
                .setScore(0.5 * 1.0 + 0.3 * 0.9 + 0.2 * 1.0)
                .setExplanation(List.of(
                        component("category", 0.5, 1.0, "维修需求与维修技能一致", "Repair need meets repair skills"),
                        component(
                                "distance",
                                0.3,
                                0.9,
                                "志愿者住在同一网格，步行约10分钟",
                                "Volunteer lives in the same grid, about 10 minutes on foot"),
                        component("timeWindow", 0.2, 1.0, "志愿者周六上午有空", "Volunteer is free on Saturday mornings")))
                .setProposedWindow(within(SAT_0930.plusSeconds(900), 45))
                .setProposedAllocation(oneLock())
                .setExpiresAt(SAT_0930.plusSeconds(900))
                .build();
    }

    static ScoreComponent component(String name, double weight, double value, String zh, String en) {
        return ScoreComponent.newBuilder()
                .setComponent(name)
                .setWeight(weight)
                .setValue(value)
                .setTextZh(zh)
                .setTextEn(en)
                .build();
    }

    static MatchAccepted matchAccepted() {
        return MatchAccepted.newBuilder()
                .setEventId(id("e17"))
                .setOccurredAt(SAT_0930.plusSeconds(600))
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setOfferId(OFFER)
                .setVolunteerId(VOLUNTEER)
                .setScheduledWindow(within(SAT_0930.plusSeconds(900), 45))
                .setAllocation(oneLock())
                .build();
    }

    static MatchDeclined matchDeclined() {
        return MatchDeclined.newBuilder()
                .setEventId(id("e18"))
                .setOccurredAt(SAT_0930.plusSeconds(300))
                .setMatchId(id("another match"))
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setVolunteerId(id("volunteer across town"))
                .setDeclinedBy(Decider.STATION_STAFF)
                .setReason(DeclineReason.TOO_FAR)
                .setNote("距离较远，已有更近的志愿者")
                .build();
    }

    static MatchCompleted matchCompleted() {
        return MatchCompleted.newBuilder()
                .setEventId(id("e19"))
                .setOccurredAt(SAT_0930.plusSeconds(3_600))
                .setMatchId(MATCH)
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setOfferId(OFFER)
                .setVolunteerId(VOLUNTEER)
                .setServiceMinutes(45)
                .setDelivered(oneLock())
                .build();
    }

    static org.wushe.hub.events.matching.MatchEscalated matchEscalated() {
        return org.wushe.hub.events.matching.MatchEscalated.newBuilder()
                .setEventId(id("e19a"))
                .setOccurredAt(SAT_0930.plusSeconds(930))
                .setMatchId(id("unanswered match"))
                .setNeedId(NEED)
                .setCommunityId(COMMUNITY)
                .setStationId(STATION)
                .setEscalatedTo(id("town centre"))
                .setProposedAt(SAT_0930.plusSeconds(30))
                .setDeadline(SAT_0930.plusSeconds(930))
                .setExpiresAt(SAT_0930.plusSeconds(4_530))
                .build();
    }

    // The young-old volunteer's 45 minutes of repair earn double points; later a caring shop redeems some.
    static org.wushe.hub.events.volunteer.ServiceHoursCredited serviceHoursCredited() {
        return org.wushe.hub.events.volunteer.ServiceHoursCredited.newBuilder()
                .setEventId(id("e20"))
                .setOccurredAt(SAT_0930.plusSeconds(3_601))
                .setCreditId(id("hours credit"))
                .setVolunteerId(VOLUNTEER)
                .setMinutes(45)
                .setSource(org.wushe.hub.events.volunteer.HoursSource.MATCH)
                .setMatchId(MATCH)
                .setStationId(STATION)
                .setCommunityId(COMMUNITY)
                .setCategory(Category.HOME_REPAIR)
                .setDifficulty(org.wushe.hub.events.volunteer.ServiceDifficulty.SPECIALIST)
                .setServedOn(LocalDate.of(2025, 1, 18))
                .setTotalMinutes(45)
                .build();
    }

    static org.wushe.hub.events.volunteer.PointsAwarded pointsAwarded() {
        return org.wushe.hub.events.volunteer.PointsAwarded.newBuilder()
                .setEventId(id("e21"))
                .setOccurredAt(SAT_0930.plusSeconds(3_601))
                .setTransactionId(id("award"))
                .setVolunteerId(VOLUNTEER)
                .setCreditId(id("hours credit"))
                .setPoints(30)
                .setComputedPoints(30)
                .setMultiplierPercent(400)
                .setRuleVersion(1)
                .setExpiresAt(SAT_0930.plusSeconds(3_601 + 365L * 86_400))
                .setBalance(30)
                .build();
    }

    static org.wushe.hub.events.volunteer.PointsRedeemed pointsRedeemed() {
        return org.wushe.hub.events.volunteer.PointsRedeemed.newBuilder()
                .setEventId(id("e22"))
                .setOccurredAt(SAT_0930.plusSeconds(7_200))
                .setTransactionId(id("redemption"))
                .setAccountId(VOLUNTEER)
                .setVolunteerId(VOLUNTEER)
                .setRewardId(id("reward: haircut"))
                .setDonorId(id("caring shop"))
                .setQuantity(1)
                .setPoints(20)
                .setBalance(10)
                .build();
    }

    static org.wushe.hub.events.volunteer.PointsGifted pointsGifted() {
        return org.wushe.hub.events.volunteer.PointsGifted.newBuilder()
                .setEventId(id("e23"))
                .setOccurredAt(SAT_0930.plusSeconds(7_300))
                .setTransactionId(id("gift"))
                .setFromAccountId(VOLUNTEER)
                .setToAccountId(id("time bank: elder"))
                .setRecipient(org.wushe.hub.events.volunteer.GiftRecipient.ELDER_IN_HARDSHIP)
                .setPoints(5)
                .setBalance(5)
                .setRecipientBalance(5)
                .build();
    }

    static org.wushe.hub.events.volunteer.PointsExpired pointsExpired() {
        return org.wushe.hub.events.volunteer.PointsExpired.newBuilder()
                .setEventId(id("e24"))
                .setOccurredAt(SAT_0930.plusSeconds(3_601 + 365L * 86_400))
                .setTransactionId(id("expiry"))
                .setAccountId(VOLUNTEER)
                .setVolunteerId(VOLUNTEER)
                .setPoints(5)
                .setBalance(0)
                .build();
    }

    static UUID id(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
