package org.wushe.hub.volunteer.certificate;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may reach the certificates, beside the service's other rules ({@code web/VolunteerAccessRules}).
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>request</th><th>who</th></tr>
 * <tr><td>{@code GET /certificates/{code}/verification}, {@code GET /verify/{code}}</td><td>anyone, without a token</td></tr>
 * <tr><td>{@code POST}/{@code GET /volunteers/{id}/certificates}, {@code GET /volunteers/{id}/certificates/{code}.pdf}</td>
 *     <td>a volunteer or station staff (the hub admin for the list); in the service: the volunteer {@code id} themself
 *     or staff of a station they serve, 403 naming {@code id} otherwise</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
public class CertificateAccessRules {

    @Bean
    WusheAccessRules volunteerCertificateRules() {
        return r -> r.requestMatchers(HttpMethod.GET, "/certificates/{code}/verification", "/verify/{code}")
                .permitAll()
                .requestMatchers("/volunteers/{id}/certificates", "/volunteers/{id}/certificates/**")
                .access(Rules.roles(Roles.VOLUNTEER, Roles.STATION_STAFF));
    }
}
