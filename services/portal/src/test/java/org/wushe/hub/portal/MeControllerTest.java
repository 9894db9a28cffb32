package org.wushe.hub.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code GET /api/me} hands the pages the tenancy claims they pick a workspace and its rows by: a grid worker's
 * {@code grid_id} among them (the grid page reads its grid by it); claims the pages have no use for stay out.
 * And a reload of {@code /grid} gets the app's page. A resident's {@code resident_id} is among them too (their page needs it).
 */
class MeControllerTest {

    @Test
    void aGridWorkersGridIdIsAmongTheTenancyClaims() {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .subject("gw-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("name", "网格员一")
                .claim("roles", List.of("grid_worker"))
                .claim("grid_id", "0f8e2d6a-4c1b-4c33-9d5e-7a1b2c3d4e5f")
                .claim("community_id", "5a6b7c8d-1111-4222-8333-944455556666")
                .claim("email", "not-a-tenancy-claim@example.org")
                .build();
        DefaultOidcUser user = new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), token);

        MeController.Me me = new MeController().me(user);

        assertThat(me.subject()).isEqualTo("gw-1");
        assertThat(me.name()).isEqualTo("网格员一");
        assertThat(me.roles()).containsExactly("grid_worker");
        assertThat(me.tenancy())
                .isEqualTo(Map.of(
                        "grid_id", "0f8e2d6a-4c1b-4c33-9d5e-7a1b2c3d4e5f",
                        "community_id", "5a6b7c8d-1111-4222-8333-944455556666"));
    }

    @Test
    void aResidentsResidentIdIsAmongTheTenancyClaims() {
        OidcIdToken token = OidcIdToken.withTokenValue("id-token")
                .subject("resident-1")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(300))
                .claim("roles", List.of("resident"))
                .claim("resident_id", "7c1d2e3f-2222-4333-8444-955566667777")
                .claim("community_id", "5a6b7c8d-1111-4222-8333-944455556666")
                .build();
        MeController.Me me =
                new MeController().me(new DefaultOidcUser(AuthorityUtils.createAuthorityList("OIDC_USER"), token));

        assertThat(me.roles()).containsExactly("resident");
        assertThat(me.tenancy())
                .isEqualTo(Map.of(
                        "resident_id", "7c1d2e3f-2222-4333-8444-955566667777",
                        "community_id", "5a6b7c8d-1111-4222-8333-944455556666"));
    }

    @Test
    void theGridPageIsARouteOfTheApp() throws NoSuchMethodException {
        String[] paths = PageRoutes.class
                .getDeclaredMethod("workspace")
                .getAnnotation(GetMapping.class)
                .value();
        assertThat(Arrays.asList(paths)).contains("/grid", "/grid/**", "/resident", "/resident/**");
    }
}
