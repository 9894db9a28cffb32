package org.wushe.hub.notification.watch;

import java.util.function.Consumer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.volunteer.ActivityCancelled;
import org.wushe.hub.events.volunteer.ActivityChanged;
import org.wushe.hub.events.volunteer.ActivityPublished;
import org.wushe.hub.events.volunteer.CertificateIssued;
import org.wushe.hub.events.volunteer.SignUpApproved;
import org.wushe.hub.events.volunteer.SignUpMovedUp;
import org.wushe.hub.events.volunteer.SignUpRejected;
import org.wushe.hub.events.volunteer.SignUpWithdrawn;
import org.wushe.hub.events.volunteer.VolunteerLeft;
import org.wushe.hub.events.volunteer.VolunteerSignedUp;
import org.wushe.hub.notification.outbox.Departures;
import org.wushe.hub.notification.outbox.Recipient;
import org.wushe.hub.platform.inbox.InboundEvents;

/**
 * Binding {@code volunteerEvents-in-0} on {@code wushe.volunteer.volunteer} (group {@code notification-service}):
 * activities published, changed and cancelled, sign-ups and their decisions, certificates issued, volunteers who
 * left (VolunteerLeft: {@link Departures}), each once in the
 * transaction that records its id; the other events of the topic are ignored; an undecodable record goes to {@code
 * wushe.volunteer.volunteer.dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class VolunteerInbound {

    public static final String CONSUMER = "notification-service.volunteers";

    @Bean
    public Consumer<Message<byte[]>> volunteerEvents(InboundEvents inbound, Watches watches, Departures departures) {
        return inbound.consumer(CONSUMER)
                .on(
                        ActivityPublished.class,
                        (envelope, a) -> watches.activity(
                                a.getActivityId(),
                                a.getDetails().getKind().name(),
                                a.getDetails().getTimeWindow().getStart(),
                                a.getOccurredAt()))
                .on(
                        ActivityChanged.class,
                        (envelope, a) -> watches.activity(
                                a.getActivityId(),
                                a.getDetails().getKind().name(),
                                a.getDetails().getTimeWindow().getStart(),
                                a.getOccurredAt()))
                .on(ActivityCancelled.class, (envelope, c) -> watches.cancelled(c.getActivityId(), c.getOccurredAt()))
                .on(
                        VolunteerSignedUp.class,
                        (envelope, s) -> watches.signedUp(
                                s.getSignUpId(),
                                s.getActivityId(),
                                s.getVolunteerId(),
                                s.getStatus().name(),
                                s.getOccurredAt()))
                .on(
                        SignUpWithdrawn.class,
                        (envelope, w) -> watches.signedUp(
                                w.getSignUpId(), w.getActivityId(), w.getVolunteerId(), "WITHDRAWN", w.getOccurredAt()))
                .on(
                        SignUpApproved.class,
                        (envelope, a) -> watches.decided(
                                a.getSignUpId(),
                                a.getActivityId(),
                                a.getVolunteerId(),
                                "approved",
                                "CONFIRMED",
                                null,
                                a.getOccurredAt()))
                .on(
                        SignUpRejected.class,
                        (envelope, r) -> watches.decided(
                                r.getSignUpId(),
                                r.getActivityId(),
                                r.getVolunteerId(),
                                "rejected",
                                "REJECTED",
                                "sign-up.reason." + r.getReason().name(),
                                r.getOccurredAt()))
                .on(
                        SignUpMovedUp.class,
                        (envelope, m) -> watches.decided(
                                m.getSignUpId(),
                                m.getActivityId(),
                                m.getVolunteerId(),
                                "moved-up",
                                m.getStatus().name(),
                                null,
                                m.getOccurredAt()))
                .on(
                        CertificateIssued.class,
                        (envelope, c) -> watches.certificate(
                                c.getCertificateId(), c.getVolunteerId(), c.getVerificationCode(), c.getTotalMinutes()))
                .on(
                        VolunteerLeft.class,
                        (envelope, l) -> departures.left(
                                Recipient.volunteer(l.getVolunteerId()),
                                l.getErasedBy().name(),
                                l.getOccurredAt()))
                .build();
    }
}
