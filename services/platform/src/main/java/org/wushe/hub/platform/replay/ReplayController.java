package org.wushe.hub.platform.replay;

import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.wushe.hub.platform.actor.Actor;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * {@code POST /admin/replay} rebuilds the service's read model from the topics (202, or 409 while one
 * runs); {@code GET /admin/replay} tells how far it is, as JSON or, for {@code deploy/local/replay},
 * as one line of text. An operator's endpoint: only the {@code hub_admin} role may call it (platform.security).
 */
@RestController
@RequestMapping("/admin/replay")
public class ReplayController {

    private final ReadModelReplayer replayer;

    public ReplayController(ReadModelReplayer replayer) {
        this.replayer = replayer;
    }

    @PostMapping
    public ResponseEntity<ReplayProgress> start() {
        if (!replayer.start(Actor.currentOrNull())) {
            throw new InvalidInputException(
                    "replay",
                    Messages.text("replay.running", replayer.progress().state()),
                    409);
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(replayer.progress());
    }

    @GetMapping(produces = MediaType.APPLICATION_JSON_VALUE)
    public ReplayProgress progress() {
        return replayer.progress();
    }

    @GetMapping(produces = MediaType.TEXT_PLAIN_VALUE)
    public String progressText() {
        return line(replayer.progress());
    }

    /** "REPLAYING 1200/5000 records, lag 3800 (wushe.community.need-0 120/800, …)". */
    static String line(ReplayProgress p) {
        StringBuilder s = new StringBuilder(p.state().name())
                .append(' ')
                .append(p.recordsReplayed())
                .append('/')
                .append(p.recordsToReplay())
                .append(" records")
                .append(", lag ")
                .append(p.lag());
        if (!p.clearedRows().isEmpty()) {
            s.append(", cleared ")
                    .append(p.clearedRows().entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining(" ")));
        }
        String behind = p.partitions().stream()
                .filter(x -> x.committed() < x.to())
                .map(x ->
                        x.topic() + "-" + x.partition() + " " + (x.committed() - x.from()) + "/" + (x.to() - x.from()))
                .collect(Collectors.joining(", "));
        if (!behind.isEmpty()) {
            s.append(" (").append(behind).append(')');
        }
        if (p.error() != null) {
            s.append(" — ").append(p.error());
        }
        return s.append('\n').toString();
    }
}
