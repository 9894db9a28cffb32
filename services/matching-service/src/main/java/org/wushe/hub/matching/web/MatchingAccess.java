package org.wushe.hub.matching.web;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.matching.proposal.MatchRecord;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.readmodel.ReadModel;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may see and decide what in matching. {@value Roles#HUB_ADMIN} passes every rule. A centre is a
 * station too (the one above community stations, where unanswered proposals are escalated): its staff
 * hold {@value Roles#STATION_STAFF} of the centre's id, or {@value Roles#CENTRE_MANAGER} with that id
 * as {@value Roles#CENTRE_ID}.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>request</th><th>who</th></tr>
 * <tr><td>{@code GET /stations/{stationId}/proposals}, {@code /matches}, {@code /stream} (the token in the
 *     Authorization header, as everywhere: browsers reach the stream through the portal's session)</td><td>station staff (or centre manager) of {@code stationId} — path rule</td></tr>
 * <tr><td>{@code GET /matches/{matchId}}, {@code POST /matches/{matchId}/accept|decline|complete}</td>
 *     <td>staff of the match's station, or of the centre it was escalated to — in code, 403 naming {@code matchId};
 *     a refused decision writes nothing</td></tr>
 * <tr><td>{@code GET /needs/{needId}}, {@code /candidates}, {@code /history}</td>
 *     <td>staff of the need's station, or of a centre one of its matches was escalated to — in code, 403 naming {@code needId}</td></tr>
 * <tr><td>{@code GET /engine}, {@code POST /batch/runs}, {@code /admin/**} (the platform's)</td><td>the hub admin</td></tr>
 * <tr><td>{@code GET /stations}</td><td>any valid token (station names only)</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
public class MatchingAccess {

    /** The roles that act for a station (or a centre) named by its id. */
    static final String[] STAFF = {Roles.STATION_STAFF, Roles.CENTRE_MANAGER};

    @Bean
    WusheAccessRules matchingAccessRules() {
        return r -> r.requestMatchers(
                        HttpMethod.GET,
                        "/stations/{stationId}/proposals",
                        "/stations/{stationId}/matches",
                        "/stations/{stationId}/stream")
                .access(Rules.tenant("stationId", STAFF))
                .requestMatchers(HttpMethod.GET, "/engine")
                .access(Rules.roles(Roles.HUB_ADMIN))
                .requestMatchers(HttpMethod.POST, "/batch/runs")
                .access(Rules.roles(Roles.HUB_ADMIN));
    }

    /** Staff of the match's station, or of the centre it was escalated to; else 403 naming {@code matchId}. */
    static void requireMatch(MatchRecord m) {
        if (Access.may(m.stationId(), STAFF) || m.escalatedTo() != null && Access.may(m.escalatedTo(), STAFF)) {
            return;
        }
        Access.requireTenant("matchId", m.stationId(), STAFF);
    }

    /**
     * Staff of the need's station (from the read model, or from its matches when the read model does not
     * hold it), or of a centre one of its matches was escalated to; else 403 naming {@code needId}.
     */
    static void requireNeed(Optional<ReadModel.NeedRow> need, List<MatchRecord> matches) {
        UUID station = need.map(n -> n.spec().stationId())
                .orElseGet(() ->
                        matches.stream().map(MatchRecord::stationId).findFirst().orElse(null));
        if (Access.may(station, STAFF)) {
            return;
        }
        for (MatchRecord m : matches) {
            if (m.escalatedTo() != null && Access.may(m.escalatedTo(), STAFF)) {
                return;
            }
        }
        Access.requireTenant("needId", station, STAFF);
    }

    /** {@link #requireNeed(Optional, List)} reading the need's matches. */
    static void requireNeed(UUID needId, Optional<ReadModel.NeedRow> need, Matches matches) {
        requireNeed(need, matches.ofNeed(needId));
    }
}
