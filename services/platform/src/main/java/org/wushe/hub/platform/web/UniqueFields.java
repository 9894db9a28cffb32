package org.wushe.hub.platform.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's unique constraints and the request field each one guards, e.g. {@code community_name_unique → name}:
 * a duplicate the database refuses is then a 409 problem naming that field (see {@link ServiceProblems}). A service
 * declares one as a bean; with it the platform registers {@link ServiceProblems} for the service.
 */
public record UniqueFields(Map<String, String> byConstraint) {

    /** PostgreSQL names the constraint in quotes: {@code duplicate key value violates unique constraint "x"}. */
    private static final Pattern QUOTED = Pattern.compile("constraint \"([^\"]+)\"");

    public UniqueFields {
        byConstraint = Map.copyOf(byConstraint);
    }

    /** The field of the constraint the database's message names; {@code body} when it names none of this service's. */
    public String fieldIn(String message) {
        if (message == null) {
            return "body";
        }
        Matcher quoted = QUOTED.matcher(message);
        if (quoted.find()) {
            return byConstraint.getOrDefault(quoted.group(1), "body");
        }
        return byConstraint.entrySet().stream()
                .filter(e -> message.contains(e.getKey()))
                .map(Map.Entry::getValue)
                .findFirst()
                .orElse("body");
    }
}
