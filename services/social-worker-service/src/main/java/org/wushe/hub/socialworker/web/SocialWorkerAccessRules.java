package org.wushe.hub.socialworker.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Path rules of this service ({@value Roles#HUB_ADMIN} passes each). Everything else needs a valid token,
 * and the service checks in its code what depends on stored rows or the body:
 * <ul>
 * <li>visits, cases, notes, groups and sessions are recorded by the social worker themself
 *     ({@link org.wushe.hub.socialworker.worker.WorkerAccess#requireSelf}); cases, notes and visits are read by
 *     the worker and their supervisor only, not the hub admin (residents' details);</li>
 * <li>a station's report by its staff and the managers of the centres above it
 *     ({@link org.wushe.hub.socialworker.report.ReportController});</li>
 * <li>{@code GET /centres} lists a centre manager's own centres.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
public class SocialWorkerAccessRules {

    @Bean
    WusheAccessRules socialWorkerPathRules() {
        return r -> r.requestMatchers(
                        HttpMethod.GET,
                        "/centres/{centreId}/report",
                        "/centres/{centreId}/report.csv",
                        "/centres/{centreId}/report.xlsx")
                .access(Rules.tenant("centreId", Roles.CENTRE_MANAGER))
                .requestMatchers(
                        HttpMethod.POST,
                        "/social-workers",
                        "/social-workers/{id}/certificates",
                        "/social-workers/{id}/assignment")
                .access(Rules.roles(Roles.HUB_ADMIN, Roles.CENTRE_MANAGER));
    }
}
