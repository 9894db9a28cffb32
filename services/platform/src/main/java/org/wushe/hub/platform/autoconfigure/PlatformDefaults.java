package org.wushe.hub.platform.autoconfigure;

import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * Settings every service shares unless its own configuration says otherwise (the property source comes last):
 * every request and event is traced (the hub's volume is a few thousand needs a day; an operator lowers
 * {@code management.tracing.sampling.probability} where that is too much).
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    static final String NAME = "wushePlatformDefaults";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        environment
                .getPropertySources()
                .addLast(new MapPropertySource(NAME, Map.of("management.tracing.sampling.probability", "1.0")));
    }
}
