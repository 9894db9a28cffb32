package org.wushe.hub.matching;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * matching-service: read models of every party, the match engine, proposals pushed to station staff
 * over Server-Sent Events, accept/decline and the saga that follows, and the station console.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class MatchingServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(MatchingServiceApplication.class, args);
    }
}
