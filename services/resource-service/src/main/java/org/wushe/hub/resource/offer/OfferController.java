package org.wushe.hub.resource.offer;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

@RestController
@RequestMapping("/offers")
@Tag(name = "offers", description = "What donors give: goods (物资), services (服务), funds (资金), venues (场地)")
public class OfferController {

    private final OfferService offers;
    private final OfferChanges changes;

    public OfferController(OfferService offers, OfferChanges changes) {
        this.offers = offers;
        this.changes = changes;
    }

    @PostMapping
    @Operation(
            summary = "Offer goods, a service, funds or a venue",
            description =
                    "Publishes ResourceOffered on wushe.resource.offer. Exactly the block of the offer's kind must be set. "
                            + "Only staff of the donor may post: donor_staff whose donor_id is the donorId, or organization_staff of a "
                            + "social organization registered as that donor (organization_id = donorId); otherwise 403 naming donorId.")
    public ResponseEntity<Offer> create(@Valid @RequestBody CreateOfferRequest request) {
        Access.requireTenant("donorId", request.donorId(), Roles.DONOR_STAFF, Roles.ORGANIZATION_STAFF);
        Offer offer = offers.create(request);
        return ResponseEntity.created(URI.create("/offers/" + offer.id())).body(offer);
    }

    @PutMapping("/{offerId}")
    @Operation(
            summary =
                    "Change an active offer: title, description, window's end, stock or places, expiry date, weekly slots",
            description =
                    "Only the fields set change; publishes ResourceOffered again with the next revision (for goods and funds with "
                            + "what is still available). Stock goes up or down but never below what is reserved and handed over (400 naming "
                            + "goods.quantity, fund.amountFen, service.capacity or venue.capacity). Only staff of the offer's donor: donor_staff "
                            + "with that donor_id or organization_staff with that organization_id; otherwise 403 naming offerId, nothing written. "
                            + "409 when the offer is expired or withdrawn.")
    public Offer change(@PathVariable UUID offerId, @Valid @RequestBody UpdateOfferRequest request) {
        requireProvider(offerId);
        return changes.change(offerId, request);
    }

    @PostMapping("/{offerId}/withdraw")
    @Operation(
            summary = "Withdraw an active offer (撤回)",
            description =
                    "Publishes ResourceExpired with reason WITHDRAWN: what is still available is withdrawn, reservations already "
                            + "made stay with their matches, nothing new can be reserved. The optional reason (at most 200 characters) stays "
                            + "here and is never published. Who may: as for PUT; 409 when it is no longer active.")
    public Offer withdraw(
            @PathVariable UUID offerId, @Valid @RequestBody(required = false) WithdrawOfferRequest request) {
        requireProvider(offerId);
        return changes.withdraw(offerId, request == null ? null : request.reason());
    }

    /** 404 naming offerId when unknown; 403 naming offerId unless the caller is staff of the offer's donor (or the hub admin). */
    private void requireProvider(UUID offerId) {
        Access.requireTenant("offerId", offers.get(offerId).donorId(), Roles.DONOR_STAFF, Roles.ORGANIZATION_STAFF);
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One offer")
    public Offer get(@PathVariable UUID offerId) {
        return offers.get(offerId);
    }

    @GetMapping
    @Operation(
            summary = "Offers, oldest first, optionally of one donor, kind or status",
            description =
                    "organizationId is the same filter as donorId for a social organization that gives (registered as a donor "
                            + "with its own id); 400 naming organizationId when both are given and differ.")
    public List<Offer> list(
            @RequestParam(required = false) UUID donorId,
            @RequestParam(required = false) UUID organizationId,
            @RequestParam(required = false) OfferKind kind,
            @RequestParam(required = false) OfferStatus status,
            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        if (organizationId != null && donorId != null && !organizationId.equals(donorId)) {
            throw new InvalidInputException("organizationId", Messages.text("offer.ids-differ"));
        }
        return offers.list(donorId != null ? donorId : organizationId, kind, status, limit, offset);
    }
}
