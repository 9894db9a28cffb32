package org.wushe.hub.volunteer.web;

/**
 * A rule the input breaks, naming the field (points rules, availability, activities, registration); {@link Problems#rejectIfAny}
 * answers the first with 400. Here, beside {@code Problems}, so that every feature may use it.
 */
public record RuleViolation(String field, String message) {}
