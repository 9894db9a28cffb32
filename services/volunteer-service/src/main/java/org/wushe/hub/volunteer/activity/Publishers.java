package org.wushe.hub.volunteer.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.platform.security.Caller;
import org.wushe.hub.platform.security.ForbiddenException;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * Who may publish and manage an activity: the staff of the station, community or organization that published it, or
 * the social worker themself, as the token's tenancy says ({@code station_id}, {@code community_id},
 * {@code organization_id}, {@code social_worker_id}); the hub admin passes, as everywhere.
 */
final class Publishers {

    private static final String ANY = "station_staff, community_staff, organization_staff or social_worker";

    private Publishers() {}

    /** The role that publishes for a kind of publisher. */
    static String roleOf(ActivityPublisherKind kind) {
        return switch (kind) {
            case STATION -> Roles.STATION_STAFF;
            case COMMUNITY -> Roles.COMMUNITY_STAFF;
            case ORGANIZATION -> Roles.ORGANIZATION_STAFF;
            case SOCIAL_WORKER -> Roles.SOCIAL_WORKER;
            case UNKNOWN -> throw new IllegalArgumentException("UNKNOWN publishes nothing");
        };
    }

    /**
     * The publisher of a new activity: the one the caller's token holds, or the one named in the body when it is the
     * caller's own (403 naming {@code publisher.id} otherwise).
     */
    static ActivityRequest.Publisher resolve(Caller caller, ActivityRequest.Publisher named) {
        if (named != null) {
            if (caller.isAdmin() || caller.holds(roleOf(named.kind()), named.id())) {
                return named;
            }
            String needed = roleOf(named.kind()) + " of " + named.id();
            throw new ForbiddenException(
                    "publisher.id",
                    caller.describe() + " may not publish for " + named.kind() + " " + named.id() + "; needs " + needed
                            + " 只能以本人所属的站点、社区、社会组织或社工本人身份发布活动",
                    needed);
        }
        List<ActivityRequest.Publisher> held = new ArrayList<>();
        for (ActivityPublisherKind kind : List.of(
                ActivityPublisherKind.STATION,
                ActivityPublisherKind.COMMUNITY,
                ActivityPublisherKind.ORGANIZATION,
                ActivityPublisherKind.SOCIAL_WORKER)) {
            caller.tenantOf(roleOf(kind))
                    .map(Publishers::uuidOrNull)
                    .ifPresent(id -> held.add(new ActivityRequest.Publisher(kind, id)));
        }
        if (held.size() == 1) {
            return held.get(0);
        }
        if (held.size() > 1) {
            throw new InvalidInputException(
                    "publisher",
                    "the token holds several publishers "
                            + held.stream().map(p -> p.kind() + " " + p.id()).toList()
                            + "; name one as publisher {kind, id} 请指明以哪个身份发布");
        }
        if (caller.isAdmin()) {
            throw new InvalidInputException("publisher", "the hub admin names the publisher {kind, id} 平台管理员须指明发布方");
        }
        throw new ForbiddenException(
                "publisher",
                caller.describe() + " may not publish activities; needs " + ANY + " 只有站点、社区、社会组织工作人员或社工可以发布活动",
                ANY);
    }

    /** Whether the caller is the activity's publisher (its staff, or the social worker themself) or the hub admin. */
    static boolean organizes(Caller caller, Activity a) {
        return caller.isAdmin() || caller.holds(roleOf(a.publisherKind()), a.publisherId());
    }

    /** 403 naming {@code field} unless the caller organizes the activity. */
    static void requireOrganizer(Caller caller, Activity a, String field, String what) {
        if (!organizes(caller, a)) {
            throw new ForbiddenException(
                    field,
                    caller.describe() + " may not " + what + " of activity " + a.id() + ", published by "
                            + a.publisherKind() + " " + a.publisherId() + "; needs " + organizer(a) + " 只有发布方可以管理该活动",
                    organizer(a));
        }
    }

    static String organizer(Activity a) {
        return roleOf(a.publisherKind()) + " of " + a.publisherId();
    }

    static UUID uuidOrNull(String s) {
        try {
            return UUID.fromString(s);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
