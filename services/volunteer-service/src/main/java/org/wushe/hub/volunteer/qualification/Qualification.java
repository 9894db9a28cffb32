package org.wushe.hub.volunteer.qualification;

import java.time.Instant;

/**
 * A qualification (资质) of the catalogue: its code (what positions require and trainings grant), its names in Chinese
 * and English, and how many months it stays valid once granted.
 */
public record Qualification(
        String code, String nameZh, String nameEn, int validityMonths, String createdBy, Instant createdAt) {}
