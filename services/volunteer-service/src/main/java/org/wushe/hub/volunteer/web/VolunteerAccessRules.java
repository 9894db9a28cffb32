package org.wushe.hub.volunteer.web;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;

/**
 * Who may do what in the volunteer service ({@value Roles#HUB_ADMIN} passes every rule except that no one
 * sets their own flags or credits their own hours). A volunteer's token carries {@value Roles#VOLUNTEER_ID}; ids
 * in paths are canonical (lower-case) UUIDs or refused with 400 before these rules ({@link CanonicalIds});
 * a volunteer's points account has the volunteer's id, so {@code /points/accounts/{id}} compares the
 * volunteer (a time-bank or system account has an id of its own, which no volunteer holds).
 *
 * <table>
 * <caption>Rules</caption>
 * <tr><th>request</th><th>who</th></tr>
 * <tr><td>{@code POST}/{@code GET}/{@code DELETE /volunteers/me}</td><td>a volunteer, as the volunteer id of their
 *     token</td></tr>
 * <tr><td>{@code POST}/{@code GET /volunteers/{id}/guardian-consent}</td><td>station staff, community staff (and in
 *     the service: community staff of the volunteer's community, station staff of a station they serve); GET also the
 *     volunteer themself</td></tr>
 * <tr><td>{@code GET /volunteers/{id}}, {@code GET /volunteers/{id}/availability}, {@code GET /volunteers/{id}/hours},
 *     {@code GET /volunteers/{id}/qualifications}</td>
 *     <td>the volunteer themself, station staff (and in the service: only of a station the volunteer serves; others
 *     than the volunteer state a reason to read the details, and the read is logged)</td></tr>
 * <tr><td>{@code PUT /volunteers/{id}/availability}, {@code PUT /volunteers/{id}/skills}, {@code GET /volunteers/{id}/assignments},
 *     {@code GET /volunteers/{id}/sign-ups},
 *     {@code GET /volunteers/{id}/access-log}, {@code GET /points/accounts/{id}},
 *     {@code GET /points/accounts/{id}/transactions}, {@code POST /points/accounts/{id}/gifts} (the giver),
 *     {@code POST /points/accounts/{id}/redemptions}</td><td>the volunteer themself</td></tr>
 * <tr><td>{@code PUT /volunteers/{id}/flags}, {@code POST /volunteers/{id}/hours}, {@code POST /volunteers/{id}/qualifications}</td>
 *     <td>station staff, never the volunteer themself (and in the service: flags and qualifications by the staff of a
 *     station the volunteer serves, hours by the staff of the station in the body's {@code stationId})</td></tr>
 * <tr><td>{@code GET /stations/{stationId}/hours/export}</td><td>station staff of {@code stationId} (and in the service:
 *     not the hub admin, as the file holds names and ID numbers)</td></tr>
 * <tr><td>{@code POST /qualifications}</td><td>centre managers, station staff</td></tr>
 * <tr><td>{@code POST /volunteers}, {@code GET /volunteers}, {@code POST /teams},
 *     {@code PUT}/{@code DELETE /teams/{id}/members/{volunteerId}}</td><td>station staff</td></tr>
 * <tr><td>{@code POST /rewards}, {@code DELETE /rewards/{id}}, {@code DELETE /volunteers/{id}} (erasure), {@code POST /points/rules}, {@code POST /stars/rules},
 *     {@code POST /points/time-bank-accounts}, {@code /admin/**}</td><td>the hub admin only</td></tr>
 * <tr><td>{@code /activities/**}</td><td>any valid token here; in the service (activity/ActivityService, SignUpService,
 *     AttendanceService): publishing by the caller's own station, community, organization or social worker, changing,
 *     cancelling, approving, rejecting, no-shows and the sign-up list by the activity's publisher, signing up by the
 *     volunteer themself or the publisher for them, withdrawing by either; venue codes, check-in and check-out by staff
 *     and corrections by the publisher, scanning a venue code by the volunteer themself, the attendance by either</td></tr>
 * <tr><td>other reads (teams, rewards, points rules, star rules, donors, the qualification catalogue)</td><td>any valid token</td></tr>
 * </table>
 */
@Configuration(proxyBeanMethods = false)
public class VolunteerAccessRules {

    @Bean
    WusheAccessRules volunteerServiceAccessRules() {
        AuthorizationManager<RequestAuthorizationContext> self = Rules.tenant("id", Roles.VOLUNTEER);
        AuthorizationManager<RequestAuthorizationContext> selfOrStaff = selfOrStationStaff();
        AuthorizationManager<RequestAuthorizationContext> staffNotSelf = stationStaffButNotSelf();
        AuthorizationManager<RequestAuthorizationContext> staff = Rules.roles(Roles.STATION_STAFF);
        AuthorizationManager<RequestAuthorizationContext> admin = Rules.roles(Roles.HUB_ADMIN);
        return r -> r.requestMatchers("/volunteers/me")
                .access(Rules.roles(Roles.VOLUNTEER))
                .requestMatchers(HttpMethod.GET, "/stations/{stationId}/hours/export")
                .access(Rules.tenant("stationId", Roles.STATION_STAFF))
                .requestMatchers(
                        HttpMethod.GET,
                        "/volunteers/{id}",
                        "/volunteers/{id}/availability",
                        "/volunteers/{id}/hours",
                        "/volunteers/{id}/qualifications")
                .access(selfOrStaff)
                .requestMatchers(HttpMethod.PUT, "/volunteers/{id}/availability", "/volunteers/{id}/skills")
                .access(self)
                .requestMatchers(
                        HttpMethod.GET,
                        "/volunteers/{id}/assignments",
                        "/volunteers/{id}/access-log",
                        "/volunteers/{id}/sign-ups")
                .access(self)
                .requestMatchers(
                        HttpMethod.POST,
                        "/volunteers/{id}/assignments/{matchId}/confirm",
                        "/volunteers/{id}/assignments/{matchId}/decline")
                .access(self)
                .requestMatchers(HttpMethod.PUT, "/volunteers/{id}/flags")
                .access(staffNotSelf)
                .requestMatchers(HttpMethod.POST, "/volunteers/{id}/guardian-consent")
                .access(Rules.roles(Roles.STATION_STAFF, Roles.COMMUNITY_STAFF))
                .requestMatchers(HttpMethod.GET, "/volunteers/{id}/guardian-consent")
                .access(Rules.roles(Roles.STATION_STAFF, Roles.COMMUNITY_STAFF, Roles.VOLUNTEER))
                .requestMatchers(HttpMethod.POST, "/volunteers/{id}/hours", "/volunteers/{id}/qualifications")
                .access(staffNotSelf)
                .requestMatchers(HttpMethod.POST, "/qualifications")
                .access(Rules.roles(Roles.CENTRE_MANAGER, Roles.STATION_STAFF))
                .requestMatchers(HttpMethod.POST, "/volunteers")
                .access(staff)
                .requestMatchers(HttpMethod.GET, "/volunteers")
                .access(staff)
                .requestMatchers(HttpMethod.GET, "/points/accounts/{id}", "/points/accounts/{id}/transactions")
                .access(self)
                .requestMatchers(HttpMethod.POST, "/points/accounts/{id}/gifts", "/points/accounts/{id}/redemptions")
                .access(self)
                .requestMatchers(HttpMethod.POST, "/teams")
                .access(staff)
                .requestMatchers(HttpMethod.PUT, "/teams/{id}/members/{volunteerId}")
                .access(staff)
                .requestMatchers(HttpMethod.DELETE, "/teams/{id}/members/{volunteerId}")
                .access(staff)
                .requestMatchers(
                        HttpMethod.POST, "/rewards", "/points/rules", "/stars/rules", "/points/time-bank-accounts")
                .access(admin)
                .requestMatchers(HttpMethod.DELETE, "/rewards/{id}", "/volunteers/{id}")
                .access(admin);
    }

    /**
     * The volunteer {@code {id}} themself, or station staff; the service then lets through only the staff of a
     * station the volunteer serves ({@code VolunteerLookups.requireSeen}).
     */
    static AuthorizationManager<RequestAuthorizationContext> selfOrStationStaff() {
        AuthorizationManager<RequestAuthorizationContext> self = Rules.tenant("id", Roles.VOLUNTEER);
        return (auth, context) -> {
            AuthorizationResult result = self.authorize(auth, context);
            if (result != null && result.isGranted()) {
                return result;
            }
            if (!(auth.get() instanceof JwtAuthenticationToken token)) {
                return result;
            }
            Caller caller = Caller.of(token.getToken());
            if (caller.has(Roles.STATION_STAFF)) {
                return new AuthorizationDecision(true);
            }
            String id = context.getVariables().get("id");
            return new Rules.Denied(
                    "id",
                    Messages.text("volunteer.see-refused", caller.describeText(), id),
                    "volunteer of " + id + " or station_staff");
        };
    }

    /**
     * Station staff (or the hub admin), but never the volunteer {@code {id}} themself, whatever other roles
     * the token carries: no one doubles their own points or credits their own hours.
     */
    static AuthorizationManager<RequestAuthorizationContext> stationStaffButNotSelf() {
        AuthorizationManager<RequestAuthorizationContext> staff = Rules.roles(Roles.STATION_STAFF);
        return (auth, context) -> {
            AuthorizationResult result = staff.authorize(auth, context);
            if (result == null || !result.isGranted() || !(auth.get() instanceof JwtAuthenticationToken token)) {
                return result;
            }
            Caller caller = Caller.of(token.getToken());
            String id = context.getVariables().get("id");
            if (caller.holds(Roles.VOLUNTEER, id)) {
                return new Rules.Denied(
                        "id",
                        Messages.text("volunteer.self-refused", caller.describeText(), id),
                        "station_staff, not volunteer " + id);
            }
            return result;
        };
    }
}
