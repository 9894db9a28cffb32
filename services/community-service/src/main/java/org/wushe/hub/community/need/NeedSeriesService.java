package org.wushe.hub.community.need;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;
import org.wushe.hub.community.CommunityProperties;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Recurring needs (e.g. milk every week). The first occurrence is published at once, later ones as
 * they come within the horizon ({@code wushe.community.recurrence-horizon}), each in the transaction
 * that advances the series, so an occurrence is published exactly once.
 */
@Service
public class NeedSeriesService {

    private static final Logger log = LoggerFactory.getLogger(NeedSeriesService.class);

    private final JdbcClient jdbc;
    private final NeedService needs;
    private final JsonMapper json;
    private final Clock clock;
    private final Duration horizon;
    private final TransactionTemplate tx;

    public NeedSeriesService(
            JdbcClient jdbc,
            NeedService needs,
            JsonMapper json,
            Clock clock,
            CommunityProperties properties,
            PlatformTransactionManager tm) {
        this.jdbc = jdbc;
        this.needs = needs;
        this.json = json;
        this.clock = clock;
        this.horizon = properties.recurrenceHorizon();
        this.tx = new TransactionTemplate(tm);
    }

    @Transactional
    public NeedSeries create(NeedDraft first, Recurrence recurrence) {
        if (recurrence.until() != null && !recurrence.until().isAfter(first.start())) {
            throw new InvalidInputException("until", Messages.text("series.until-before-first"));
        }
        NeedReferences refs = needs.references();
        NeedService.Checked checked = needs.check(first, refs);
        if (!checked.ok()) {
            Violation v = checked.violations().get(0);
            throw new InvalidInputException("need." + v.field(), v.message());
        }
        NeedDraft template = checked.draft();
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        NeedSeries series = new NeedSeries(
                UUID.randomUUID(),
                template,
                recurrence,
                template.start().truncatedTo(ChronoUnit.MILLIS),
                Duration.between(template.start(), template.end()),
                1,
                true,
                now);
        jdbc.sql("INSERT INTO need_series (id, template, frequency, interval_count, first_start, duration_ms, "
                        + "max_occurrences, until, created_at) VALUES (:id, :template, :frequency, :interval, :firstStart, "
                        + ":durationMs, :maxOccurrences, :until, :createdAt)")
                .param("id", series.id())
                .param("template", json.writeValueAsString(template))
                .param("frequency", recurrence.frequency().name())
                .param("interval", recurrence.interval())
                .param("firstStart", Timestamp.from(series.firstStart()))
                .param("durationMs", series.duration().toMillis())
                .param("maxOccurrences", recurrence.count())
                .param("until", recurrence.until() == null ? null : Timestamp.from(recurrence.until()))
                .param("createdAt", Timestamp.from(now))
                .update();
        extend(series, now, refs, true);
        return find(series.id()).orElseThrow();
    }

    /** Publishes the occurrences that came within the horizon, for every active series. */
    public int extendAll(Instant now) {
        int published = 0;
        for (UUID id : jdbc.sql("SELECT id FROM need_series WHERE active")
                .query(UUID.class)
                .list()) {
            Integer n = tx.execute(s -> lock(id).filter(NeedSeries::active)
                    .map(series -> extend(series, now, needs.references(), false))
                    .orElse(0));
            published += n == null ? 0 : n;
        }
        return published;
    }

    @Transactional
    public NeedSeries stop(UUID id) {
        lock(id).orElseThrow(() -> notFound(id));
        jdbc.sql("UPDATE need_series SET active = false WHERE id = :id")
                .param("id", id)
                .update();
        return find(id).orElseThrow();
    }

    public NeedSeries get(UUID id) {
        return find(id).orElseThrow(() -> notFound(id));
    }

    private int extend(NeedSeries series, Instant now, NeedReferences refs, boolean publishFirst) {
        Recurrence r = series.recurrence();
        List<Integer> due = new ArrayList<>(r.due(series.nextOccurrence(), series.firstStart(), now.plus(horizon)));
        if (publishFirst && !due.contains(1)) {
            due.add(0, 1);
        }
        List<NeedService.Checked> ready = new ArrayList<>();
        List<Need.Origin> origins = new ArrayList<>();
        int last = series.nextOccurrence() - 1;
        for (int k : due) {
            last = k;
            NeedDraft occurrence = series.occurrence(k);
            if (!occurrence.end().isAfter(now)) {
                continue; // its time passed while the service was down
            }
            NeedService.Checked c = needs.check(occurrence, refs);
            if (c.ok()) {
                ready.add(c);
                origins.add(Need.Origin.series(series.id(), k));
            } else {
                log.warn(
                        "Occurrence {} of recurring need {} not published: {} {}",
                        k,
                        series.id(),
                        c.violations().get(0).field(),
                        c.violations().get(0).message());
            }
        }
        if (!ready.isEmpty()) {
            needs.publishChecked(ready, origins, refs);
        }
        boolean active = !r.exhaustedAfter(last, series.firstStart());
        jdbc.sql("UPDATE need_series SET next_occurrence = :next, active = active AND :active WHERE id = :id")
                .param("next", last + 1)
                .param("active", active)
                .param("id", series.id())
                .update();
        return ready.size();
    }

    private Optional<NeedSeries> lock(UUID id) {
        return jdbc.sql("SELECT * FROM need_series WHERE id = :id FOR UPDATE")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private Optional<NeedSeries> find(UUID id) {
        return jdbc.sql("SELECT * FROM need_series WHERE id = :id")
                .param("id", id)
                .query(this::map)
                .optional();
    }

    private NeedSeries map(ResultSet rs, int row) throws SQLException {
        Timestamp until = rs.getTimestamp("until");
        Recurrence r = new Recurrence(
                Recurrence.Frequency.valueOf(rs.getString("frequency")),
                rs.getInt("interval_count"),
                (Integer) rs.getObject("max_occurrences"),
                until == null ? null : until.toInstant());
        return new NeedSeries(
                rs.getObject("id", UUID.class),
                json.readValue(rs.getString("template"), NeedDraft.class),
                r,
                rs.getTimestamp("first_start").toInstant(),
                Duration.ofMillis(rs.getLong("duration_ms")),
                rs.getInt("next_occurrence"),
                rs.getBoolean("active"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static InvalidInputException notFound(UUID id) {
        return new InvalidInputException("id", Messages.text("series.not-found", id), 404);
    }
}
