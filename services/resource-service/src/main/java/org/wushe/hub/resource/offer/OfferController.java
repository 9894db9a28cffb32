package org.wushe.hub.resource.offer;

import java.net.URI;
import java.util.List;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.resource.OfferKind;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;

@RestController
@RequestMapping("/offers")
@Tag(name = "offers", description = "What donors give: goods (物资), services (服务), funds (资金), venues (场地)")
public class OfferController {

    private final OfferService offers;

    public OfferController(OfferService offers) {
        this.offers = offers;
    }

    @PostMapping
    @Operation(summary = "Offer goods, a service, funds or a venue",
            description = "Publishes ResourceOffered on wushe.resource.offer. Exactly the block of the offer's kind must be set. "
                    + "Only staff of the donor may post: donor_staff whose donor_id is the donorId, or organization_staff of a "
                    + "social organization registered as that donor (organization_id = donorId); otherwise 403 naming donorId.")
    public ResponseEntity<Offer> create(@Valid @RequestBody CreateOfferRequest request) {
        Access.requireTenant("donorId", request.donorId(), Roles.DONOR_STAFF, Roles.ORGANIZATION_STAFF);
        Offer offer = offers.create(request);
        return ResponseEntity.created(URI.create("/offers/" + offer.id())).body(offer);
    }

    @GetMapping("/{offerId}")
    @Operation(summary = "One offer")
    public Offer get(@PathVariable UUID offerId) {
        return offers.get(offerId);
    }

    @GetMapping
    @Operation(summary = "Offers, oldest first, optionally of one donor, kind or status")
    public List<Offer> list(@RequestParam(required = false) UUID donorId,
                            @RequestParam(required = false) OfferKind kind,
                            @RequestParam(required = false) OfferStatus status,
                            @RequestParam(defaultValue = "100") @Min(1) @Max(500) int limit,
                            @RequestParam(defaultValue = "0") @Min(0) int offset) {
        return offers.list(donorId, kind, status, limit, offset);
    }
}
