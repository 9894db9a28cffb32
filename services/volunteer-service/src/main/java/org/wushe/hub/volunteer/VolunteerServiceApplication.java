package org.wushe.hub.volunteer;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The volunteer service of Wushe Hub: community volunteers (社区志愿者), their teams, availability and
 * service hours, the points ledger (积分) with its rules, the time bank (时间银行), and rewards of caring
 * shops (爱心商家) redeemed with points. Publishes through the outbox; consumes matches, donors and needs.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class VolunteerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(VolunteerServiceApplication.class, args);
    }

    @Bean
    OpenAPI volunteerServiceApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Wushe Hub volunteer-service 志愿者服务")
                                .version("0.1.0")
                                .description(
                                        "Volunteers (志愿者), teams (志愿服务队), availability, service hours (服务时长), the points ledger (积分), "
                                                + "time bank (时间银行), rewards of caring shops (爱心商家), and activities (活动) with positions (岗位) and sign-ups (报名). Errors are RFC 9457 problem+json naming the field."));
    }
}
