package org.wushe.hub.platform.events;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.apache.avro.specific.SpecificRecord;
import org.wushe.hub.events.community.CommunityRegistered;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.community.NeedUpdated;
import org.wushe.hub.events.community.StationRegistered;
import org.wushe.hub.events.matching.MatchAccepted;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.events.organization.OrganizationRegistered;
import org.wushe.hub.events.resource.DonorRegistered;
import org.wushe.hub.events.resource.ResourceOffered;
import org.wushe.hub.events.resource.ResourceReleased;
import org.wushe.hub.events.resource.ResourceReservationFailed;
import org.wushe.hub.events.resource.ResourceReserved;
import org.wushe.hub.events.socialworker.SocialWorkerCertified;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;
import org.wushe.hub.events.volunteer.VolunteerAvailabilityDeclared;
import org.wushe.hub.events.volunteer.VolunteerRegistered;

/**
 * The typed catalogue of aggregates, their topics and the events each topic carries. The topic is
 * {@code wushe.<party>.<aggregate>}, keyed by aggregate id; its dead letters go to {@code <topic>.dlt}.
 * Nothing else in the code spells a topic name.
 */
public enum Aggregate {
    COMMUNITY("community.community", CommunityRegistered.class),
    STATION("community.station", StationRegistered.class),
    NEED(
            "community.need",
            NeedPublished.class,
            NeedUpdated.class,
            NeedClosed.class,
            // A resident's own (居民): a micro-wish sent from their phone, keyed by wish id; the rating of a fulfilled
            // need and
            // the station's follow-up visit (回访) of a low one, keyed by need id.
            org.wushe.hub.events.community.WishSubmitted.class,
            org.wushe.hub.events.community.ServiceRated.class,
            org.wushe.hub.events.community.FollowUpRecorded.class),
    // Grid work (网格): patrols, hazards found, care visits due, subsidy applications; keyed by grid id.
    GRID(
            "community.grid",
            org.wushe.hub.events.community.PatrolRecorded.class,
            org.wushe.hub.events.community.HazardReported.class,
            org.wushe.hub.events.community.CareVisitDue.class,
            org.wushe.hub.events.community.SubsidyApplicationChanged.class),
    ORGANIZATION(
            "organization.organization",
            OrganizationRegistered.class,
            org.wushe.hub.events.organization.OrganizationStageChanged.class,
            org.wushe.hub.events.organization.ProjectLaunched.class,
            org.wushe.hub.events.organization.ProjectGrantAwarded.class,
            org.wushe.hub.events.organization.ProjectClosed.class,
            org.wushe.hub.events.organization.ServiceCapacityOffered.class,
            org.wushe.hub.events.organization.ServiceCapacityWithdrawn.class),
    SOCIAL_WORKER(
            "socialworker.worker",
            SocialWorkerRegistered.class,
            SocialWorkerCertified.class,
            org.wushe.hub.events.socialworker.SocialWorkerAssigned.class,
            org.wushe.hub.events.socialworker.CaseOpened.class,
            org.wushe.hub.events.socialworker.CaseClosed.class,
            org.wushe.hub.events.socialworker.VisitRecorded.class,
            org.wushe.hub.events.socialworker.VisitRaisedNeed.class,
            org.wushe.hub.events.socialworker.GroupSessionHeld.class),
    VOLUNTEER(
            "volunteer.volunteer",
            VolunteerRegistered.class,
            VolunteerAvailabilityDeclared.class,
            org.wushe.hub.events.volunteer.ServiceHoursCredited.class,
            org.wushe.hub.events.volunteer.PointsAwarded.class,
            org.wushe.hub.events.volunteer.PointsRedeemed.class,
            org.wushe.hub.events.volunteer.PointsGifted.class,
            org.wushe.hub.events.volunteer.PointsExpired.class,
            // Activities (活动) and sign-ups (报名), keyed by activity id.
            org.wushe.hub.events.volunteer.ActivityPublished.class,
            org.wushe.hub.events.volunteer.ActivityChanged.class,
            org.wushe.hub.events.volunteer.ActivityCancelled.class,
            org.wushe.hub.events.volunteer.VolunteerSignedUp.class,
            org.wushe.hub.events.volunteer.SignUpApproved.class,
            org.wushe.hub.events.volunteer.SignUpRejected.class,
            org.wushe.hub.events.volunteer.SignUpWithdrawn.class,
            org.wushe.hub.events.volunteer.SignUpMovedUp.class,
            // Check-in and check-out (签到/签退), keyed by activity id.
            org.wushe.hub.events.volunteer.VolunteerCheckedIn.class,
            org.wushe.hub.events.volunteer.VolunteerCheckedOut.class,
            // Qualifications (资质), keyed by volunteer id.
            org.wushe.hub.events.volunteer.QualificationGranted.class,
            // Certificates (志愿服务记录证明), keyed by volunteer id.
            org.wushe.hub.events.volunteer.CertificateIssued.class,
            // A volunteer erased their account (注销), keyed by volunteer id.
            org.wushe.hub.events.volunteer.VolunteerLeft.class),
    DONOR("resource.donor", DonorRegistered.class),
    OFFER(
            "resource.offer",
            ResourceOffered.class,
            ResourceReserved.class,
            ResourceReleased.class,
            ResourceReservationFailed.class,
            org.wushe.hub.events.resource.ResourceConsumed.class,
            org.wushe.hub.events.resource.ResourceExpired.class),
    MATCH(
            "matching.match",
            MatchProposed.class,
            MatchAccepted.class,
            MatchDeclined.class,
            MatchCompleted.class,
            org.wushe.hub.events.matching.MatchEscalated.class);

    public static final String TOPIC_PREFIX = "wushe.";
    public static final String DEAD_LETTER_SUFFIX = ".dlt";

    private final String type;
    private final List<Class<? extends SpecificRecord>> events;

    @SafeVarargs
    Aggregate(String type, Class<? extends SpecificRecord>... events) {
        this.type = type;
        this.events = List.of(events);
    }

    /** The outbox {@code aggregatetype}, e.g. {@code community.need}. */
    public String type() {
        return type;
    }

    public String topic() {
        return TOPIC_PREFIX + type;
    }

    public String deadLetterTopic() {
        return topic() + DEAD_LETTER_SUFFIX;
    }

    public List<Class<? extends SpecificRecord>> events() {
        return events;
    }

    public boolean carries(Class<? extends SpecificRecord> eventClass) {
        return events.contains(eventClass);
    }

    public static Optional<Aggregate> ofType(String type) {
        return Arrays.stream(values()).filter(a -> a.type.equals(type)).findFirst();
    }

    public static String deadLetterTopicOf(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
