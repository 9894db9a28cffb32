package org.wushe.hub.resource.donor;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.resource.DonorKind;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.common.Enums;

@Service
public class DonorService {

    private final DonorRepository donors;
    private final OutboxWriter outbox;
    private final Clock clock;

    public DonorService(DonorRepository donors, OutboxWriter outbox, Clock clock) {
        this.donors = donors;
        this.outbox = outbox;
        this.clock = clock;
    }

    /** Registers the donor and publishes {@code DonorRegistered} in the same transaction. */
    @Transactional
    public Donor register(RegisterDonorRequest r) {
        Enums.known(r.kind(), "kind");
        Instant now = clock.instant();
        Donor donor = new Donor(
                UUID.randomUUID(),
                r.name().strip(),
                r.kind(),
                r.unifiedSocialCreditCode(),
                r.communityId(),
                r.description(),
                r.website(),
                r.place().coarsened(),
                now);
        if (!donors.insert(donor)) {
            throw new InvalidInputException("unifiedSocialCreditCode", Messages.text("donor.credit-code-taken"), 409);
        }
        outbox.publish(Aggregate.DONOR, donor.id().toString(), DonorEvents.registered(donor, now));
        return donor;
    }

    public Donor get(UUID id) {
        return donors.find(id)
                .orElseThrow(() -> new InvalidInputException("donorId", Messages.text("donor.not-found", id), 404));
    }

    public List<Donor> list(DonorKind kind, int limit, int offset) {
        return donors.list(kind, limit, offset);
    }

    /** The donor, if there is one with this id (for the other features; {@link #get} answers 404 instead). */
    public Optional<Donor> find(UUID id) {
        return donors.find(id);
    }

    public boolean exists(UUID id) {
        return donors.exists(id);
    }

    /** The donors of these ids, by name. */
    public List<Donor> byIds(List<UUID> ids) {
        return donors.byIds(ids);
    }
}
