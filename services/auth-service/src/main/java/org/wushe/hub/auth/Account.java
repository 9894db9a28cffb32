package org.wushe.hub.auth;

import java.util.List;
import java.util.Map;

/** A person who signs in: their roles and, per scoped role, the tenant ({@code station_id} → the station's id). */
public record Account(
        String username, String displayName, List<String> roles, Map<String, String> tenancy, boolean enabled) {

    /** The roles the hub knows, and the claim each scoped role needs. */
    public static final List<String> ROLES = List.of(
            "hub_admin",
            "centre_manager",
            "station_staff",
            "community_staff",
            "grid_worker",
            "organization_staff",
            "donor_staff",
            "social_worker",
            "volunteer");

    public static final Map<String, String> TENANCY = Map.of(
            "centre_manager", "centre_id",
            "station_staff", "station_id",
            "community_staff", "community_id",
            "grid_worker", "grid_id",
            "organization_staff", "organization_id",
            "donor_staff", "donor_id",
            "social_worker", "social_worker_id",
            "volunteer", "volunteer_id");

    /**
     * A resident (居民) signs in to see their own wishes, needs and ratings. Not among {@link #ROLES}: such an account is
     * never made through {@code POST /accounts}; the staff of the resident's community link it to the resident's record
     * ({@code POST /accounts/residents}), with the claims {@value #RESIDENT_ID} and {@code community_id}.
     */
    public static final String RESIDENT = "resident";

    public static final String RESIDENT_ID = "resident_id";
    public static final String COMMUNITY_ID = "community_id";

    /** Whether this is a resident's own account (the role resident and nothing else). */
    public boolean isResident() {
        return roles.equals(List.of(RESIDENT));
    }
}
