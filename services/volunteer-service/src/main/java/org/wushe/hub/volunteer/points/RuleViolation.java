package org.wushe.hub.volunteer.points;

/** A points rule that cannot be accepted, naming the field. */
public record RuleViolation(String field, String message) {
}
