package org.wushe.hub.organization;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.wushe.hub.platform.web.UniqueFields;

/**
 * The organization service of Wushe Hub: social organizations (社会组织), their incubation (培育),
 * public-benefit projects (公益项目) with their grants (公益创投), and the service capacity they offer
 * to the matching engine, published to the hub through the outbox.
 */
@SpringBootApplication
public class OrganizationServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(OrganizationServiceApplication.class, args);
    }

    @Bean
    OpenAPI organizationServiceApi() {
        return new OpenAPI()
                .info(new Info()
                        .title("Wushe Hub organization-service 社会组织服务")
                        .version("0.1.0")
                        .description("Social organizations (社会组织), incubation stages (萌芽型, 初创型, 成长型, 成熟型; 枢纽型 hubs), "
                                + "public-benefit projects (公益项目) and grants (公益创投), service capacity offered to matching. "
                                + "Errors are RFC 9457 problem+json naming the field."));
    }

    /** The unique constraints of this service's tables and the field each guards: a duplicate is 409 naming it (the platform's ServiceProblems). */
    @Bean
    UniqueFields uniqueFields() {
        return new UniqueFields(Map.of(
                "organization_name_unique", "name", "organization_credit_code_unique", "unifiedSocialCreditCode"));
    }
}
