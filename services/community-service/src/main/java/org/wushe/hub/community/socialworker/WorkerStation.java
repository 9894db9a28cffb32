package org.wushe.hub.community.socialworker;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Where a social worker is now: their station ({@code null}: none), from which day ({@code null} when only the
 * registration said so), and when the event that said so happened (an older one changes nothing).
 */
public record WorkerStation(UUID socialWorkerId, UUID stationId, LocalDate assignedOn, Instant occurredAt) {}
