package org.wushe.hub.platform.security;

import java.util.List;
import java.util.Map;
import org.wushe.hub.platform.i18n.Text;

/**
 * The roles a token carries in its {@value #CLAIM} claim, and the tenancy claims that say whose data a
 * role applies to. One person may hold several roles (a station's staff member who is also a volunteer).
 *
 * <table>
 * <caption>Roles</caption>
 * <tr><th>role</th><th>tenancy claim</th><th>may</th></tr>
 * <tr><td>{@value #HUB_ADMIN}</td><td>-</td><td>set up the town (stations, communities, donors, rules), replay read models; no resident details</td></tr>
 * <tr><td>{@value #CENTRE_MANAGER}</td><td>{@value #CENTRE_ID}</td><td>see their centre's reports</td></tr>
 * <tr><td>{@value #STATION_STAFF}</td><td>{@value #STATION_ID}</td><td>see and decide their station's proposals; see their station's residents</td></tr>
 * <tr><td>{@value #GRID_WORKER}</td><td>{@value #GRID_ID}</td><td>keep their grid's register, record patrols, care visits and subsidy applications of their grid</td></tr>
 * <tr><td>{@value #COMMUNITY_STAFF}</td><td>{@value #COMMUNITY_ID}</td><td>register residents and publish needs for their community</td></tr>
 * <tr><td>{@value #ORGANIZATION_STAFF}</td><td>{@value #ORGANIZATION_ID}</td><td>post offers, capacities and projects for their organization</td></tr>
 * <tr><td>{@value #DONOR_STAFF}</td><td>{@value #DONOR_ID}</td><td>post offers for their donor (enterprise, foundation, caring shop, fund)</td></tr>
 * <tr><td>{@value #SOCIAL_WORKER}</td><td>{@value #SOCIAL_WORKER_ID}</td><td>record visits, cases and groups as themself</td></tr>
 * <tr><td>{@value #VOLUNTEER}</td><td>{@value #VOLUNTEER_ID}</td><td>see and change only themself</td></tr>
 * <tr><td>{@value #RESIDENT}</td><td>{@value #RESIDENT_ID} (and {@value #COMMUNITY_ID}, the community of the record)</td><td>send
 * their own micro-wishes, follow their own needs and rate them; nothing of anyone else. The account is linked to the resident's
 * record by the staff of the resident's community (real name checked by them), never by the resident</td></tr>
 * </table>
 */
public final class Roles {

    /** The claim listing the token's roles, e.g. {@code "roles": ["station_staff"]}. */
    public static final String CLAIM = "roles";

    public static final String HUB_ADMIN = "hub_admin";
    public static final String CENTRE_MANAGER = "centre_manager";
    public static final String STATION_STAFF = "station_staff";
    public static final String COMMUNITY_STAFF = "community_staff";
    /** A grid worker (网格员): answers for one grid (网格) of a community. */
    public static final String GRID_WORKER = "grid_worker";

    public static final String ORGANIZATION_STAFF = "organization_staff";
    public static final String DONOR_STAFF = "donor_staff";
    public static final String SOCIAL_WORKER = "social_worker";
    public static final String VOLUNTEER = "volunteer";
    /**
     * A resident (居民) signed in themself: their token names their record ({@value #RESIDENT_ID}, the community
     * service's resident id) and its community ({@value #COMMUNITY_ID}; without {@value #COMMUNITY_STAFF} that
     * claim grants nothing of the community's).
     */
    public static final String RESIDENT = "resident";

    public static final String CENTRE_ID = "centre_id";
    public static final String STATION_ID = "station_id";
    public static final String COMMUNITY_ID = "community_id";
    public static final String GRID_ID = "grid_id";
    public static final String ORGANIZATION_ID = "organization_id";
    public static final String DONOR_ID = "donor_id";
    public static final String SOCIAL_WORKER_ID = "social_worker_id";
    public static final String VOLUNTEER_ID = "volunteer_id";
    public static final String RESIDENT_ID = "resident_id";

    public static final List<String> ALL = List.of(
            HUB_ADMIN,
            CENTRE_MANAGER,
            STATION_STAFF,
            COMMUNITY_STAFF,
            GRID_WORKER,
            ORGANIZATION_STAFF,
            DONOR_STAFF,
            SOCIAL_WORKER,
            VOLUNTEER,
            RESIDENT);

    /** Each tenant-scoped role's claim. */
    public static final Map<String, String> TENANCY = Map.of(
            CENTRE_MANAGER, CENTRE_ID,
            STATION_STAFF, STATION_ID,
            COMMUNITY_STAFF, COMMUNITY_ID,
            GRID_WORKER, GRID_ID,
            ORGANIZATION_STAFF, ORGANIZATION_ID,
            DONOR_STAFF, DONOR_ID,
            SOCIAL_WORKER, SOCIAL_WORKER_ID,
            VOLUNTEER, VOLUNTEER_ID,
            RESIDENT, RESIDENT_ID);

    /** Each role's name in the catalogue (messages/platform: 站点工作人员 station staff, …). */
    private static final Map<String, String> LABELS = Map.of(
            HUB_ADMIN, "role." + HUB_ADMIN,
            CENTRE_MANAGER, "role." + CENTRE_MANAGER,
            STATION_STAFF, "role." + STATION_STAFF,
            COMMUNITY_STAFF, "role." + COMMUNITY_STAFF,
            GRID_WORKER, "role." + GRID_WORKER,
            ORGANIZATION_STAFF, "role." + ORGANIZATION_STAFF,
            DONOR_STAFF, "role." + DONOR_STAFF,
            SOCIAL_WORKER, "role." + SOCIAL_WORKER,
            VOLUNTEER, "role." + VOLUNTEER,
            RESIDENT, "role." + RESIDENT);

    private Roles() {}

    /** "站点工作人员 station staff" (English alone for an English request), from the catalogue ({@code role.*}). */
    public static String label(String role) {
        return LABELS.containsKey(role) ? Text.of(LABELS.get(role)).resolve() : role;
    }

    /** A role's name as a text of the catalogue, put into words in the language of the sentence around it. */
    public static Object labelText(String role) {
        return LABELS.containsKey(role) ? Text.of(LABELS.get(role)) : role;
    }

    /** The Spring Security authority of a role: {@code ROLE_station_staff}. */
    public static String authority(String role) {
        return "ROLE_" + role;
    }
}
