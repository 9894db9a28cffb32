package org.wushe.hub.resource.directory;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * The Open Referral Human Services Data Specification (HSDS) 3.0 objects the directory export uses,
 * with HSDS field names (snake_case). Only coarse places: a location is a district, street or geohash
 * cell with its centre rounded to about 1 km, never an address.
 */
public final class Hsds {

    private Hsds() {}

    /** One page of the export: the services of the page and the organizations, locations and links they refer to. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Directory(
            String hsdsVersion,
            String generatedAt,
            long totalItems,
            int totalPages,
            int pageNumber,
            int size,
            List<Organization> organizations,
            List<Service> services,
            List<Location> locations,
            List<ServiceAtLocation> serviceAtLocations) {}

    /** The HSDS API's paginated list ({@code GET /services}). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    public record Page<T>(
            long totalItems,
            int totalPages,
            int pageNumber,
            int size,
            boolean firstPage,
            boolean lastPage,
            boolean empty,
            List<T> contents) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Organization(
            String id,
            String name,
            String description,
            String website,
            String legalStatus,
            List<OrganizationIdentifier> organizationIdentifiers) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record OrganizationIdentifier(
            String id, String organizationId, String identifierScheme, String identifierType, String identifier) {}

    /**
     * A service. In the flat export it refers to its organization by {@code organization_id}; in the
     * HSDS API form ({@code /directory/hsds/services}) it also embeds {@code organization} and
     * {@code service_at_locations} with their locations.
     */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Service(
            String id,
            String organizationId,
            String name,
            String description,
            String status,
            String eligibilityDescription,
            String feesDescription,
            String applicationProcess,
            List<Language> languages,
            List<Schedule> schedules,
            List<Attribute> attributes,
            Organization organization,
            List<ServiceAtLocation> serviceAtLocations) {

        public Service flat() {
            return new Service(
                    id,
                    organizationId,
                    name,
                    description,
                    status,
                    eligibilityDescription,
                    feesDescription,
                    applicationProcess,
                    languages,
                    schedules,
                    attributes,
                    null,
                    null);
        }
    }

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Location(
            String id,
            String locationType,
            String organizationId,
            String name,
            String description,
            Double latitude,
            Double longitude,
            String externalIdentifier,
            String externalIdentifierType) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ServiceAtLocation(
            String id, String serviceId, String locationId, String description, Location location) {

        public ServiceAtLocation flat() {
            return new ServiceAtLocation(id, serviceId, locationId, description, null);
        }
    }

    /** RFC 5545-style weekly schedule as HSDS 3.0 models it; times carry the +08:00 offset. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Schedule(
            String id,
            String serviceId,
            String validFrom,
            String validTo,
            String freq,
            Integer interval,
            String byday,
            String opensAt,
            String closesAt,
            String wkst,
            Integer timezone,
            String description) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Language(String id, String serviceId, String name, String code) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Attribute(
            String id,
            String linkId,
            String linkType,
            String linkEntity,
            String taxonomyTermId,
            TaxonomyTerm taxonomyTerm) {}

    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TaxonomyTerm(String id, String code, String name, String description, String taxonomy) {}
}
