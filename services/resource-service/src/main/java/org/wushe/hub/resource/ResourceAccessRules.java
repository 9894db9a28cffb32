package org.wushe.hub.resource;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may do what in the resource service ({@value Roles#HUB_ADMIN} passes every rule).
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>request</th><th>who</th></tr>
 * <tr><td>{@code POST /donors}, {@code /admin/**}</td><td>the hub admin</td></tr>
 * <tr><td>{@code POST /offers}</td><td>staff of the body's {@code donorId}: {@value Roles#DONOR_STAFF} with that
 *     {@value Roles#DONOR_ID}, or {@value Roles#ORGANIZATION_STAFF} of a social organization registered as that donor
 *     ({@value Roles#ORGANIZATION_ID} equal to the donor id); checked in {@code OfferController}, the tenant being in the body</td></tr>
 * <tr><td>{@code PUT /offers/{offerId}}, {@code POST /offers/{offerId}/withdraw}</td><td>staff of the stored offer's donor, as
 *     for {@code POST /offers} (403 naming {@code offerId}); checked in {@code OfferController}, the tenant being in the row</td></tr>
 * <tr><td>{@code POST /offers/{offerId}/reservations}, {@code POST /reservations/{id}/release},
 *     {@code POST /reservations/{id}/consumption}</td><td>station staff (reserving by hand; the match saga reserves from events) of the
 *     station that holds the match: the role here, the station in {@code stock.StockAccess} (403 naming {@code reservationId} or
 *     {@code matchId})</td></tr>
 * <tr><td>every read: donors, offers, stock, reservations, the HSDS directory</td><td>any valid token</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
public class ResourceAccessRules {

    @Bean
    WusheAccessRules resourceServiceAccessRules() {
        return r -> r.requestMatchers(HttpMethod.POST, "/donors")
                .access(Rules.roles(Roles.HUB_ADMIN))
                .requestMatchers(
                        HttpMethod.POST,
                        "/offers/{offerId}/reservations",
                        "/reservations/{reservationId}/release",
                        "/reservations/{reservationId}/consumption")
                .access(Rules.roles(Roles.STATION_STAFF));
    }
}
