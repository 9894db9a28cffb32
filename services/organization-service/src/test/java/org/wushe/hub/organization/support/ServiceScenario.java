package org.wushe.hub.organization.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.avro.specific.SpecificRecord;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.wushe.hub.organization.OrganizationServiceApplication;
import org.wushe.hub.organization.organization.CreditCodes;
import org.wushe.hub.platform.core.Calendar;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.testing.Http;
import org.wushe.hub.testing.TestStack;
import org.wushe.hub.testing.TopicReader;
import tools.jackson.databind.JsonNode;

/**
 * The organization service running on the real embedded stack (PostgreSQL, Kafka, Debezium with the
 * shipped connector {@code deploy/connect/organization-service.json}), called over HTTP, its events read
 * from Kafka. One Spring context for every scenario class that extends this.
 */
@SpringBootTest(
        classes = OrganizationServiceApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
public abstract class ServiceScenario {

    public static final Duration WAIT = Duration.ofSeconds(60);
    /** Tongzhou district, Liyuan town. */
    public static final String DISTRICT = "110112";

    public static final String STREET = "110112104";
    private static final AtomicInteger NAMES = new AtomicInteger();

    @DynamicPropertySource
    static void stack(DynamicPropertyRegistry registry) {
        TestStack.register(registry, "organization");
    }

    @Value("${local.server.port}")
    protected int port;

    @Autowired
    protected AvroEventCodec codec;

    protected Http http() {
        return new Http(port);
    }

    /** A name no other scenario of this JVM uses (names are unique per district). */
    protected static String unique(String name) {
        return name + NAMES.incrementAndGet() + "-"
                + Integer.toString(ThreadLocalRandom.current().nextInt(1_000_000), 36);
    }

    protected static LocalDate today() {
        return LocalDate.now(Calendar.ZONE);
    }

    /** A valid unified social credit code of a civil-affairs registration (5…) in Tongzhou, never used before. */
    protected static String creditCode() {
        StringBuilder code = new StringBuilder("52" + DISTRICT);
        for (int i = 0; i < 9; i++) {
            code.append(ThreadLocalRandom.current().nextInt(10));
        }
        return code.append(CreditCodes.checkCharacter(code.toString())).toString();
    }

    // ---- fixtures over the API --------------------------------------------------------------------

    protected Map<String, Object> organization(Object... overrides) {
        Map<String, Object> body = Http.map(
                "name",
                unique("梨园镇邻里守望志愿服务队"),
                "kind",
                "VOLUNTEER_SERVICE",
                "legalStatus",
                "FILED",
                "stage",
                "SPROUTING",
                "communityId",
                UUID.randomUUID().toString(),
                "districtCode",
                DISTRICT,
                "streetCode",
                STREET,
                "geohash",
                "wx4g0bm9k",
                "serviceCategories",
                List.of("MEDIATION", "SAFETY_CHECK"),
                "monthlyServiceCapacity",
                120);
        return override(body, overrides);
    }

    protected JsonNode register(Map<String, Object> body) {
        Http.Response r = http().post("/organizations", body);
        assertThat(r.status()).as(r.text()).isEqualTo(201);
        return r.json();
    }

    /** A mature, registered hub organization (枢纽型) that incubates others. */
    protected UUID hub() {
        return UUID.fromString(register(organization(
                        "name",
                        unique("通州区社会组织联合会"),
                        "kind",
                        "CHARITY",
                        "legalStatus",
                        "REGISTERED",
                        "unifiedSocialCreditCode",
                        creditCode(),
                        "stage",
                        "MATURE",
                        "hub",
                        true,
                        "communityId",
                        null))
                .get("id")
                .asText());
    }

    protected UUID organizationId() {
        return UUID.fromString(register(organization()).get("id").asText());
    }

    protected static Map<String, Object> override(Map<String, Object> body, Object... overrides) {
        for (int i = 0; i + 1 < overrides.length; i += 2) {
            if (overrides[i + 1] == null) {
                body.remove((String) overrides[i]);
            } else {
                body.put((String) overrides[i], overrides[i + 1]);
            }
        }
        return body;
    }

    // ---- events on Kafka ---------------------------------------------------------------------------

    /** Waits until at least {@code count} events keyed {@code key} are on the aggregate's topic; decoded, in order. */
    protected List<SpecificRecord> events(Aggregate aggregate, UUID key, int count) {
        return TopicReader.readUntil(
                        TestStack.bootstrapServers(),
                        aggregate.topic(),
                        r -> key.toString().equals(r.key()),
                        kept -> kept.size() >= count,
                        WAIT)
                .stream()
                .map(r -> codec.decode(r.value()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    protected static <T extends SpecificRecord> List<T> ofType(List<SpecificRecord> events, Class<T> type) {
        return events.stream().filter(type::isInstance).map(e -> (T) e).toList();
    }
}
