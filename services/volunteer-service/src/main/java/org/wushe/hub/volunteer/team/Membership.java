package org.wushe.hub.volunteer.team;

import java.time.Instant;
import java.util.UUID;

/** A volunteer's place in a team or sub-team. */
public record Membership(UUID teamId, String teamName, UUID parentTeamId, TeamRole role, Instant joinedAt) {}
