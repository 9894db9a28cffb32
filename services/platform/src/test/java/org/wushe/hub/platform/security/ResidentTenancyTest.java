package org.wushe.hub.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A resident's token names their own record ({@code resident_id}) and its community ({@code community_id}); the community
 * claim without {@code community_staff} grants nothing of the community's.
 */
class ResidentTenancyTest {

    private static Jwt token(Object roles, UUID resident, UUID community) {
        return Jwt.withTokenValue("t")
                .header("alg", "none")
                .subject("jumin-zhang")
                .issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(60))
                .claim(Roles.CLAIM, roles)
                .claim(Roles.RESIDENT_ID, resident.toString())
                .claim(Roles.COMMUNITY_ID, community.toString())
                .build();
    }

    @Test
    void a_resident_holds_their_own_record_only() {
        UUID resident = UUID.randomUUID();
        UUID community = UUID.randomUUID();
        Caller caller = Caller.of(token(List.of(Roles.RESIDENT), resident, community));

        assertThat(caller.holds(Roles.RESIDENT, resident)).isTrue();
        assertThat(caller.holds(Roles.RESIDENT, UUID.randomUUID())).isFalse();
        assertThat(caller.tenantOf(Roles.RESIDENT)).contains(resident.toString());
        assertThat(caller.tenancy()).containsEntry(Roles.COMMUNITY_ID, community.toString());
        assertThat(caller.holds(Roles.COMMUNITY_STAFF, community))
                .as("a resident is not the community's staff")
                .isFalse();
        assertThat(caller.tenantOf(Roles.COMMUNITY_STAFF)).isEmpty();
        assertThat(caller.describe()).contains("居民 resident of " + resident);
    }

    @Test
    void a_resident_id_without_the_role_grants_nothing() {
        UUID resident = UUID.randomUUID();
        Caller caller = Caller.of(token(List.of(Roles.VOLUNTEER), resident, UUID.randomUUID()));

        assertThat(caller.holds(Roles.RESIDENT, resident)).isFalse();
        assertThat(caller.tenantOf(Roles.RESIDENT)).isEmpty();
        assertThat(Roles.ALL).contains(Roles.RESIDENT);
        assertThat(Roles.TENANCY).containsEntry(Roles.RESIDENT, Roles.RESIDENT_ID);
        assertThat(Roles.label(Roles.RESIDENT)).isEqualTo("居民 resident");
    }
}
