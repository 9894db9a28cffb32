package org.wushe.hub.matching.push;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.avro.specific.SpecificRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.Message;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;
import org.wushe.hub.events.matching.MatchProposed;
import org.wushe.hub.matching.proposal.CandidateHolds;
import org.wushe.hub.matching.proposal.Matches;
import org.wushe.hub.matching.view.MatchView;
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

    /**
     * Batch mode ({@code feed-in-0}, {@code batch-mode: true}): the match events of one poll are read with one query
     * for their matches, one for their needs and one for the holds of the proposals among them, then pushed in their
     * order, each push in a span of its event's trace.
     */
    @Bean
    Consumer<Message<List<byte[]>>> feed(
            AvroEventCodec codec,
            Matches matches,
            MatchViews views,
            StationStreams streams,
            EventTracing tracing,
            CandidateHolds holds) {
        return batch -> push(batch, codec, matches, views, streams, tracing, holds);
    }

    /** One match event of a poll: its match, what kind of event, and the trace it continues. */
    private record Event(UUID matchId, SpecificRecord payload, String traceparent) {}

    private static void push(
            Message<List<byte[]>> batch,
            AvroEventCodec codec,
            Matches matches,
            MatchViews views,
            StationStreams streams,
            EventTracing tracing,
            CandidateHolds holds) {
        List<byte[]> values = batch.getPayload();
        List<?> headers = batch.getHeaders().get(KafkaHeaders.BATCH_CONVERTED_HEADERS) instanceof List<?> l ? l : null;
        List<Event> events = new ArrayList<>(values.size());
        for (int i = 0; i < values.size(); i++) {
            SpecificRecord event;
            try {
                event = codec.decode(values.get(i));
            } catch (UndecodableEventException e) {
                log.debug("Feed skips an undecodable record (the saga's consumer dead-letters it): {}", e.getMessage());
                continue;
            }
            if (event.getSchema().getField("matchId") == null) {
                continue;
            }
            Map<?, ?> own =
                    headers != null && i < headers.size() && headers.get(i) instanceof Map<?, ?> m ? m : Map.of();
            events.add(new Event(
                    (UUID) event.get(event.getSchema().getField("matchId").pos()),
                    event,
                    text(own.get(EventHeaders.TRACEPARENT))));
        }
        if (events.isEmpty()) {
            return;
        }
        // A proposal's hold, as stored (none if it ended, or was reserved, meanwhile); a decline or a completion
        // releases it. In the events' order, so a match proposed and declined in one poll ends released.
        Map<UUID, CandidateHolds.Held> held = holds.ofMatches(events.stream()
                .filter(e -> e.payload() instanceof MatchProposed)
                .map(Event::matchId)
                .toList());
        for (Event e : events) {
            if (e.payload() instanceof MatchProposed) {
                CandidateHolds.Held h = held.get(e.matchId());
                if (h != null) {
                    holds.learn(h);
                }
            } else if (e.payload() instanceof MatchDeclined || e.payload() instanceof MatchCompleted) {
                holds.forget(e.matchId());
            }
        }
        Map<UUID, MatchView> viewOf = new HashMap<>();
        for (MatchView v :
                views.of(matches.findAll(events.stream().map(Event::matchId).toList()))) {
            viewOf.put(v.matchId(), v);
        }
        for (Event e : events) {
            MatchView view = viewOf.get(e.matchId());
            if (view == null) {
                continue;
            }
            String type = e.payload().getSchema().getName();
            tracing.inSpan("station-stream push", e.traceparent(), Map.of("wushe.event.type", type), () -> {
                streams.push(view.stationId(), "match", type + ":" + e.matchId(), view);
                if (view.escalatedTo() != null) {
                    streams.push(view.escalatedTo(), "match", type + ":" + e.matchId(), view);
                }
                return null;
            });
        }
    }

    private static String text(Object header) {
        return header instanceof byte[] bytes
                ? new String(bytes, StandardCharsets.UTF_8)
                : header == null ? null : header.toString();
    }
}
