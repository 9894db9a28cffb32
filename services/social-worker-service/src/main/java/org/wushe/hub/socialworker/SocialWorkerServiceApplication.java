package org.wushe.hub.socialworker;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.wushe.hub.platform.web.UniqueFields;

/**
 * The social worker service of Wushe Hub: social workers (社会工作者) with their certificates, station
 * and supervisor (督导); their case work (个案), group work (小组), phone and home visits (电话/入户探访)
 * and the needs visits find; station reports. Residents appear only as the pseudonymous residentRef.
 */
@SpringBootApplication
public class SocialWorkerServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(SocialWorkerServiceApplication.class, args);
    }

    @Bean
    OpenAPI socialWorkerServiceApi() {
        return new OpenAPI()
                .info(
                        new Info()
                                .title("Wushe Hub social-worker-service 社工服务")
                                .version("0.1.0")
                                .description(
                                        "Social workers (社会工作者), certificates, station assignment and supervision (督导); cases (个案), "
                                                + "group work (小组), phone and home visits (电话/入户探访) and the needs they raise; station reports. "
                                                + "Residents only as residentRef. Errors are RFC 9457 problem+json naming the field."));
    }

    /** The unique constraints of this service's tables and the field each guards: a duplicate is 409 naming it (the platform's ServiceProblems). */
    @Bean
    UniqueFields uniqueFields() {
        return new UniqueFields(
                Map.of("casework_one_open_per_resident", "residentRef", "group_session_number_unique", "heldAt"));
    }
}
