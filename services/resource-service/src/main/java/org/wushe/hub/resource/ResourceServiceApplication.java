package org.wushe.hub.resource;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * resource-service: charitable resources (社会慈善资源): donors, their offers (goods, services, funds,
 * venues), the stock of each offer and the reservations matches hold on it.
 */
@SpringBootApplication
@EnableScheduling
@ConfigurationPropertiesScan
public class ResourceServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(ResourceServiceApplication.class, args);
    }
}
