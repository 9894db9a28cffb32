package org.wushe.hub.resource.directory;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.resource.ResourceProperties;
import org.wushe.hub.resource.donor.Donor;
import org.wushe.hub.resource.donor.DonorService;
import org.wushe.hub.resource.offer.Offer;
import org.wushe.hub.resource.offer.OfferService;
import org.wushe.hub.resource.offer.OfferStatus;

/** The hub's charitable resources as an Open Referral HSDS 3.0 directory, for a city's existing resource directory to read. */
@RestController
@RequestMapping("/directory/hsds")
@Tag(
        name = "directory",
        description =
                "Open Referral HSDS 3.0 export of donors (organizations), offers (services) and their coarse places (locations)")
public class DirectoryController {

    private final DonorService donors;
    private final OfferService offers;
    private final ResourceProperties properties;
    private final Clock clock;

    public DirectoryController(DonorService donors, OfferService offers, ResourceProperties properties, Clock clock) {
        this.donors = donors;
        this.offers = offers;
        this.properties = properties;
        this.clock = clock;
    }

    @GetMapping
    @Operation(
            summary =
                    "One page of the directory: active offers as services, with their organizations, locations and service_at_locations")
    public Hsds.Directory directory(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "per_page", defaultValue = "500") @Min(1) @Max(1000) int perPage) {
        List<Offer> active = offers.list(null, null, OfferStatus.ACTIVE, perPage, (page - 1) * perPage);
        return HsdsMapper.directory(
                donorsOf(active),
                active,
                offers.count(OfferStatus.ACTIVE),
                page,
                perPage,
                properties.zone(),
                clock.instant());
    }

    @GetMapping("/services")
    @Operation(
            summary = "Active offers as HSDS services (HSDS API form: organization and locations embedded), paginated")
    public Hsds.Page<Hsds.Service> services(
            @RequestParam(defaultValue = "1") @Min(1) int page,
            @RequestParam(name = "per_page", defaultValue = "50") @Min(1) @Max(1000) int perPage) {
        List<Offer> active = offers.list(null, null, OfferStatus.ACTIVE, perPage, (page - 1) * perPage);
        List<Donor> owners = donorsOf(active);
        List<Hsds.Service> services = active.stream()
                .map(o -> HsdsMapper.service(
                        o,
                        owners.stream()
                                .filter(d -> d.id().equals(o.donorId()))
                                .findFirst()
                                .orElse(null),
                        properties.zone()))
                .toList();
        return HsdsMapper.page(services, offers.count(OfferStatus.ACTIVE), page, perPage);
    }

    @GetMapping("/services/{serviceId}")
    @Operation(summary = "One offer as an HSDS service (any status)")
    public Hsds.Service service(@PathVariable UUID serviceId) {
        Offer offer = offers.get(serviceId);
        return HsdsMapper.service(offer, donors.find(offer.donorId()).orElse(null), properties.zone());
    }

    private List<Donor> donorsOf(List<Offer> offers) {
        return donors.byIds(offers.stream().map(Offer::donorId).distinct().toList());
    }
}
