package org.wushe.hub.volunteer.activity;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.wushe.hub.events.common.ActivityPublisherKind;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.i18n.Text;
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
                    Messages.text(
                            "activity.publish-for-refused", caller.describeText(), named.kind(), named.id(), needed),
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
                    Messages.text(
                            "activity.publisher-ambiguous",
                            held.stream().map(p -> p.kind() + " " + p.id()).toList()));
        }
        if (caller.isAdmin()) {
            throw new InvalidInputException("publisher", Messages.text("activity.admin-names-publisher"));
        }
        throw new ForbiddenException(
                "publisher", Messages.text("activity.publish-refused", caller.describeText(), ANY), ANY);
    }

    /** Whether the caller is the activity's publisher (its staff, or the social worker themself) or the hub admin. */
    static boolean organizes(Caller caller, Activity a) {
        return caller.isAdmin() || caller.holds(roleOf(a.publisherKind()), a.publisherId());
    }

    /** 403 naming {@code field} unless the caller organizes the activity; {@code what} the action refused. */
    static void requireOrganizer(Caller caller, Activity a, String field, Text what) {
        if (!organizes(caller, a)) {
            throw new ForbiddenException(
                    field,
                    Messages.text(
                            "activity.organizer-refused",
                            caller.describeText(),
                            what,
                            a.id(),
                            a.publisherKind(),
                            a.publisherId(),
                            organizer(a)),
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
