package org.wushe.hub.volunteer.team;

import java.time.Instant;
import java.util.UUID;

/** A volunteer team (志愿服务队), or a sub-team of one (e.g. 调解 mediation, 安全 safety, 法律咨询 legal advice). */
public record Team(
        UUID id,
        UUID parentId,
        String name,
        String purpose,
        UUID communityId,
        UUID organizationId,
        Instant createdAt) {}
