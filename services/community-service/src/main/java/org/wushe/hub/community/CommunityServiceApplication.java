package org.wushe.hub.community;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The community service of Wushe Hub: communities, the station hierarchy, grids, residents (private
 * to this service) and their needs, published to the hub through the outbox.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CommunityServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(CommunityServiceApplication.class, args);
    }

    @Bean
    OpenAPI communityServiceApi() {
        return new OpenAPI().info(new Info().title("Wushe Hub community-service 社区服务")
                .version("0.1.0")
                .description("Communities (社区), stations (社工站), grids (网格), residents (居民, private) and needs (居民需求), "
                        + "need-list import. Errors are RFC 9457 problem+json naming the field."));
    }
}
