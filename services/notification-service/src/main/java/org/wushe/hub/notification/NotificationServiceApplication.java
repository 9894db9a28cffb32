package org.wushe.hub.notification;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The notification service of Wushe Hub: one notification outbox for the hub. It reads the matching and
 * volunteer services' events (a new assignment, a sign-up decision, a certificate ready, activities about to
 * start, proposals about to pass their deadline), writes each notification once into the recipient's in-app
 * inbox and one delivery per channel (e-mail over SMTP; SMS or WeChat adapters plug in as more channels),
 * which a dispatcher sends, retrying while a channel is down, as each person chose. It publishes no events.
 */
@SpringBootApplication
@EnableScheduling
@EnableConfigurationProperties(NotificationProperties.class)
public class NotificationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(NotificationServiceApplication.class, args);
    }

    @Bean
    OpenAPI notificationServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Wushe Hub notification-service 通知服务")
                        .version("0.1.0")
                        .description(
                                "The caller's notifications (通知: in-app inbox), marking them read, and the choices of "
                                        + "what reaches them on which channel (in-app, e-mail). Errors are RFC 9457 problem+json "
                                        + "naming the field."));
    }
}
