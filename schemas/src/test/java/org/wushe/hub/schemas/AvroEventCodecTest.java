package org.wushe.hub.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.avro.message.BinaryMessageDecoder;
import org.apache.avro.message.BinaryMessageEncoder;
import org.apache.avro.specific.SpecificRecord;
import org.apache.avro.util.ClassSecurityValidator;
import org.apache.avro.util.ClassSecurityValidator.ClassSecurityPredicate;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.matching.DeclineReason;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.events.matching.MatchDeclined;

class AvroEventCodecTest {

    private static final SchemaCatalog CATALOG = SchemaCatalog.load();

    private final AvroEventCodec codec = new AvroEventCodec(CATALOG);

    static Stream<Named<SpecificRecord>> everyEvent() {
        return SampleEvents.all().stream().map(e -> Named.of(e.getSchema().getName(), e));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyEvent")
    void every_event_comes_back_equal_after_a_round_trip(SpecificRecord event) {
        byte[] message = codec.encode(event);

        SpecificRecord decoded = codec.decode(message);

        assertThat(decoded).isInstanceOf(event.getClass()).isEqualTo(event);
    }

    @Test
    void a_message_is_magic_then_the_writer_fingerprint_little_endian_then_the_body() {
        byte[] message = codec.encode(SampleEvents.needPublished());

        assertThat(message[0]).isEqualTo((byte) 0xC3);
        assertThat(message[1]).isEqualTo((byte) 0x01);
        long fingerprint =
                ByteBuffer.wrap(message, 2, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertThat(fingerprint).isEqualTo(SchemaNormalization.parsingFingerprint64(NeedPublished.getClassSchema()));
        assertThat(CATALOG.writerSchema(fingerprint)).map(Schema::getFullName).contains(NeedPublished.class.getName());
    }

    @Test
    void avro_own_single_object_codec_and_ours_read_each_other() throws Exception {
        NeedPublished need = SampleEvents.needPublished();
        BinaryMessageEncoder<NeedPublished> avroEncoder =
                new BinaryMessageEncoder<>(CATALOG.model(), NeedPublished.getClassSchema());
        BinaryMessageDecoder<NeedPublished> avroDecoder =
                new BinaryMessageDecoder<>(CATALOG.model(), NeedPublished.getClassSchema());

        assertThat(avroDecoder.decode(codec.encode(need))).isEqualTo(need);
        ByteBuffer avroMessage = avroEncoder.encode(need);
        byte[] bytes = new byte[avroMessage.remaining()];
        avroMessage.get(bytes);
        assertThat(codec.decode(bytes)).isEqualTo(need);
    }

    @Test
    void decoding_needs_no_jvm_wide_avro_class_allow_list() {
        byte[] message = codec.encode(SampleEvents.needPublished());
        ClassSecurityPredicate before = ClassSecurityValidator.getGlobal();
        ClassSecurityValidator.setGlobal(ClassSecurityValidator.DEFAULT);
        try {
            assertThat(AvroTrust.isInstalled())
                    .as("a JVM that never called AvroTrust.install()")
                    .isFalse();

            assertThat(new AvroEventCodec(SchemaCatalog.load()).decode(message))
                    .isEqualTo(SampleEvents.needPublished());
        } finally {
            ClassSecurityValidator.setGlobal(before);
        }
    }

    @Test
    void a_completion_written_before_peopleReached_existed_is_read_with_its_defaults() {
        Schema earlier = Fixtures.schema("versions/MatchCompleted-before-peopleReached.avsc");
        AvroEventCodec codec = new AvroEventCodec(SchemaCatalog.of(earlier, MatchCompleted.getClassSchema()));
        GenericRecord written = new GenericData.Record(earlier);
        written.put("eventId", SampleEvents.id("old e19").toString());
        written.put("occurredAt", SampleEvents.SAT_0930.toEpochMilli());
        written.put("matchId", SampleEvents.MATCH.toString());
        written.put("needId", SampleEvents.NEED.toString());
        written.put("communityId", SampleEvents.COMMUNITY.toString());
        written.put("stationId", SampleEvents.STATION.toString());
        written.put("volunteerId", SampleEvents.VOLUNTEER.toString());
        written.put("serviceMinutes", 90);

        SpecificRecord decoded = codec.decode(Fixtures.singleObject(earlier, written));

        assertThat(decoded).isInstanceOfSatisfying(MatchCompleted.class, completed -> {
            assertThat(completed.getMatchId()).isEqualTo(SampleEvents.MATCH);
            assertThat(completed.getOccurredAt()).isEqualTo(SampleEvents.SAT_0930);
            assertThat(completed.getVolunteerId()).isEqualTo(SampleEvents.VOLUNTEER);
            assertThat(completed.getOfferId()).isNull();
            assertThat(completed.getServiceMinutes()).isEqualTo(90);
            assertThat(completed.getPeopleReached())
                    .as("default of a field added later")
                    .isEqualTo(1);
            assertThat(completed.getDelivered())
                    .as("default of a field added later")
                    .isNull();
        });
    }

    @Test
    void a_decline_reason_added_by_a_later_release_is_read_as_UNKNOWN() {
        Schema later = Fixtures.schema("versions/MatchDeclined-with-BAD_WEATHER.avsc");
        AvroEventCodec codec = new AvroEventCodec(SchemaCatalog.of(MatchDeclined.getClassSchema(), later));
        MatchDeclined today = SampleEvents.matchDeclined();
        GenericRecord written = new GenericData.Record(later);
        written.put("eventId", today.getEventId().toString());
        written.put("occurredAt", today.getOccurredAt().toEpochMilli());
        written.put("matchId", today.getMatchId().toString());
        written.put("needId", today.getNeedId().toString());
        written.put("communityId", today.getCommunityId().toString());
        written.put("stationId", today.getStationId().toString());
        written.put(
                "declinedBy",
                new GenericData.EnumSymbol(later.getField("declinedBy").schema(), "VOLUNTEER"));
        written.put(
                "reason", new GenericData.EnumSymbol(later.getField("reason").schema(), "BAD_WEATHER"));

        MatchDeclined decoded = (MatchDeclined) codec.decode(Fixtures.singleObject(later, written));

        assertThat(decoded.getReason()).isEqualTo(DeclineReason.UNKNOWN);
        assertThat(decoded.getMatchId()).isEqualTo(today.getMatchId());
        assertThat(decoded.getNote()).isNull();
    }

    @Test
    void garbage_is_not_single_object_encoding() {
        byte[] garbage = "{\"needId\": 42}".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> codec.decode(garbage))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("not Avro single-object encoding: bad magic");
        assertThatThrownBy(() -> codec.decode(new byte[0]))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("not Avro single-object encoding: bad magic");
        assertThatThrownBy(() -> codec.decode(null))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("not Avro single-object encoding");
    }

    @Test
    void a_wrong_second_magic_byte_is_bad_magic() {
        byte[] message = codec.encode(SampleEvents.needClosed());
        message[1] = 0x02;

        assertThatThrownBy(() -> codec.decode(message))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("not Avro single-object encoding: bad magic C3 02, expected C3 01");
    }

    @Test
    void a_schema_version_the_catalog_does_not_keep_is_an_unknown_fingerprint() {
        AvroEventCodec onlyNeeds = new AvroEventCodec(SchemaCatalog.of(NeedPublished.getClassSchema()));
        byte[] completion = codec.encode(SampleEvents.matchCompleted());
        long fingerprint = SchemaNormalization.parsingFingerprint64(MatchCompleted.getClassSchema());

        assertThatThrownBy(() -> onlyNeeds.decode(completion))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith(String.format("unknown schema fingerprint 0x%016x", fingerprint));
    }

    @Test
    void every_cut_short_message_is_reported_as_truncated() {
        byte[] message = codec.encode(SampleEvents.resourceOffered());

        for (int length = 2; length < message.length; length++) {
            byte[] cut = Arrays.copyOf(message, length);
            String expected = length < AvroEventCodec.HEADER_LENGTH ? "truncated header" : "truncated body: ";
            assertThatThrownBy(() -> codec.decode(cut))
                    .as("message cut to %d of %d bytes", length, message.length)
                    .isInstanceOf(UndecodableEventException.class)
                    .hasMessageStartingWith(expected);
        }
    }

    @Test
    void bytes_after_the_body_make_a_corrupt_message() {
        byte[] message = codec.encode(SampleEvents.needClosed());
        byte[] longer = Arrays.copyOf(message, message.length + 3);

        assertThatThrownBy(() -> codec.decode(longer))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessage("corrupt body: org.wushe.hub.events.community.NeedClosed is followed by unexpected bytes");
    }

    @Test
    void a_damaged_body_behind_a_valid_header_is_undecodable_not_a_crash() {
        byte[] message = codec.encode(SampleEvents.needPublished());
        // The first id is a string: its length prefix becomes a negative zig-zag varint.
        message[AvroEventCodec.HEADER_LENGTH] = 0x01;

        assertThatThrownBy(() -> codec.decode(message))
                .isInstanceOf(UndecodableEventException.class)
                .hasMessageStartingWith("corrupt body: org.wushe.hub.events.community.NeedPublished");
    }

    @Test
    void an_event_whose_schema_was_never_recorded_is_refused_before_it_reaches_a_topic() {
        AvroEventCodec onlyNeeds = new AvroEventCodec(SchemaCatalog.of(NeedPublished.getClassSchema()));

        assertThatThrownBy(() -> onlyNeeds.encode(SampleEvents.matchCompleted()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("org.wushe.hub.events.matching.MatchCompleted")
                .hasMessageContaining("not a schema version kept in the catalog");
    }

    @Test
    void one_codec_serves_many_threads() throws Exception {
        List<SpecificRecord> events = SampleEvents.all();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Integer>> work = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                work.add(() -> {
                    int checked = 0;
                    for (int round = 0; round < 200; round++) {
                        for (SpecificRecord event : events) {
                            assertThat(codec.decode(codec.encode(event))).isEqualTo(event);
                            checked++;
                        }
                    }
                    return checked;
                });
            }
            int total = 0;
            for (Future<Integer> done : pool.invokeAll(work)) {
                total += done.get();
            }
            assertThat(total).isEqualTo(8 * 200 * events.size());
        } finally {
            pool.shutdownNow();
        }
    }
}
