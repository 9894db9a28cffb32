package org.wushe.hub.bench.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;
import org.HdrHistogram.Histogram;
import org.wushe.hub.testing.Http;

/**
 * Posts URGENT needs to community-service's {@code POST /needs} at a fixed rate (open loop: each request leaves at
 * its scheduled time, whatever the earlier ones are doing, up to {@code maxInFlight} open at once), and joins each
 * created need id with the arrival of its first proposal on the station's stream.
 */
final class NeedLoad {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    /** Categories whose needs volunteers with {@link Place#SKILLS} fit; no quantity needed. */
    private static final List<String> CATEGORIES = List.of("HOME_REPAIR", "SAFETY_CHECK", "COMPANIONSHIP", "ESCORT");

    private static final Map<String, String> TITLES = Map.of(
            "HOME_REPAIR", "独居老人家中水龙头漏水 a dripping tap at an elder's home",
            "SAFETY_CHECK", "冬季燃气安全检查 a winter gas safety check",
            "COMPANIONSHIP", "陪独居老人聊天 company for an elder living alone",
            "ESCORT", "陪同老人去医院复查 escort an elder to a check-up");

    /** What one step measured. Times in ms; rates per second. */
    record Step(
            String label,
            double offeredRate,
            int seconds,
            int planned,
            int sent,
            int created,
            int failed,
            String failureSample,
            double sendSeconds,
            double maxPacerLagMs,
            double apiRate,
            double apiP50Ms,
            double apiP99Ms,
            double apiMaxMs,
            int proposed,
            double proposalsPerSecond,
            double p50Ms,
            double p99Ms,
            double maxMs,
            int missing,
            int graceSeconds,
            Stages stages) {}

    /**
     * A need's latency in three parts, for the needs whose events the {@link Taps} saw (p50/p99 in ms): POST sent →
     * NeedPublished readable on Kafka (API, community outbox, Debezium); → MatchProposed readable (matching's
     * consumer, engine, commit, matching outbox, Debezium); → PROPOSED on the SSE stream (feed consumer, push).
     */
    record Stages(
            int needs,
            double toNeedTopicP50,
            double toNeedTopicP99,
            double toMatchTopicP50,
            double toMatchTopicP99,
            double toStreamP50,
            double toStreamP99) {}

    private final HttpClient client;
    private final URI needs;
    private final Place place;
    private final StationStream stream;
    private final Taps taps;
    private final int maxInFlight;
    private final AtomicInteger numbering = new AtomicInteger();
    private final LocalDate firstDay;
    private final ExecutorService executor;
    /** Every need created so far, for {@link #drain}. */
    private final List<UUID> created = java.util.Collections.synchronizedList(new ArrayList<>());

    NeedLoad(int communityPort, Place place, StationStream stream, Taps taps, int maxInFlight) {
        this.executor = Executors.newFixedThreadPool(4, r -> {
            Thread t = new Thread(r, "need-load-http");
            t.setDaemon(true);
            return t;
        });
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .executor(executor)
                .build();
        this.needs = URI.create("http://127.0.0.1:" + communityPort + "/needs");
        this.place = place;
        this.stream = stream;
        this.taps = taps;
        this.maxInFlight = maxInFlight;
        this.firstDay = LocalDate.now(SHANGHAI).plusDays(1);
    }

    /** A need's body: URGENT (proposed at once, never waits for the batch), 60 minutes, 08:00-20:00 on one of the next 7 days. */
    private String body(int n) {
        String category = CATEGORIES.get(n % CATEGORIES.size());
        LocalDate day = firstDay.plusDays(n % 7);
        return Http.JSON.writeValueAsString(Http.map(
                "communityId",
                place.community.toString(),
                "stationId",
                place.station.toString(),
                "category",
                category,
                "urgency",
                "URGENT",
                "beneficiaryGroup",
                "ELDERLY_ALONE",
                "beneficiaryCount",
                1,
                "title",
                TITLES.get(category) + " #" + n,
                "geohash",
                place.cells.get(n % place.cells.size()),
                "start",
                day.atTime(LocalTime.of(8, 0)).atZone(SHANGHAI).toInstant().toString(),
                "end",
                day.atTime(LocalTime.of(20, 0)).atZone(SHANGHAI).toInstant().toString(),
                "requiredSkills",
                List.of(),
                "estimatedMinutes",
                60));
    }

    /** {@code count} needs at {@code rate} per second, then up to {@code graceSeconds} for their proposals. */
    Step run(String label, double rate, int count, int graceSeconds) throws InterruptedException {
        List<String> bodies = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            bodies.add(body(numbering.getAndIncrement()));
        }
        long[] sentAt = new long[count];
        long[] answeredAt = new long[count];
        int[] status = new int[count];
        UUID[] ids = new UUID[count];
        AtomicReference<String> failureSample = new AtomicReference<>();
        CountDownLatch answered = new CountDownLatch(count);
        Semaphore inFlight = new Semaphore(maxInFlight);
        long period = Math.round(1e9 / rate);
        long maxLag = 0;
        int sent = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < count; i++) {
            long due = t0 + i * period;
            for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
                LockSupport.parkNanos(wait);
            }
            inFlight.acquire();
            HttpRequest request = HttpRequest.newBuilder(needs)
                    .timeout(Duration.ofSeconds(60))
                    .header("Content-Type", "application/json")
                    .header("Authorization", org.wushe.hub.testing.TestTokens.bearer(BenchToken.TOKEN))
                    .POST(HttpRequest.BodyPublishers.ofString(bodies.get(i), StandardCharsets.UTF_8))
                    .build();
            int k = i;
            long now = System.nanoTime();
            maxLag = Math.max(maxLag, now - due);
            sentAt[k] = now;
            sent++;
            client.sendAsync(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8))
                    .whenComplete((r, e) -> {
                        answeredAt[k] = System.nanoTime();
                        try {
                            if (e != null) {
                                status[k] = -1;
                                failureSample.compareAndSet(null, e.toString());
                            } else {
                                status[k] = r.statusCode();
                                if (r.statusCode() == 201) {
                                    ids[k] = UUID.fromString(Http.JSON
                                            .readTree(r.body())
                                            .get("id")
                                            .asString());
                                } else {
                                    failureSample.compareAndSet(
                                            null, "HTTP " + r.statusCode() + " " + abbreviate(r.body()));
                                }
                            }
                        } catch (RuntimeException parse) {
                            status[k] = -2;
                            failureSample.compareAndSet(null, "unreadable answer: " + parse);
                        } finally {
                            inFlight.release();
                            answered.countDown();
                        }
                    });
        }
        long lastSend = sentAt[count - 1];
        if (!answered.await(90, TimeUnit.SECONDS)) {
            throw new BenchmarkFailure(
                    label + ": " + answered.getCount() + " of " + count + " POST /needs unanswered after 90 s");
        }

        // Wait for the proposals of the created needs, at most graceSeconds after the last need was sent.
        long deadline = lastSend + TimeUnit.SECONDS.toNanos(graceSeconds);
        List<Integer> createdIdx = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            if (ids[i] != null) {
                createdIdx.add(i);
            }
        }
        while (System.nanoTime() < deadline) {
            boolean all = true;
            for (int i : createdIdx) {
                if (stream.proposedAt(ids[i]) == null) {
                    all = false;
                    break;
                }
            }
            if (all) {
                break;
            }
            if (!stream.alive()) {
                throw new BenchmarkFailure(label + ": the station's stream ended: " + stream.failure());
            }
            Thread.sleep(20);
        }

        Histogram api = new Histogram(3);
        Histogram latency = new Histogram(3);
        Histogram toNeedTopic = new Histogram(3);
        Histogram toMatchTopic = new Histogram(3);
        Histogram toStream = new Histogram(3);
        long lastAnswer = t0;
        long firstProposal = Long.MAX_VALUE;
        long lastProposal = Long.MIN_VALUE;
        int proposed = 0;
        for (int i = 0; i < count; i++) {
            api.recordValue(Math.max(1, (answeredAt[i] - sentAt[i]) / 1_000));
            lastAnswer = Math.max(lastAnswer, answeredAt[i]);
        }
        for (int i : createdIdx) {
            Long at = stream.proposedAt(ids[i]);
            if (at != null && at <= deadline) {
                proposed++;
                latency.recordValue(Math.max(1, (at - sentAt[i]) / 1_000));
                firstProposal = Math.min(firstProposal, at);
                lastProposal = Math.max(lastProposal, at);
                String match = stream.matchOf(ids[i]);
                Long published = taps == null ? null : taps.needPublished(ids[i].toString());
                Long matched = taps == null || match == null ? null : taps.matchProposed(match);
                if (published != null && matched != null) {
                    toNeedTopic.recordValue(Math.max(1, (published - sentAt[i]) / 1_000));
                    toMatchTopic.recordValue(Math.max(1, (matched - published) / 1_000));
                    toStream.recordValue(Math.max(1, (at - matched) / 1_000));
                }
            }
        }
        for (int i : createdIdx) {
            created.add(ids[i]);
        }
        int created = createdIdx.size();
        double sendSeconds = (lastSend - t0) / 1e9;
        double apiRate = created == 0 ? 0 : created / ((lastAnswer - t0) / 1e9);
        // Sustained rate: proposals spaced as their needs were sent keep up; a growing backlog spreads them out.
        // A constant latency does not lower it (it shifts every arrival alike).
        double proposalRate = proposed < 2 || lastProposal <= firstProposal
                ? 0
                : (proposed - 1) / ((lastProposal - firstProposal) / 1e9);
        Stages stages = toStream.getTotalCount() == 0
                ? null
                : new Stages(
                        (int) toStream.getTotalCount(),
                        ms(toNeedTopic, 50),
                        ms(toNeedTopic, 99),
                        ms(toMatchTopic, 50),
                        ms(toMatchTopic, 99),
                        ms(toStream, 50),
                        ms(toStream, 99));
        return new Step(
                label,
                rate,
                (int) Math.round(count / rate),
                count,
                sent,
                created,
                count - created,
                failureSample.get(),
                sendSeconds,
                maxLag / 1e6,
                apiRate,
                ms(api, 50),
                ms(api, 99),
                api.getMaxValue() / 1e3,
                proposed,
                proposalRate,
                proposed == 0 ? Double.NaN : ms(latency, 50),
                proposed == 0 ? Double.NaN : ms(latency, 99),
                proposed == 0 ? Double.NaN : latency.getMaxValue() / 1e3,
                created - proposed,
                graceSeconds,
                stages);
    }

    /**
     * Waits until every need created so far has its proposal on the stream, at most {@code max}: so that a backlog
     * left by the warm-up does not count against the first step. Returns the needs still without one.
     */
    int drain(Duration max) throws InterruptedException {
        long deadline = System.nanoTime() + max.toNanos();
        List<UUID> all;
        synchronized (created) {
            all = new ArrayList<>(created);
        }
        int missing = all.size();
        while (true) {
            missing = 0;
            for (UUID id : all) {
                if (stream.proposedAt(id) == null) {
                    missing++;
                }
            }
            if (missing == 0 || System.nanoTime() > deadline) {
                return missing;
            }
            Thread.sleep(100);
        }
    }

    private static double ms(Histogram h, double percentile) {
        return h.getValueAtPercentile(percentile) / 1e3;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() <= 300 ? s : s.substring(0, 300) + "…";
    }

    void close() {
        executor.shutdownNow();
    }
}
