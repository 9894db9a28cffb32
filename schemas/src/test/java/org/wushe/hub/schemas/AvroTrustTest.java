package org.wushe.hub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.common.CertificationLevel;
import org.wushe.hub.events.common.Skill;
import org.wushe.hub.events.socialworker.SocialWorkerCertified;
import org.wushe.hub.events.socialworker.SocialWorkerRegistered;

/**
 * Each test starts from a JVM whose allow-list trusts nothing of ours, and leaves it as it found it.
 * (Without it, building SocialWorkerCertified with no previousLevel throws SecurityException; that
 * cannot be shown here reliably, since each generated class caches classes it resolved once.)
 */
class AvroTrustTest {

    private ClassSecurityPredicate before;

    @BeforeEach
    void untrusted() {
        before = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT);
    }

    @AfterEach
    void restore() {
        ClassSecurityValidator.setGlobal(before);
    }

    @Test
    void once_installed_builders_fill_enum_defaults() {
        AvroTrust.install();
        AvroTrust.install();

        assertThat(AvroTrust.isInstalled()).isTrue();
        assertThat(certifiedWithoutPreviousLevel().build().getPreviousLevel()).isEqualTo(CertificationLevel.UNKNOWN);
        SocialWorkerRegistered registered = SocialWorkerRegistered.newBuilder()
                .setEventId(SampleEvents.id("e"))
                .setOccurredAt(SampleEvents.SAT_0930)
                .setSocialWorkerId(SampleEvents.SOCIAL_WORKER)
                .setEmployment(org.wushe.hub.events.socialworker.Employment.PART_TIME)
                .setCertificationLevel(CertificationLevel.NONE)
                .build();
        assertThat(registered.getSkills()).isEmpty();
    }

    @Test
    void it_trusts_the_event_packages_only() {
        AvroTrust.install();

        assertThat(ClassSecurityValidator.getGlobal().isTrusted(Skill.class)).isTrue();
        assertThat(ClassSecurityValidator.getGlobal().isTrusted(java.net.URL.class))
                .isFalse();
    }

    private static SocialWorkerCertified.Builder certifiedWithoutPreviousLevel() {
        return SocialWorkerCertified.newBuilder()
                .setEventId(SampleEvents.id("e"))
                .setOccurredAt(SampleEvents.SAT_0930)
                .setSocialWorkerId(SampleEvents.SOCIAL_WORKER)
                .setLevel(CertificationLevel.ASSISTANT)
                .setCertifiedOn(LocalDate.of(2024, 12, 20));
    }
}
