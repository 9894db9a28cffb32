package org.wushe.hub.resource.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/** The service's clock in tests: real time, shifted forward on demand (to expire goods, end windows, lapse reservations). */
public final class TestClock extends Clock {

    private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(Clock.system(zone), shift.get());
    }

    @Override
    public Instant instant() {
        return Instant.now().plus(shift.get());
    }

    public void advance(Duration d) {
        shift.updateAndGet(s -> s.plus(d));
    }

    public void reset() {
        shift.set(Duration.ZERO);
    }

    /** Replaces the platform's {@code Clock} bean (it backs off when one exists). */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Config {
        @Bean
        TestClock clock() {
            return new TestClock();
        }
    }
}
