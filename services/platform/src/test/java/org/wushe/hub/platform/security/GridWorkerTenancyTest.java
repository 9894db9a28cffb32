package org.wushe.hub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/** A grid worker's token names their grid ({@code grid_id}), as a station's staff token names its station. */
class GridWorkerTenancyTest {

    private static Jwt token(Object roles, String claim, Object value) {
        return Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("grid-wang")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim(Roles.CLAIM, roles)
                .claim(claim, value)
                .build();
    }

    @Test
    void a_grid_worker_holds_their_own_grid_only() {
        UUID grid = UUID.randomUUID();
        Caller caller = Caller.of(token(List.of(Roles.GRID_WORKER), Roles.GRID_ID, grid.toString()));

        assertThat(caller.holds(Roles.GRID_WORKER, grid)).isTrue();
        assertThat(caller.holds(Roles.GRID_WORKER, UUID.randomUUID())).isFalse();
        assertThat(caller.tenantOf(Roles.GRID_WORKER)).contains(grid.toString());
        assertThat(caller.holds(Roles.STATION_STAFF, grid))
                .as("a grid is not a station")
                .isFalse();
        assertThat(caller.describe()).contains("网格员 grid worker of " + grid);
    }

    @Test
    void a_grid_id_without_the_role_grants_nothing() {
        UUID grid = UUID.randomUUID();
        Caller caller = Caller.of(token(List.of(Roles.VOLUNTEER), Roles.GRID_ID, grid.toString()));

        assertThat(caller.holds(Roles.GRID_WORKER, grid)).isFalse();
        assertThat(caller.tenantOf(Roles.GRID_WORKER)).isEmpty();
        assertThat(Roles.ALL).contains(Roles.GRID_WORKER);
        assertThat(Roles.TENANCY).containsEntry(Roles.GRID_WORKER, Roles.GRID_ID);
    }
}
