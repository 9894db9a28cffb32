package org.wushe.hub.platform.autoconfigure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

class PlatformDefaultsTest {

    private static final String CONSUMER_PROPERTIES = "spring.cloud.stream.kafka.binder.consumer-properties";

    private static Map<String, String> consumerProperties(Map<String, Object> service) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("service", service));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        return Binder.get(environment)
                .bind(CONSUMER_PROPERTIES, Bindable.mapOf(String.class, String.class))
                .orElse(Map.of());
    }

    @Test
    void theBindersConsumersHeartbeatEvery500MsBesideTheServicesOwnConsumerProperties() {
        Map<String, String> bound = consumerProperties(
                Map.of("spring.cloud.stream.kafka.binder.consumerProperties.max.poll.records", "2000"));

        assertThat(bound).containsEntry("heartbeat.interval.ms", "500").containsEntry("max.poll.records", "2000");
    }

    @Test
    void aServicesOwnHeartbeatWins() {
        Map<String, String> bound = consumerProperties(Map.of(CONSUMER_PROPERTIES + ".heartbeat.interval.ms", "3000"));

        assertThat(bound).containsEntry("heartbeat.interval.ms", "3000");
    }

    @Test
    void everyRequestAndEventIsTracedUnlessTheServiceSaysOtherwise() {
        StandardEnvironment environment = new StandardEnvironment();
        environment
                .getPropertySources()
                .addFirst(new MapPropertySource("service", Map.of("management.tracing.sampling.probability", "0.1")));
        new PlatformDefaults().postProcessEnvironment(environment, new SpringApplication());
        assertThat(environment.getProperty("management.tracing.sampling.probability"))
                .isEqualTo("0.1");

        StandardEnvironment bare = new StandardEnvironment();
        new PlatformDefaults().postProcessEnvironment(bare, new SpringApplication());
        assertThat(bare.getProperty("management.tracing.sampling.probability")).isEqualTo("1.0");
    }
}
