package org.wushe.hub.volunteer.volunteer;

import java.time.Instant;
import java.util.UUID;

/**
 * A volunteer erased their account (or the hub admin did): published in this service only (a Spring application event,
 * in the erasing transaction), so that the other features let go of them (activity: their future sign-ups withdrawn).
 *
 * @param by who erased it: the token's subject
 */
public record VolunteerErased(UUID volunteerId, String by, Instant at) {}
