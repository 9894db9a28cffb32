package org.wushe.hub.schemas;

import static org.wushe.hub.schemas.SampleEvents.COMMUNITY;
import static org.wushe.hub.schemas.SampleEvents.SAT_0930;
import static org.wushe.hub.schemas.SampleEvents.STATION;
import static org.wushe.hub.schemas.SampleEvents.VOLUNTEER;
import static org.wushe.hub.schemas.SampleEvents.id;
import static org.wushe.hub.schemas.SampleEvents.within;

import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityDetails;
import org.wushe.hub.events.common.ActivityKind;
import org.wushe.hub.events.common.ActivityPosition;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.events.common.BeneficiaryGroup;
import org.wushe.hub.events.common.ServedGroup;
import org.wushe.hub.events.common.SignUpStatus;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.volunteer.ActivityCancelReason;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.CertificateIssued;
import org.wushe.hub.events.volunteer.CertificateIssuer;
import org.wushe.hub.events.volunteer.QualificationGranted;
import org.wushe.hub.events.volunteer.QualificationSource;
import org.wushe.hub.events.volunteer.SignUpApproved;
import org.wushe.hub.events.volunteer.SignUpMovedUp;
import org.wushe.hub.events.volunteer.SignUpRejectReason;
import org.wushe.hub.events.volunteer.SignUpRejected;
import org.wushe.hub.events.volunteer.SignUpWithdrawn;
import org.wushe.hub.events.volunteer.SignUpWithdrawnBy;
import org.wushe.hub.events.volunteer.VolunteerCheckedIn;
import org.wushe.hub.events.volunteer.VolunteerCheckedOut;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;

/**
 * The station of {@link SampleEvents} holds a free clinic (义诊) at a property manager's venue: two positions,
 * approval by the organizer; the volunteer signs up, waits, moves up when another withdraws, and is approved.
 */
final class SampleActivityEvents {

    static final UUID CLINIC = id("activity: free clinic");
    static final UUID MEASURING = id("position: blood pressure");
    static final UUID SIGN_UP = id("sign-up");

    private SampleActivityEvents() {}

    static ActivityDetails freeClinic(int places) {
        return ActivityDetails.newBuilder()
                .setPublisherKind(ActivityPublisherKind.STATION)
                .setPublisherId(STATION)
                .setKind(ActivityKind.FREE_CLINIC)
                .setCommunityId(COMMUNITY)
                .setTimeWindow(within(SAT_0930, 180))
                .setVenueOfferId(id("offer: property manager's hall"))
                .setCoHostOrganizationIds(List.of(id("organization")))
                .setCoHostDonorIds(List.of(id("donor: hospital")))
                .setApprovalRequired(true)
                .setResidentsServed(List.of(ServedGroup.newBuilder()
                        .setGroup(BeneficiaryGroup.ELDERLY_ALONE)
                        .setCount(40)
                        .build()))
                .setPositions(List.of(
                        ActivityPosition.newBuilder()
                                .setPositionId(MEASURING)
                                .setPlaces(places)
                                .setWaitingListLimit(2)
                                .setRequiredSkills(List.of(Skill.NURSING))
                                .setRequiredQualification("FIRST_AID")
                                .setTimeWindow(within(SAT_0930, 120))
                                .build(),
                        ActivityPosition.newBuilder()
                                .setPositionId(id("position: queue"))
                                .setPlaces(2)
                                .setWaitingListLimit(0)
                                .setRequiredSkills(List.of())
                                .setTimeWindow(within(SAT_0930, 180))
                                .build()))
                .build();
    }

    static ActivityPublished activityPublished() {
        return ActivityPublished.newBuilder()
                .setEventId(id("a1"))
                .setOccurredAt(SAT_0930.minusSeconds(86_400))
                .setActivityId(CLINIC)
                .setRevision(1)
                .setDetails(freeClinic(3))
                .build();
    }

    static ActivityChanged activityChanged() {
        return ActivityChanged.newBuilder()
                .setEventId(id("a2"))
                .setOccurredAt(SAT_0930.minusSeconds(80_000))
                .setActivityId(CLINIC)
                .setRevision(2)
                .setDetails(freeClinic(4))
                .build();
    }

    static ActivityCancelled activityCancelled() {
        return ActivityCancelled.newBuilder()
                .setEventId(id("a3"))
                .setOccurredAt(SAT_0930.minusSeconds(3_600))
                .setActivityId(CLINIC)
                .setRevision(3)
                .setReason(ActivityCancelReason.WEATHER)
                .setSignUpsCancelled(5)
                .build();
    }

    static VolunteerSignedUp volunteerSignedUp() {
        return VolunteerSignedUp.newBuilder()
                .setEventId(id("a4"))
                .setOccurredAt(SAT_0930.minusSeconds(70_000))
                .setSignUpId(SIGN_UP)
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(VOLUNTEER)
                .setStatus(SignUpStatus.WAITLISTED)
                .setPlacesTaken(3)
                .setPlaces(3)
                .setWaitingCount(1)
                .build();
    }

    static SignUpWithdrawn signUpWithdrawn() {
        return SignUpWithdrawn.newBuilder()
                .setEventId(id("a5"))
                .setOccurredAt(SAT_0930.minusSeconds(60_000))
                .setSignUpId(id("another sign-up"))
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(id("another volunteer"))
                .setWithdrawnBy(SignUpWithdrawnBy.VOLUNTEER)
                .setHeldPlace(true)
                .build();
    }

    static SignUpMovedUp signUpMovedUp() {
        return SignUpMovedUp.newBuilder()
                .setEventId(id("a6"))
                .setOccurredAt(SAT_0930.minusSeconds(60_000))
                .setSignUpId(SIGN_UP)
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(VOLUNTEER)
                .setStatus(SignUpStatus.PENDING)
                .build();
    }

    static SignUpApproved signUpApproved() {
        return SignUpApproved.newBuilder()
                .setEventId(id("a7"))
                .setOccurredAt(SAT_0930.minusSeconds(50_000))
                .setSignUpId(SIGN_UP)
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(VOLUNTEER)
                .build();
    }

    static SignUpRejected signUpRejected() {
        return SignUpRejected.newBuilder()
                .setEventId(id("a8"))
                .setOccurredAt(SAT_0930.minusSeconds(50_000))
                .setSignUpId(id("a third sign-up"))
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(id("a third volunteer"))
                .setReason(SignUpRejectReason.QUALIFICATION_MISSING)
                .build();
    }

    /** The volunteer scans the venue's check-in code at 09:28. */
    static VolunteerCheckedIn volunteerCheckedIn() {
        return VolunteerCheckedIn.newBuilder()
                .setEventId(id("a9"))
                .setOccurredAt(SAT_0930.minusSeconds(120))
                .setSignUpId(SIGN_UP)
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(VOLUNTEER)
                .setCheckedInAt(SAT_0930.minusSeconds(120))
                .setByStaff(false)
                .build();
    }

    /** Checked out by the staff at 11:35: 2 h 7 min, rounded down to 2 h. */
    static VolunteerCheckedOut volunteerCheckedOut() {
        return VolunteerCheckedOut.newBuilder()
                .setEventId(id("a10"))
                .setOccurredAt(SAT_0930.plusSeconds(7_500))
                .setSignUpId(SIGN_UP)
                .setActivityId(CLINIC)
                .setPositionId(MEASURING)
                .setVolunteerId(VOLUNTEER)
                .setCheckedInAt(SAT_0930.minusSeconds(120))
                .setCheckedOutAt(SAT_0930.plusSeconds(7_500))
                .setByStaff(true)
                .setCreditedMinutes(120)
                .build();
    }

    /** Checking out of a first-aid training grants FIRST_AID for 24 months. */
    static QualificationGranted qualificationGranted() {
        return QualificationGranted.newBuilder()
                .setEventId(id("a11"))
                .setOccurredAt(SAT_0930.plusSeconds(7_500))
                .setGrantId(id("grant: first aid"))
                .setVolunteerId(VOLUNTEER)
                .setQualificationCode("FIRST_AID")
                .setGrantedAt(SAT_0930.plusSeconds(7_500))
                .setValidUntil(SAT_0930.plusSeconds(7_500).plus(java.time.Duration.ofDays(730)))
                .setSource(QualificationSource.TRAINING)
                .setActivityId(id("activity: first-aid training"))
                .setSignUpId(SIGN_UP)
                .build();
    }

    /** The volunteer's station issues a certificate of all their hours: 2.5 h over 2 records, no star yet. */
    static CertificateIssued certificateIssued() {
        return CertificateIssued.newBuilder()
                .setEventId(id("a12"))
                .setOccurredAt(SAT_0930.plusSeconds(86_400))
                .setCertificateId(id("certificate: all time"))
                .setVolunteerId(VOLUNTEER)
                .setVerificationCode("7K3QX9M2D4TB")
                .setIssuer(CertificateIssuer.STATION)
                .setStationId(id("station: riverside"))
                .setPeriodFrom(java.time.LocalDate.of(2026, 1, 1))
                .setPeriodTo(java.time.LocalDate.of(2026, 6, 30))
                .setTotalMinutes(150)
                .setServiceRecords(2)
                .setStars(0)
                .setIssuedAt(SAT_0930.plusSeconds(86_400))
                .build();
    }

    /** The volunteer erased their account themself. */
    static org.wushe.hub.events.volunteer.VolunteerLeft volunteerLeft() {
        return org.wushe.hub.events.volunteer.VolunteerLeft.newBuilder()
                .setEventId(id("a13"))
                .setOccurredAt(SAT_0930.plusSeconds(2 * 86_400))
                .setVolunteerId(VOLUNTEER)
                .setErasedBy(org.wushe.hub.events.volunteer.ErasedBy.SELF)
                .build();
    }

    static List<org.apache.avro.specific.SpecificRecord> all() {
        return List.of(
                activityPublished(),
                activityChanged(),
                activityCancelled(),
                volunteerSignedUp(),
                signUpWithdrawn(),
                signUpMovedUp(),
                signUpApproved(),
                signUpRejected(),
                volunteerCheckedIn(),
                volunteerCheckedOut(),
                qualificationGranted(),
                certificateIssued(),
                volunteerLeft());
    }
}
