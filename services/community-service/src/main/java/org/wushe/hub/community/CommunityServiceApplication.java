package org.wushe.hub.community;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.wushe.hub.platform.web.UniqueFields;

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
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Wushe Hub community-service 社区服务")
                                .version("0.1.0")
                                .description(
                                        "Communities (社区), stations (社工站), grids (网格), residents (居民, private) and needs (居民需求), "
                                                + "need-list import; grid work (网格员): the grid's register, patrols, care visits, subsidy applications. Errors are RFC 9457 problem+json naming the field."));
    }

    /** The unique constraints of this service's tables and the field each guards: a duplicate is 409 naming it (the platform's ServiceProblems). */
    @Bean
    UniqueFields uniqueFields() {
        return new UniqueFields(Map.of(
                "community_name_unique",
                "name",
                "station_name_unique",
                "name",
                "grid_name_unique",
                "name",
                "resident_number_unique",
                "residentNumber",
                "resident_id_number_unique",
                "idNumber",
                // The grid's register and care plans (V8): a race the services' own checks did not see.
                "grid_compound_name_unique",
                "name",
                "grid_building_label_unique",
                "label",
                "grid_household_number_unique",
                "number",
                "grid_household_resident_once",
                "residentIds",
                "grid_care_plan_resident_unique",
                "residentId"));
    }
}
