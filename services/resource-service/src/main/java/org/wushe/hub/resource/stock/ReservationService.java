package org.wushe.hub.resource.stock;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.wushe.hub.events.common.Allocation;
import org.wushe.hub.events.common.TimeWindow;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.events.resource.ReleaseReason;
import org.wushe.hub.events.resource.ReservationFailure;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.platform.web.InvalidInputException;
import org.wushe.hub.resource.ResourceProperties;
import org.wushe.hub.resource.common.Enums;
import org.wushe.hub.resource.common.Window;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferEvents;
import org.wushe.hub.resource.offer.OfferService;

/**
 * Reserving, releasing and consuming stock: the one domain logic behind both the match saga
 * (wushe.matching.match) and the staff's REST calls. Every change of stock and its event are written
 * in one transaction. Each operation is idempotent: a reservation is unique per match, and releasing or
 * consuming only acts on a reservation still RESERVED; Kafka redeliveries are stopped before that by
 * the processed-event table, REST repeats by the idempotency key.
 */
@Service
public class ReservationService {

    private static final Logger log = LoggerFactory.getLogger(ReservationService.class);
    /** Reasons staff may give when releasing by hand; the others are the system's. */
    private static final Set<ReleaseReason> STAFF_RELEASE_REASONS = Set.of(
            ReleaseReason.MATCH_DECLINED,
            ReleaseReason.NEED_CLOSED,
            ReleaseReason.PROVIDER_WITHDREW,
            ReleaseReason.OTHER);

    public sealed interface Outcome permits Held, Refused {}

    /** The match holds this reservation; {@code created} is false when it already did. */
    public record Held(Reservation reservation, boolean created) implements Outcome {}

    public record Refused(ReservationFailure reason, String field, String message, Allocation available)
            implements Outcome {}

    record ReserveCommand(
            UUID offerId, UUID matchId, UUID needId, UUID stationId, Requested requested, Reservation.Source source) {}

    private final OfferService offers;
    private final StockRepository stock;
    private final ReservationRepository reservations;
    private final ReservationKeys keys;
    private final MatchStations matchStations;
    private final OutboxWriter outbox;
    private final Clock clock;
    private final ResourceProperties properties;
    private final MeterRegistry meters;

    public ReservationService(
            OfferService offers,
            StockRepository stock,
            ReservationRepository reservations,
            ReservationKeys keys,
            MatchStations matchStations,
            OutboxWriter outbox,
            Clock clock,
            ResourceProperties properties,
            MeterRegistry meters) {
        this.offers = offers;
        this.stock = stock;
        this.reservations = reservations;
        this.keys = keys;
        this.matchStations = matchStations;
        this.outbox = outbox;
        this.clock = clock;
        this.properties = properties;
        this.meters = meters;
    }

    // ---- the match saga ------------------------------------------------------------------------

    /**
     * An accepted match reserves its allocation for its station: {@code ResourceReserved}, or {@code ResourceReservationFailed}
     * with the reason.
     */
    @Transactional
    public Outcome reserveForMatch(
            UUID offerId,
            UUID matchId,
            UUID needId,
            UUID stationId,
            Allocation allocation,
            TimeWindow scheduledWindow) {
        Outcome outcome = reserve(new ReserveCommand(
                offerId,
                matchId,
                needId,
                stationId,
                Requested.of(allocation, scheduledWindow),
                Reservation.Source.MATCH));
        if (outcome instanceof Refused refused) {
            outbox.publish(
                    Aggregate.OFFER,
                    offerId.toString(),
                    StockEvents.failed(
                            offerId,
                            matchId,
                            needId,
                            allocation,
                            refused.reason(),
                            refused.available(),
                            null,
                            clock.instant()));
        }
        return outcome;
    }

    /** A declined match gives back what it reserved, if anything. */
    @Transactional
    public Optional<Reservation> releaseForMatch(UUID matchId, ReleaseReason reason) {
        return reservations.findByMatch(matchId).flatMap(r -> release(r, reason));
    }

    /** A completed match uses its reservation; what it did not use ({@code delivered} less than reserved) goes back. */
    @Transactional
    public Optional<Reservation> consumeForMatch(UUID matchId, Allocation delivered) {
        return reservations.findByMatch(matchId).flatMap(r -> {
            Offer offer = offers.findForShare(r.offerId()).orElseThrow();
            return consume(offer, r, OfferEvents.amountOf(offer, delivered));
        });
    }

    /**
     * An activity's venue, still held after the activity and its hold ({@link #expiresAt}): the activity used it, so it is
     * consumed (ResourceConsumed with the activity's id), not given back.
     */
    @Transactional
    public Optional<Reservation> consumeHeldVenue(Reservation r) {
        Offer offer = offers.findForShare(r.offerId()).orElseThrow();
        return consume(offer, r, null);
    }

    // ---- station staff over REST --------------------------------------------------------------

    public record HandReservation(Reservation reservation, boolean created) {}

    /** Records the station of a match from one of its events (see {@link MatchStations}). */
    @Transactional
    public void matchSeen(UUID matchId, UUID needId, UUID stationId, UUID escalatedTo) {
        matchStations.record(matchId, needId, stationId, escalatedTo, clock.instant());
    }

    /**
     * Staff reserve by hand, for a match of their own station (its station known from the match events; 403 when it is
     * another's or not known) or, without a match, for their own station. The idempotency key makes a repeat return the
     * first result; a refusal throws (HTTP 403/404/409/400 naming the field) and rolls back, so nothing is kept, not even
     * the key.
     */
    @Transactional
    public HandReservation reserveByHand(String idempotencyKey, UUID offerId, ReserveRequest r) {
        String key = IdempotencyKeys.require(idempotencyKey);
        Enums.known(r.unit(), "unit");
        if (r.window() != null) {
            r.window().requireOrdered("window");
        }
        UUID station;
        if (r.matchId() != null) {
            Optional<MatchStations.Known> known = matchStations.find(r.matchId());
            StockAccess.requireMatch(r.matchId(), known);
            station = known.map(MatchStations.Known::stationId).orElse(null);
        } else {
            station = StockAccess.ownStation(Access.caller());
        }
        String hash = sha256(r.fingerprint(offerId));
        if (!keys.claim(key, "reserve", hash, clock.instant())) {
            ReservationKeys.Claim claim = keys.find(key).orElseThrow();
            if (!claim.requestHash().equals(hash) || claim.reservationId() == null) {
                throw IdempotencyKeys.reused(null);
            }
            Reservation first = reservations.find(claim.reservationId()).orElseThrow();
            StockAccess.requireReservation(first, matchStations.find(first.matchId()));
            return new HandReservation(first, false);
        }
        UUID matchId = r.matchId() != null
                ? r.matchId()
                : UUID.nameUUIDFromBytes(("staff:" + key).getBytes(StandardCharsets.UTF_8));
        Outcome outcome = reserve(new ReserveCommand(
                offerId,
                matchId,
                r.needId(),
                station,
                new Requested(r.quantity(), r.unit(), r.amountFen(), r.capacity(), r.window()),
                Reservation.Source.STAFF));
        if (outcome instanceof Refused refused) {
            throw new InvalidInputException(refused.field(), refused.message(), httpStatus(refused));
        }
        Held held = (Held) outcome;
        keys.complete(key, held.reservation().id());
        return new HandReservation(held.reservation(), held.created());
    }

    /** Staff give a reservation back; releasing one already released changes nothing. */
    @Transactional
    public Reservation releaseByHand(UUID reservationId, ReleaseReason reason) {
        ReleaseReason why = reason == null ? ReleaseReason.OTHER : reason;
        if (!STAFF_RELEASE_REASONS.contains(why)) {
            throw new InvalidInputException(
                    "reason", Messages.text("reservation.reason-unknown", STAFF_RELEASE_REASONS));
        }
        Reservation r = get(reservationId);
        StockAccess.requireReservation(r, matchStations.find(r.matchId()));
        if (r.status() == Reservation.Status.CONSUMED) {
            throw new InvalidInputException("reservationId", Messages.text("reservation.consumed"), 409);
        }
        return release(r, why).orElseGet(() -> get(reservationId));
    }

    /** Staff record that a reservation was used (handed over); consuming one already consumed changes nothing. */
    @Transactional
    public Reservation consumeByHand(UUID reservationId, SettleRequest.Consume used) {
        Reservation r = get(reservationId);
        StockAccess.requireReservation(r, matchStations.find(r.matchId()));
        if (r.status() == Reservation.Status.RELEASED) {
            throw new InvalidInputException("reservationId", Messages.text("reservation.released"), 409);
        }
        Offer offer = offers.findForShare(r.offerId()).orElseThrow();
        Long amount = null;
        if (used != null) {
            amount = switch (offer.kind()) {
                case GOODS -> used.quantity() == null ? null : Long.valueOf(used.quantity());
                case FUND -> used.amountFen();
                default -> used.capacity() == null ? null : Long.valueOf(used.capacity());
            };
        }
        if (amount != null && amount > r.amount()) {
            throw new InvalidInputException(
                    StockRules.amountField(offer), Messages.text("reservation.more-than-held", r.amount()));
        }
        return consume(offer, r, amount).orElseGet(() -> get(reservationId));
    }

    public Reservation get(UUID reservationId) {
        return reservations
                .find(reservationId)
                .orElseThrow(() -> new InvalidInputException(
                        "reservationId", Messages.text("reservation.not-found", reservationId), 404));
    }

    // ---- the logic both share --------------------------------------------------------------------

    Outcome reserve(ReserveCommand c) {
        Instant now = clock.instant();
        Optional<Offer> found = offers.findForShare(c.offerId());
        if (found.isEmpty()) {
            return refused(new Refused(
                    ReservationFailure.OFFER_UNKNOWN, "offerId", "no offer with id " + c.offerId() + " 资源不存在", null));
        }
        Offer offer = found.get();
        Optional<Reservation> existing = reservations.findByMatch(c.matchId());
        if (existing.isPresent()) {
            if (c.source() == Reservation.Source.STAFF) {
                StockAccess.requireReservation(existing.get(), matchStations.find(c.matchId()));
            }
            if (existing.get().offerId().equals(offer.id())) {
                return new Held(existing.get(), false);
            }
            return refused(new Refused(
                    ReservationFailure.OTHER,
                    "matchId",
                    "the match already holds reservation " + existing.get().id() + " on another offer",
                    null));
        }
        StockRules.Plan plan = StockRules.plan(offer, c.requested(), now, properties.zone());
        if (plan instanceof StockRules.Refuse refuse) {
            return refused(new Refused(refuse.reason(), refuse.field(), refuse.message(), null));
        }
        StockRules.Take take = (StockRules.Take) plan;
        UUID stockId = stock.openPeriod(offer.id(), take.period(), take.periodTotal());
        OptionalLong left = stock.take(stockId, take.amount());
        if (left.isEmpty()) {
            long available = stock.available(stockId);
            return refused(new Refused(
                    StockRules.shortage(offer),
                    StockRules.amountField(offer),
                    "only " + available + " left, " + take.amount() + " asked 库存不足",
                    OfferEvents.remaining(offer, available, take.period())));
        }
        Reservation r = new Reservation(
                UUID.randomUUID(),
                offer.id(),
                stockId,
                c.matchId(),
                c.needId(),
                c.stationId(),
                take.amount(),
                take.window(),
                Reservation.Status.RESERVED,
                c.source(),
                now,
                expiresAt(offer, take, now),
                null,
                null,
                null);
        reservations.insert(r);
        outbox.publish(
                Aggregate.OFFER,
                offer.id().toString(),
                StockEvents.reserved(
                        r,
                        OfferEvents.allocation(offer, take.amount(), take.window()),
                        OfferEvents.remaining(offer, left.getAsLong(), take.period()),
                        now));
        meters.counter(
                        "wushe.resource.reservations",
                        "outcome",
                        "reserved",
                        "kind",
                        offer.kind().name())
                .increment();
        return new Held(r, true);
    }

    /**
     * Gives a reservation back: to the offer while it is active, written off once it expired or was
     * withdrawn. Empty when it was no longer RESERVED (nothing changes, nothing is published).
     */
    @Transactional
    public Optional<Reservation> release(Reservation r, ReleaseReason reason) {
        Instant now = clock.instant();
        Offer offer = offers.findForShare(r.offerId()).orElseThrow();
        if (!reservations.markReleased(r.id(), reason.name(), now)) {
            return Optional.empty();
        }
        long left =
                offer.isActive() ? stock.giveBack(r.stockId(), r.amount()) : stock.writeOff(r.stockId(), r.amount());
        Window period = stock.period(r.stockId()).orElseThrow().period();
        outbox.publish(
                Aggregate.OFFER,
                offer.id().toString(),
                StockEvents.released(
                        r,
                        reason,
                        OfferEvents.allocation(offer, r.amount(), r.window()),
                        OfferEvents.remaining(offer, left, period),
                        now));
        meters.counter(
                        "wushe.resource.reservations",
                        "outcome",
                        "released",
                        "kind",
                        offer.kind().name())
                .increment();
        return reservations.find(r.id());
    }

    private Optional<Reservation> consume(Offer offer, Reservation r, Long delivered) {
        Instant now = clock.instant();
        long used = delivered == null ? r.amount() : Math.max(0, Math.min(delivered, r.amount()));
        if (delivered != null && delivered > r.amount()) {
            log.warn(
                    "Match {} delivered {} but reserved {} of offer {}; consuming what was reserved",
                    r.matchId(),
                    delivered,
                    r.amount(),
                    offer.id());
        }
        if (!reservations.markConsumed(r.id(), used, now)) {
            return Optional.empty();
        }
        long rest = r.amount() - used;
        long left = rest == 0
                ? stock.available(r.stockId())
                : offer.isActive() ? stock.giveBack(r.stockId(), rest) : stock.writeOff(r.stockId(), rest);
        Window period = stock.period(r.stockId()).orElseThrow().period();
        outbox.publish(
                Aggregate.OFFER,
                offer.id().toString(),
                StockEvents.consumed(
                        r,
                        OfferEvents.allocation(offer, used, r.window()),
                        rest == 0 ? null : OfferEvents.allocation(offer, rest, r.window()),
                        OfferEvents.remaining(offer, left, period),
                        now));
        meters.counter(
                        "wushe.resource.reservations",
                        "outcome",
                        "consumed",
                        "kind",
                        offer.kind().name())
                .increment();
        return reservations.find(r.id());
    }

    private Refused refused(Refused refused) {
        meters.counter(
                        "wushe.resource.reservations",
                        "outcome",
                        "refused",
                        "reason",
                        refused.reason().name())
                .increment();
        return refused;
    }

    /** Held until a while after the session (services, venues) or after it was made (goods, funds). */
    private Instant expiresAt(Offer offer, StockRules.Take take, Instant now) {
        Instant from = now;
        if (offer.kind() == OfferKind.SERVICE || offer.kind() == OfferKind.VENUE) {
            Instant end =
                    take.window() != null ? take.window().end() : take.period().end();
            from = end.isAfter(now) ? end : now;
        }
        return from.plus(properties.reservationHold());
    }

    static int httpStatus(Refused refused) {
        if (refused.reason() == ReservationFailure.OFFER_UNKNOWN) {
            return 404;
        }
        if (refused.reason() == ReservationFailure.OTHER) {
            return "matchId".equals(refused.field()) ? 409 : 400;
        }
        return 409;
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
