package org.wushe.hub.platform.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.Map;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.common.Category;

/** A service-shaped web app to drive the platform's problem responses through real HTTP. */
@SpringBootApplication
public class ProblemTestApplication {

    /** As a service declares its unique constraints; ServiceProblems, in this package, is scanned and needs them. */
    @Bean
    UniqueFields uniqueFields() {
        return new UniqueFields(Map.of("need_title_unique", "title"));
    }

    public record NeedRequest(
            @NotBlank(message = "{wushe.test.title-required}") @Size(max = 20)
            String title,

            @NotNull Category category,
            @Positive int quantity,
            @NotNull Instant start,
            @NotNull Instant end) {}

    @RestController
    @org.springframework.validation.annotation.Validated
    static class Checked {
        @GetMapping("/checked")
        String checked(
                @org.springframework.web.bind.annotation.RequestParam @jakarta.validation.constraints.Min(1)
                        int count) {
            return "count " + count;
        }
    }

    @RestController
    static class Needs {
        @PostMapping("/needs")
        @ResponseStatus(HttpStatus.CREATED)
        NeedRequest create(@Valid @RequestBody NeedRequest need) {
            if (need.end().isBefore(need.start())) {
                throw new InvalidInputException("end", "must not be before start 结束时间早于开始时间");
            }
            return need;
        }

        @GetMapping("/needs/{number}")
        String byNumber(@PathVariable int number) {
            return "need " + number;
        }
    }
}
