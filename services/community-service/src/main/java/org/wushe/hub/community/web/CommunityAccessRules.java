package org.wushe.hub.community.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may call what, where the path says enough. Setting up the town (stations, communities, grids) is
 * the hub admin's; need lists are uploaded by community staff (and the hub admin). Everything else needs
 * a valid token here and is checked in the code where the tenant is in the body or a stored row: needs
 * and recurring needs by their community ({@code Access.requireTenant}), residents by their community
 * or the stations serving it, never for the hub admin ({@code resident.ResidentAccess}), each row of
 * an imported need list by the uploader's community, and imports and their drafts by their community
 * ({@code needimport.ImportAccess}).
 */
@Configuration(proxyBeanMethods = false)
public class CommunityAccessRules {

    @Bean
    WusheAccessRules communityServiceAccessRules() {
        return rules -> rules.requestMatchers(
                        HttpMethod.POST, "/stations", "/communities", "/communities/{communityId}/grids")
                .access(Rules.roles(Roles.HUB_ADMIN))
                .requestMatchers(HttpMethod.POST, "/imports", "/imports/drafts")
                .access(Rules.roles(Roles.COMMUNITY_STAFF));
    }
}
