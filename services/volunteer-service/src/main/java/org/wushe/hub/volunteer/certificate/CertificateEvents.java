package org.wushe.hub.volunteer.certificate;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.volunteer.CertificateIssued;
import org.wushe.hub.events.volunteer.CertificateIssuer;

/** What the certificate feature publishes, keyed by the volunteer: ids, the code, totals and times; never the name. */
final class CertificateEvents {

    private CertificateEvents() {}

    static CertificateIssued issued(Certificate c, Instant now) {
        return CertificateIssued.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(now)
                .setCertificateId(c.id())
                .setVolunteerId(c.volunteerId())
                .setVerificationCode(c.code())
                .setIssuer(CertificateIssuer.valueOf(c.issuer().name()))
                .setStationId(c.stationId())
                .setPeriodFrom(c.periodFrom())
                .setPeriodTo(c.periodTo())
                .setTotalMinutes(c.totalMinutes())
                .setServiceRecords(c.serviceRecords())
                .setStars(c.stars())
                .setIssuedAt(c.issuedAt())
                .build();
    }
}
