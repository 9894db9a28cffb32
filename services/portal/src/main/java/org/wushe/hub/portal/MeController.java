package org.wushe.hub.portal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/me}: who is signed in, as the pages need it to pick a workspace: the subject, the display
 * name, the roles and the tenancy claims of the ID token (the same claims the access token carries to the
 * services, which decide by them). No token is in the answer.
 */
@RestController
class MeController {

    /** The tenancy claims the issuer puts in tokens; the services compare them with the rows they touch. */
    static final List<String> TENANCY = List.of(
            "station_id",
            "community_id",
            "organization_id",
            "donor_id",
            "social_worker_id",
            "volunteer_id",
            "centre_id",
            "grid_id",
            "resident_id");

    record Me(String subject, String name, List<String> roles, Map<String, Object> tenancy) {}

    @GetMapping("/api/me")
    Me me(@AuthenticationPrincipal OidcUser user) {
        Map<String, Object> tenancy = new LinkedHashMap<>();
        for (String claim : TENANCY) {
            Object value = user.getClaims().get(claim);
            if (value != null) {
                tenancy.put(claim, value);
            }
        }
        List<String> roles = user.getClaimAsStringList("roles");
        String name = user.getClaimAsString("name");
        return new Me(
                user.getSubject(), name != null ? name : user.getSubject(), roles != null ? roles : List.of(), tenancy);
    }
}
