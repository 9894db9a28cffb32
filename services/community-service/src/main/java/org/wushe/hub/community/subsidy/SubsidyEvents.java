package org.wushe.hub.community.subsidy;

import java.time.Instant;
import java.util.UUID;
import org.wushe.hub.events.community.SubsidyApplicationChanged;
import org.wushe.hub.events.community.SubsidyKind;
import org.wushe.hub.events.community.SubsidyStatus;

/** The Avro event of a subsidy application: its kind, status and days; never the resident, an amount, income or the note. */
final class SubsidyEvents {

    private SubsidyEvents() {}

    static SubsidyApplicationChanged changed(SubsidyApplication a, Instant at) {
        return SubsidyApplicationChanged.newBuilder()
                .setEventId(UUID.randomUUID())
                .setOccurredAt(at)
                .setApplicationId(a.id())
                .setGridId(a.gridId())
                .setCommunityId(a.communityId())
                .setKind(SubsidyKind.valueOf(a.kind().name()))
                .setStatus(SubsidyStatus.valueOf(a.status().name()))
                .setSubmittedOn(a.submittedOn())
                .setDecidedOn(a.decidedOn())
                .setRevision(a.revision())
                .build();
    }
}
