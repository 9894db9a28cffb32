package org.wushe.hub.notification.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.notification.NotificationProperties;
import org.wushe.hub.notification.outbox.NotificationKind;
import org.wushe.hub.notification.outbox.NotificationTexts;
import org.wushe.hub.notification.outbox.Notifications;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.notification.outbox.RecipientData;

/**
 * Turns what the events say into notifications and watches: each handler runs in the consumer's transaction
 * (which records the event processed); the two schedulers ({@link #remind}, {@link #warn}) take a clock, so a
 * test drives them at a time of its choosing.
 */
@Service
public class Watches implements RecipientData {

    static final String VOLUNTEER_PAGE = "/volunteer";
    static final String STATION_PAGE = "/station";

    private final WatchRepository repository;
    private final Notifications notifications;
    private final NotificationProperties properties;

    public Watches(WatchRepository repository, Notifications notifications, NotificationProperties properties) {
        this.repository = repository;
        this.notifications = notifications;
        this.properties = properties;
    }

    // ---- matching ----------------------------------------------------------------------------------

    /** A match accepted: the volunteer on it (if one) has a new assignment; the station's proposal is decided. */
    public void accepted(UUID matchId, UUID stationId, UUID volunteerId, Instant scheduledStart) {
        repository.closed(matchId, stationId);
        if (volunteerId == null) {
            return;
        }
        notifications.notify(
                Recipient.volunteer(volunteerId),
                NotificationKind.ASSIGNMENT,
                "match:" + matchId,
                scheduledStart == null ? "notification.assignment.body-unscheduled" : "notification.assignment.body",
                scheduledStart == null ? List.of() : List.of(NotificationTexts.when(scheduledStart)),
                VOLUNTEER_PAGE);
    }

    public void proposed(UUID matchId, UUID stationId, Instant expiresAt) {
        repository.proposed(matchId, stationId, expiresAt);
    }

    public void closed(UUID matchId, UUID stationId) {
        repository.closed(matchId, stationId);
    }

    // ---- activities and sign-ups -------------------------------------------------------------------

    public void activity(UUID activityId, String kind, Instant startsAt, Instant occurredAt) {
        repository.activity(activityId, kind, startsAt, occurredAt);
    }

    public void cancelled(UUID activityId, Instant occurredAt) {
        repository.cancelled(activityId, occurredAt);
    }

    public void signedUp(UUID signUpId, UUID activityId, UUID volunteerId, String status, Instant occurredAt) {
        repository.signUp(signUpId, activityId, volunteerId, status, occurredAt);
    }

    /**
     * A decision on a sign-up: {@code approved}, {@code rejected} (with its reason's text), or {@code moved-up}
     * (from the waiting list, to {@code status}); the volunteer is told once per sign-up and decision.
     */
    public void decided(
            UUID signUpId,
            UUID activityId,
            UUID volunteerId,
            String decision,
            String status,
            String reasonCode,
            Instant occurredAt) {
        repository.signUp(signUpId, activityId, volunteerId, status, occurredAt);
        var activity = repository.findActivity(activityId);
        String kind = activity.map(WatchRepository.Activity::kind).orElse("UNKNOWN");
        Instant start = activity.map(WatchRepository.Activity::startsAt).orElse(null);
        List<String> args = reasonCode == null
                ? List.of(NotificationTexts.text("activity.kind." + kind), NotificationTexts.when(start))
                : List.of(
                        NotificationTexts.text("activity.kind." + kind),
                        NotificationTexts.when(start),
                        NotificationTexts.text(reasonCode));
        notifications.notify(
                Recipient.volunteer(volunteerId),
                NotificationKind.SIGN_UP_DECISION,
                "sign-up:" + signUpId + ":" + decision + ("moved-up".equals(decision) ? ":" + status : ""),
                "notification.sign-up." + decision,
                args,
                VOLUNTEER_PAGE);
    }

    /** A certificate issued: the volunteer is told, with the page that verifies it. */
    public void certificate(UUID certificateId, UUID volunteerId, String verificationCode, long totalMinutes) {
        notifications.notify(
                Recipient.volunteer(volunteerId),
                NotificationKind.CERTIFICATE_READY,
                "certificate:" + certificateId,
                "notification.certificate.body",
                List.of(verificationCode, hours(totalMinutes)),
                "/verify/" + verificationCode);
    }

    /** A volunteer who left: the sign-ups of theirs watched for reminders are deleted. */
    @Override
    public void forget(Recipient recipient) {
        if (Recipient.VOLUNTEER.equals(recipient.kind())) {
            repository.forgetVolunteer(recipient.id());
        }
    }

    // ---- schedulers --------------------------------------------------------------------------------

    /**
     * Reminds each volunteer holding a place (pending or confirmed) of an activity that starts within {@code
     * reminder-ahead} of the clock's now, once; not for a cancelled activity. How many were reminded.
     */
    @Transactional
    public int remind(Clock clock) {
        Instant now = clock.instant();
        int n = 0;
        for (WatchRepository.Due due : repository.lockToRemind(now, now.plus(properties.reminderAhead()))) {
            if (notifications.notify(
                    Recipient.volunteer(due.volunteerId()),
                    NotificationKind.ACTIVITY_REMINDER,
                    "activity:" + due.activityId() + ":volunteer:" + due.volunteerId(),
                    "notification.reminder.body",
                    List.of(
                            NotificationTexts.text("activity.kind." + due.kind()),
                            NotificationTexts.when(due.startsAt())),
                    VOLUNTEER_PAGE)) {
                n++;
            }
            repository.reminded(due.signUpId(), now);
        }
        return n;
    }

    /**
     * Tells the station once of each open proposal that expires within {@code deadline-warning} of the clock's
     * now. How many were told.
     */
    @Transactional
    public int warn(Clock clock) {
        Instant now = clock.instant();
        int n = 0;
        for (WatchRepository.Expiring e : repository.lockExpiring(now, now.plus(properties.deadlineWarning()))) {
            if (notifications.notify(
                    Recipient.station(e.stationId()),
                    NotificationKind.PROPOSAL_DEADLINE,
                    "match:" + e.matchId(),
                    "notification.deadline.body",
                    List.of(e.matchId().toString(), NotificationTexts.when(e.expiresAt())),
                    STATION_PAGE)) {
                n++;
            }
            repository.warned(e.matchId(), now);
        }
        return n;
    }

    private static String hours(long minutes) {
        return java.math.BigDecimal.valueOf(minutes)
                .divide(java.math.BigDecimal.valueOf(60), 1, java.math.RoundingMode.HALF_UP)
                .toPlainString();
    }
}
