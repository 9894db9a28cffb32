package org.wushe.hub.platform.actor;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.messaging.Message;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.events.community.NeedClosed;
import org.wushe.hub.events.community.NeedOutcome;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.platform.events.Aggregate;
import org.wushe.hub.platform.inbox.InboundEvents;
import org.wushe.hub.platform.outbox.OutboxWriter;
import org.wushe.hub.platform.security.Access;
import org.wushe.hub.platform.security.Roles;
import org.wushe.hub.platform.security.Rules;
import org.wushe.hub.platform.security.WusheAccessRules;
import org.wushe.hub.platform.testing.NeedEvents;

/**
 * A service on the platform with the three kinds of actor: an HTTP endpoint that publishes a need
 * (the person named by the request), an inbound handler that closes the needs it sees from this
 * endpoint (the consumer), and scheduling (the service).
 */
@SpringBootApplication
@EnableScheduling
public class ActorTestApplication {

    public static final String CONSUMER = "actor-test";
    /** Needs published through this application's endpoint, and the actor each inbound envelope named (or none). */
    static final Set<UUID> MINE = ConcurrentHashMap.newKeySet();

    static final Map<UUID, Optional<String>> SEEN_ACTOR = new ConcurrentHashMap<>();

    @RestController
    static class Needs {
        private final OutboxWriter outbox;
        private final TransactionTemplate tx;

        Needs(OutboxWriter outbox, TransactionTemplate tx) {
            this.outbox = outbox;
            this.tx = tx;
        }

        @PostMapping("/needs/{id}")
        String publish(@PathVariable UUID id) {
            MINE.add(id);
            return tx.execute(s -> outbox.publish(Aggregate.NEED, id.toString(), NeedEvents.needPublished(id, 1)))
                    .eventId()
                    .toString();
        }
    }

    /** Endpoints guarded the two ways a service guards them: a path rule, and checks in the code. */
    @RestController
    static class Guarded {
        @GetMapping("/stations/{stationId}/proposals")
        String proposals(@PathVariable UUID stationId) {
            return "proposals of " + stationId;
        }

        @PostMapping("/offers")
        String offer(@RequestBody Map<String, String> body) {
            Access.requireTenant("organizationId", body.get("organizationId"), Roles.ORGANIZATION_STAFF);
            return "offer for " + body.get("organizationId");
        }

        @GetMapping("/residents/{communityId}")
        String residents(@PathVariable UUID communityId) {
            Access.requireTenantOnly("communityId", communityId, Roles.COMMUNITY_STAFF, Roles.STATION_STAFF);
            return "residents of " + communityId;
        }
    }

    @Bean
    WusheAccessRules guardedRules() {
        return rules -> rules.requestMatchers(HttpMethod.GET, "/stations/{stationId}/proposals")
                .access(Rules.tenant("stationId", Roles.STATION_STAFF, Roles.CENTRE_MANAGER));
    }

    @Bean
    Consumer<Message<byte[]>> needs(InboundEvents inbound, OutboxWriter outbox) {
        return inbound.consumer(CONSUMER)
                .on(NeedPublished.class, (envelope, need) -> {
                    if (!MINE.contains(need.getNeedId())) {
                        return;
                    }
                    SEEN_ACTOR.put(need.getNeedId(), Optional.ofNullable(envelope.actor()));
                    outbox.publish(
                            Aggregate.NEED,
                            need.getNeedId().toString(),
                            NeedClosed.newBuilder()
                                    .setEventId(UUID.randomUUID())
                                    .setOccurredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                                    .setNeedId(need.getNeedId())
                                    .setCommunityId(need.getCommunityId())
                                    .setStationId(need.getStationId())
                                    .setRevision(2)
                                    .setOutcome(NeedOutcome.CANCELLED)
                                    .build());
                })
                .build();
    }
}
