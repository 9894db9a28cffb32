package org.wushe.hub.volunteer.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A rule the input breaks, naming the field (points rules, availability, activities, registration); {@link Problems#rejectIfAny}
 * answers the first with 400. Here, beside {@code Problems}, so that every feature may use it. The message is a code of
 * the service's catalogue ({@code messages/service}) and its arguments, put into words when answered: the rules stay
 * plain Java (no Spring, no platform).
 */
public record RuleViolation(String field, String code, List<Object> args) {

    public RuleViolation {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public RuleViolation(String field, String code, Object... args) {
        this(field, code, Arrays.asList(args));
    }
}
