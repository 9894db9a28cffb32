package org.wushe.hub.organization.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may change what here ({@value Roles#HUB_ADMIN} passes every rule). Reading needs only a valid
 * token. Changing a capacity ({@code PUT /capacities/{id}}, {@code POST /capacities/{id}/withdraw}) is
 * checked in {@link org.wushe.hub.organization.capacity.CapacityService} against the organization the
 * capacity belongs to.
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>request</th><th>who</th></tr>
 * <tr><td>POST /organizations</td><td>hub admin</td></tr>
 * <tr><td>POST /organizations/{organizationId}/capacities, /projects</td><td>organization staff of that organization</td></tr>
 * <tr><td>POST /organizations/{id}/stage, /hub, /incubator; POST /projects/{id}/grants, /close</td>
 *     <td>centre managers (role here); {@link org.wushe.hub.organization.incubation.CentreDecisions} then allows only the
 *     managers of the organization's own centre ({@code centreId})</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
public class OrganizationAccessRules {

    @Bean
    WusheAccessRules organizationPathRules() {
        return r -> r.requestMatchers(HttpMethod.POST, "/organizations")
                .access(Rules.roles(Roles.HUB_ADMIN))
                .requestMatchers(
                        HttpMethod.POST,
                        "/organizations/{organizationId}/capacities",
                        "/organizations/{organizationId}/projects")
                .access(Rules.tenant("organizationId", Roles.ORGANIZATION_STAFF))
                .requestMatchers(
                        HttpMethod.POST,
                        "/organizations/{id}/stage",
                        "/organizations/{id}/hub",
                        "/organizations/{id}/incubator",
                        "/projects/{id}/grants",
                        "/projects/{id}/close")
                .access(Rules.roles(Roles.HUB_ADMIN, Roles.CENTRE_MANAGER));
    }
}
