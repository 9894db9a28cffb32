package org.wushe.hub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.avro.JsonProperties;
import org.apache.avro.LogicalType;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** The conventions of STYLE.md that a schema can break without breaking compatibility. */
class SchemaConventionsTest {

    private static final String EVENTS = "org.wushe.hub.events.";

    /** The only doubles: scores and coarse coordinates. Money is never a double. */
    private static final Set<String> DOUBLES = Set.of(
            EVENTS + "matching.MatchProposed.score",
            EVENTS + "matching.ScoreComponent.weight",
            EVENTS + "matching.ScoreComponent.value",
            EVENTS + "common.Place.latitude",
            EVENTS + "common.Place.longitude");

    private final List<Schema> events = SchemaWalker.currentEvents(SchemaCatalog.load());
    private final Map<String, Schema> namedTypes = SchemaWalker.namedTypes(events);

    @Test
    void every_event_opens_with_its_id_and_the_time_it_occurred() {
        assertThat(events).allSatisfy(event -> {
            assertThat(event.getFields().get(0).name()).as(event.getName()).isEqualTo("eventId");
            assertThat(logicalType(event.getFields().get(0).schema())).isEqualTo(LogicalTypes.uuid());
            assertThat(event.getFields().get(1).name()).as(event.getName()).isEqualTo("occurredAt");
            assertThat(logicalType(event.getFields().get(1).schema())).isEqualTo(LogicalTypes.timestampMillis());
        });
    }

    @Test
    void every_event_lives_in_the_namespace_of_its_party() {
        assertThat(events)
                .extracting(Schema::getNamespace)
                .allSatisfy(ns -> assertThat(ns)
                        .isIn(
                                EVENTS + "community",
                                EVENTS + "organization",
                                EVENTS + "socialworker",
                                EVENTS + "volunteer",
                                EVENTS + "resource",
                                EVENTS + "matching"));
    }

    @Test
    void every_record_and_enum_is_documented() {
        assertThat(namedTypes.values())
                .allSatisfy(
                        type -> assertThat(type.getDoc()).as(type.getFullName()).isNotBlank());
    }

    @Test
    void every_enum_falls_back_to_UNKNOWN_for_symbols_added_later() {
        assertThat(namedTypes.values())
                .filteredOn(t -> t.getType() == Schema.Type.ENUM)
                .isNotEmpty()
                .allSatisfy(e -> {
                    assertThat(e.getEnumDefault()).as(e.getFullName()).isEqualTo("UNKNOWN");
                    assertThat(e.getEnumSymbols().get(0)).as(e.getFullName()).isEqualTo("UNKNOWN");
                });
    }

    @Test
    void every_optional_field_is_null_first_and_defaults_to_null() {
        forEachField((name, field) -> {
            if (field.schema().getType() == Schema.Type.UNION) {
                assertThat(field.schema().getTypes()).as(name).hasSize(2);
                assertThat(field.schema().getTypes().get(0).getType()).as(name).isEqualTo(Schema.Type.NULL);
                assertThat(field.defaultVal()).as(name).isEqualTo(JsonProperties.NULL_VALUE);
            }
        });
    }

    @Test
    void ids_are_uuid_strings_instants_are_timestamp_millis_and_money_is_long_fen() {
        forEachField((name, field) -> {
            Schema type = nonNull(field.schema());
            String fieldName = field.name();
            if (fieldName.endsWith("Id") || fieldName.endsWith("Ref") || fieldName.equals("id")) {
                assertThat(type.getType()).as(name).isEqualTo(Schema.Type.STRING);
                assertThat(type.getLogicalType()).as(name).isEqualTo(LogicalTypes.uuid());
            }
            if (fieldName.endsWith("Ids")) {
                assertThat(type.getElementType().getLogicalType()).as(name).isEqualTo(LogicalTypes.uuid());
            }
            if (fieldName.endsWith("At")) {
                assertThat(type.getLogicalType()).as(name).isEqualTo(LogicalTypes.timestampMillis());
            }
            if (fieldName.endsWith("On") || fieldName.endsWith("Date")) {
                assertThat(type.getLogicalType()).as(name).isEqualTo(LogicalTypes.date());
            }
            if (fieldName.endsWith("Fen")) {
                assertThat(type.getType()).as(name).isEqualTo(Schema.Type.LONG);
            }
            if (type.getType() == Schema.Type.DOUBLE || type.getType() == Schema.Type.FLOAT) {
                assertThat(name).isIn(DOUBLES);
            }
        });
    }

    @Test
    void time_windows_are_instants_and_weekly_slots_are_local_times_of_day() {
        Schema window = namedTypes.get(EVENTS + "common.TimeWindow");
        Schema slot = namedTypes.get(EVENTS + "common.WeeklySlot");

        assertThat(window.getFields())
                .extracting(f -> logicalType(f.schema()))
                .containsOnly(LogicalTypes.timestampMillis());
        assertThat(slot.getField("start").schema().getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
        assertThat(slot.getField("end").schema().getLogicalType()).isEqualTo(LogicalTypes.timeMillis());
    }

    @Test
    void the_shared_types_are_defined_once_in_common() {
        for (String shared : List.of(
                "Place",
                "TimeWindow",
                "Category",
                "BeneficiaryGroup",
                "Urgency",
                "Skill",
                "Quantity",
                "QuantityUnit",
                "WeeklySlot",
                "Availability",
                "Allocation",
                "NeedDetails")) {
            assertThat(namedTypes).as(shared).containsKey(EVENTS + "common." + shared);
            assertThat(namedTypes.keySet())
                    .filteredOn(n -> n.endsWith("." + shared))
                    .as(shared)
                    .hasSize(1);
        }
    }

    private void forEachField(java.util.function.BiConsumer<String, Schema.Field> check) {
        SchemaWalker.records(events)
                .forEach((recordName, record) ->
                        record.getFields().forEach(field -> check.accept(recordName + "." + field.name(), field)));
    }

    private static Schema nonNull(Schema schema) {
        return schema.getType() == Schema.Type.UNION ? schema.getTypes().get(1) : schema;
    }

    private static LogicalType logicalType(Schema schema) {
        return nonNull(schema).getLogicalType();
    }
}
