package org.wushe.hub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.testing.TestStack;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/** Every kind of bad input gets a 4xx RFC 9457 problem naming the field, over real HTTP. */
@SpringBootTest(
        classes = ProblemTestApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "spring.flyway.locations=classpath:db/pipeline-test")
class ProblemDetailsTest {

    private static final String GOOD = """
            {"title":"门锁维修 door lock","category":"HOME_REPAIR","quantity":1,
             "start":"2026-11-23T08:00:00Z","end":"2026-11-23T10:00:00Z"}""";

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "community");
    }

    @Value("${local.server.port}")
    int port;

    static final String ADMIN = org.wushe.hub.testing.TestTokens.bearer(org.wushe.hub.testing.TestTokens.admin());
    final HttpClient http = HttpClient.newHttpClient();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void goodInputIsAccepted() throws Exception {
        assertThat(post(GOOD).statusCode()).isEqualTo(201);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "missing title          | title     | {\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "title too long         | title     | {\"title\":\"一二三四五六七八九十一二三四五六七八九十一\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "negative quantity      | quantity  | {\"title\":\"t\",\"category\":\"HOME_REPAIR\",\"quantity\":-3,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "wrong enum             | category  | {\"title\":\"t\",\"category\":\"FLYING\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "wrong type             | quantity  | {\"title\":\"t\",\"category\":\"HOME_REPAIR\",\"quantity\":\"many\",\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "end before start       | end       | {\"title\":\"t\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T10:00:00Z\",\"end\":\"2026-11-23T08:00:00Z\"}",
                "malformed JSON         | body      | {\"title\": \"t\", ",
                "unknown field          | urgencey  | {\"title\":\"t\",\"urgencey\":\"HIGH\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "NUL in a string        | title     | {\"title\":\"t\\u0000t\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "lone surrogate         | title     | {\"title\":\"t\\ud800t\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"2026-11-23T08:00:00Z\",\"end\":\"2026-11-23T10:00:00Z\"}",
                "not an instant         | start     | {\"title\":\"t\",\"category\":\"HOME_REPAIR\",\"quantity\":1,\"start\":\"tomorrow\",\"end\":\"2026-11-23T10:00:00Z\"}",
            })
    void badInputIsAProblemNamingTheField(String kase, String field, String body) throws Exception {
        HttpResponse<String> response = post(body);

        assertThat(response.statusCode()).as(kase).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(ct -> assertThat(ct).startsWith("application/problem+json"));
        JsonNode problem = json.readTree(response.body());
        assertThat(problem.get("status").asInt()).isEqualTo(400);
        assertThat(problem.get("title").asText()).contains("Invalid input");
        assertThat(problem.get("errors")).isNotEmpty();
        assertThat(problem.get("errors").get(0).get("field").asText()).as(kase).isEqualTo(field);
        assertThat(problem.get("detail").asText()).contains(field);
    }

    @Test
    void aPathVariableOfTheWrongTypeIsAProblemNamingIt() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs/abc"))
                        .header("Authorization", ADMIN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("number");
    }

    @Test
    void aConstraintOnAValidatedControllerIsAProblemNamingTheParameter() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/checked?count=0"))
                        .header("Authorization", ADMIN)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json.readTree(response.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("count");
    }

    @Test
    void aBodyOverTheLimitIs413NamingTheBodyWhetherItsLengthIsSentOrNot() throws Exception {
        String big = "{\"title\":\"" + "x".repeat(10 * 1024 * 1024) + "\"}";
        HttpResponse<String> sized = post(big);
        assertThat(sized.statusCode()).isEqualTo(413);
        assertThat(json.readTree(sized.body()).get("errors").get(0).get("field").asText())
                .isEqualTo("body");

        // No Content-Length (chunked): refused once the limit has been read.
        HttpResponse<String> chunked = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofInputStream(
                                () -> new java.io.ByteArrayInputStream(big.getBytes())))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).as(chunked.body()).isEqualTo(413);
        assertThat(json.readTree(chunked.body())
                        .get("errors")
                        .get(0)
                        .get("field")
                        .asText())
                .isEqualTo("body");

        // ... and the service goes on.
        assertThat(post(GOOD).statusCode()).isEqualTo(201);
    }

    /**
     * The catalogue answers in the request's language: Chinese with its English beside it by default (no header, Chinese,
     * a language the hub does not have, a malformed header), English alone when English is preferred; a validation
     * message written as a code ({@code {wushe.test.title-required}}) in the service's own bundle resolves the same way.
     */
    @ParameterizedTest(name = "Accept-Language: {0}")
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "none                  | 输入有误 Invalid input | 请填写标题 a title is required",
                "zh-CN,zh;q=0.9,en;q=0.8 | 输入有误 Invalid input | 请填写标题 a title is required",
                "fr-FR                 | 输入有误 Invalid input | 请填写标题 a title is required",
                "en-GB,en;q=0.9,zh;q=0.5 | Invalid input        | a title is required",
                "en                    | Invalid input        | a title is required",
                ";;q=x                 | 输入有误 Invalid input | 请填写标题 a title is required",
            })
    void theAnswerIsInTheRequestsLanguage(String acceptLanguage, String title, String message) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs"))
                .header("Authorization", ADMIN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(GOOD.replace("\"title\":\"门锁维修 door lock\",", "")));
        if (acceptLanguage != null) {
            request.header("Accept-Language", acceptLanguage);
        }
        JsonNode problem = json.readTree(
                http.send(request.build(), HttpResponse.BodyHandlers.ofString()).body());

        assertThat(problem.get("title").asText()).isEqualTo(title);
        assertThat(problem.get("errors").get(0).get("field").asText()).isEqualTo("title");
        assertThat(problem.get("errors").get(0).get("message").asText()).isEqualTo(message);
    }

    /** Hibernate Validator's own messages follow the same rule: both languages by default, English alone when asked. */
    @Test
    void theValidatorsOwnMessagesComeInBothLanguagesOrInEnglish() throws Exception {
        String negative = GOOD.replace("\"quantity\":1", "\"quantity\":-3");
        for (String language : new String[] {null, "en"}) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs"))
                    .header("Authorization", ADMIN)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(negative));
            if (language != null) {
                request.header("Accept-Language", language);
            }
            JsonNode error = json.readTree(http.send(request.build(), HttpResponse.BodyHandlers.ofString())
                            .body())
                    .get("errors")
                    .get(0);

            assertThat(error.get("field").asText()).isEqualTo("quantity");
            if (language == null) {
                assertThat(error.get("message").asText()).matches("\\p{IsHan}.* must be greater than 0");
            } else {
                assertThat(error.get("message").asText()).isEqualTo("must be greater than 0");
            }
        }
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/needs"))
                        .header("Authorization", ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
