package org.wushe.hub.resource.stock;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.web.IdempotencyKeys;
import org.wushe.hub.resource.offer.OfferService;

@RestController
@Tag(
        name = "reservations",
        description = "Stock set aside for matches (预留): by the match saga, or by station staff by hand")
public class ReservationController {

    private final ReservationService reservations;
    private final ReservationRepository repository;
    private final OfferService offers;

    public ReservationController(
            ReservationService reservations, ReservationRepository repository, OfferService offers) {
        this.reservations = reservations;
        this.repository = repository;
        this.offers = offers;
    }

    @PostMapping("/offers/{offerId}/reservations")
    @Operation(
            summary = "Reserve part of an offer by hand",
            description =
                    "Idempotent by the Idempotency-Key header: a repeat returns the first result (200) and publishes nothing. "
                            + "201 and ResourceReserved on wushe.resource.offer when new; 409 when too little is left or the offer expired; "
                            + "404 for an unknown offer.")
    public ResponseEntity<Reservation> reserve(
            @PathVariable UUID offerId,
            @Parameter(description = "A fresh UUID per reservation, repeated on retries", required = true)
                    @RequestHeader(name = IdempotencyKeys.HEADER, required = false)
                    String idempotencyKey,
            @Valid @RequestBody ReserveRequest request) {
        ReservationService.HandReservation result;
        try {
            result = reservations.reserveByHand(idempotencyKey, offerId, request);
        } catch (DuplicateKeyException raced) {
            // Another request reserved for the same match or key at the same moment; ours rolled back. Now it finds
            // theirs.
            result = reservations.reserveByHand(idempotencyKey, offerId, request);
        }
        return result.created()
                ? ResponseEntity.created(URI.create(
                                "/reservations/" + result.reservation().id()))
                        .body(result.reservation())
                : ResponseEntity.ok(result.reservation());
    }

    @GetMapping("/offers/{offerId}/reservations")
    @Operation(summary = "Reservations of an offer, oldest first")
    public List<Reservation> ofOffer(
            @PathVariable UUID offerId,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        offers.get(offerId);
        return repository.ofOffer(offerId, limit, offset);
    }

    @GetMapping("/reservations/{reservationId}")
    @Operation(summary = "One reservation")
    public Reservation get(@PathVariable UUID reservationId) {
        return reservations.get(reservationId);
    }

    @PostMapping("/reservations/{reservationId}/release")
    @Operation(
            summary = "Give a reservation back to the offer",
            description =
                    "Publishes ResourceReleased. Releasing a released reservation changes nothing (200); a consumed one is 409.")
    public Reservation release(
            @PathVariable UUID reservationId, @Valid @RequestBody(required = false) SettleRequest.Release request) {
        return reservations.releaseByHand(reservationId, request == null ? null : request.reason());
    }

    @PostMapping("/reservations/{reservationId}/consumption")
    @Operation(
            summary = "Record that a reservation was used (handed over)",
            description =
                    "Publishes ResourceConsumed; what was not used goes back to the offer. Consuming a consumed reservation changes nothing; a released one is 409.")
    public Reservation consume(
            @PathVariable UUID reservationId, @Valid @RequestBody(required = false) SettleRequest.Consume request) {
        return reservations.consumeByHand(reservationId, request);
    }
}
