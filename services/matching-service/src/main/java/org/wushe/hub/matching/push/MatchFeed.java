package org.wushe.hub.matching.push;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.matching.proposal.CandidateHolds;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.view.MatchViews;
import org.wushe.hub.platform.events.EventHeaders;
import org.wushe.hub.platform.tracing.EventTracing;
import org.wushe.hub.schemas.AvroEventCodec;
import org.wushe.hub.schemas.UndecodableEventException;

/**
 * {@code feed-in-0}: every match event, read by every instance from the end of
 * {@code wushe.matching.match} (no consumer group), becomes a push of the match's current view to the
 * station that decides it and to the centre it was escalated to. The view is read from this service's
 * database, which holds the match since the event left through the outbox after its commit.
 * Nothing is recorded: a lost push is made up by the console, which loads the open proposals when
 * it (re)connects.
 *
 * <p>With several instances, the same events keep each instance's engine holding what the others' live matches
 * take ({@link CandidateHolds}): a proposal's hold, as stored, is put in; a decline or a completion releases it.
 */
@Configuration(proxyBeanMethods = false)
public class MatchFeed {

    private static final Logger log = LoggerFactory.getLogger(MatchFeed.class);

    @Bean
    Consumer<Message<byte[]>> feed(
            AvroEventCodec codec,
            Matches matches,
            MatchViews views,
            StationStreams streams,
            EventTracing tracing,
            CandidateHolds holds) {
        return message -> tracing.inSpan(
                "station-stream push",
                text(message.getHeaders().get(EventHeaders.TRACEPARENT)),
                Map.of(
                        "wushe.event.type",
                        String.valueOf(text(message.getHeaders().get(EventHeaders.EVENT_TYPE)))),
                () -> push(message, codec, matches, views, streams, holds));
    }

    /** The push of one match event, in a span of the match's trace (so a need's journey ends at the station's stream). */
    private static Void push(
            Message<byte[]> message,
            AvroEventCodec codec,
            Matches matches,
            MatchViews views,
            StationStreams streams,
            CandidateHolds holds) {
        SpecificRecord event;
        try {
            event = codec.decode(message.getPayload());
        } catch (UndecodableEventException e) {
            log.debug("Feed skips an undecodable record (the saga's consumer dead-letters it): {}", e.getMessage());
            return null;
        }
        if (event.getSchema().getField("matchId") == null) {
            return null;
        }
        UUID matchId = (UUID) event.get(event.getSchema().getField("matchId").pos());
        if (event instanceof MatchProposed) {
            holds.ofMatch(matchId).ifPresent(holds::learn); // none if it ended (or was reserved) meanwhile
        } else if (event instanceof MatchDeclined || event instanceof MatchCompleted) {
            holds.forget(matchId);
        }
        matches.find(matchId).ifPresent(m -> {
            var view = views.of(m);
            String type = event.getSchema().getName();
            streams.push(m.stationId(), "match", type + ":" + matchId, view);
            if (m.escalatedTo() != null) {
                streams.push(m.escalatedTo(), "match", type + ":" + matchId, view);
            }
        });
        return null;
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? null : header.toString();
    }
}
