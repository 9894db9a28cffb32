package org.wushe.hub.schemas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.avro.Schema;
import org.apache.avro.SchemaNormalization;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.events.community.NeedPublished;
import org.wushe.hub.events.matching.MatchCompleted;
import org.wushe.hub.schemas.compat.HistoryIndexWriter;

class SchemaCatalogTest {

    private static final String EVENTS = "org.wushe.hub.events.";

    private final SchemaCatalog catalog = SchemaCatalog.load();

    @Test
    void the_packaged_catalog_holds_every_event_of_the_contract() {
        assertThat(catalog.fullNames())
                .contains(
                        EVENTS + "community.CommunityRegistered",
                        EVENTS + "community.StationRegistered",
                        EVENTS + "community.NeedPublished",
                        EVENTS + "community.NeedUpdated",
                        EVENTS + "community.NeedClosed",
                        EVENTS + "organization.OrganizationRegistered",
                        EVENTS + "socialworker.SocialWorkerRegistered",
                        EVENTS + "socialworker.SocialWorkerCertified",
                        EVENTS + "volunteer.VolunteerRegistered",
                        EVENTS + "volunteer.VolunteerAvailabilityDeclared",
                        EVENTS + "resource.DonorRegistered",
                        EVENTS + "resource.ResourceOffered",
                        EVENTS + "resource.ResourceReserved",
                        EVENTS + "resource.ResourceReleased",
                        EVENTS + "resource.ResourceReservationFailed",
                        EVENTS + "matching.MatchProposed",
                        EVENTS + "matching.MatchAccepted",
                        EVENTS + "matching.MatchDeclined",
                        EVENTS + "matching.MatchCompleted");
    }

    @Test
    void the_sample_events_cover_every_event_in_the_catalog() {
        assertThat(SampleEvents.all())
                .extracting(e -> e.getSchema().getFullName())
                .containsExactlyInAnyOrderElementsOf(catalog.fullNames());
    }

    @Test
    void the_newest_kept_version_of_each_event_is_what_its_generated_class_writes() {
        for (String fullName : catalog.fullNames()) {
            List<Schema> versions = catalog.versions(fullName);
            Schema newest = versions.get(versions.size() - 1);
            Schema generated = SpecificData.get().getSchema(catalog.currentClass(fullName));

            assertThat(catalog.fingerprint(generated)).as(fullName).isEqualTo(catalog.fingerprint(newest));
        }
    }

    @Test
    void a_writer_schema_is_found_by_its_fingerprint() {
        long fingerprint = SchemaNormalization.parsingFingerprint64(NeedPublished.getClassSchema());

        assertThat(catalog.fingerprint(NeedPublished.getClassSchema())).isEqualTo(fingerprint);
        assertThat(catalog.writerSchema(fingerprint)).map(Schema::getFullName).contains(NeedPublished.class.getName());
        assertThat(catalog.writerSchema(fingerprint + 1)).isEmpty();
    }

    @Test
    void the_current_class_of_an_event_is_its_generated_class() {
        Class<? extends SpecificRecord> type = catalog.currentClass(NeedPublished.class.getName());

        assertThat(type).isEqualTo(NeedPublished.class);
        assertThatThrownBy(() -> catalog.currentClass(EVENTS + "community.NeedForgotten"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown event type");
        assertThat(catalog.versions(EVENTS + "community.NeedForgotten")).isEmpty();
    }

    @Test
    void a_catalog_of_explicit_schemas_keeps_their_order_as_the_version_order() {
        Schema earlier = Fixtures.schema("versions/MatchCompleted-before-peopleReached.avsc");
        Schema current = MatchCompleted.getClassSchema();

        SchemaCatalog explicit = SchemaCatalog.of(earlier, current);

        assertThat(explicit.versions(MatchCompleted.class.getName())).containsExactly(earlier, current);
        assertThat(explicit.writerSchema(explicit.fingerprint(earlier))).contains(earlier);
        assertThat(explicit.currentClass(MatchCompleted.class.getName())).isEqualTo(MatchCompleted.class);
        assertThat(explicit.fullNames()).containsExactly(MatchCompleted.class.getName());
    }

    @Test
    void the_packaged_index_is_generated_from_the_history_folder() throws Exception {
        List<String> packaged;
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                getClass().getClassLoader().getResourceAsStream(HistoryLayout.INDEX_RESOURCE),
                StandardCharsets.UTF_8))) {
            packaged = reader.lines().filter(l -> !l.startsWith("#")).collect(Collectors.toList());
        }

        assertThat(packaged)
                .isNotEmpty()
                .containsExactlyElementsOf(
                        HistoryIndexWriter.list(Fixtures.moduleDir().resolve("src/main/history")));
        assertThat(packaged)
                .allSatisfy(entry -> assertThat(
                                getClass().getClassLoader().getResource(HistoryLayout.RESOURCE_ROOT + entry))
                        .as(entry)
                        .isNotNull());
    }
}
