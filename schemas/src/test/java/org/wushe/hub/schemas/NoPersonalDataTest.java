package org.wushe.hub.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.apache.avro.LogicalTypes;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/**
 * Residents' personal information (PIPL) never travels in events: no name, phone, ID number,
 * exact address, birth date, health or income detail. A resident is only {@code residentRef}.
 */
class NoPersonalDataTest {

    /** Fragments that mark personal data in a field name, matched case-insensitively anywhere in it. */
    private static final List<String> DENIED_FRAGMENTS = List.of(
            "name",
            "phone",
            "mobile",
            "tel",
            "email",
            "wechat",
            "qq",
            "idnumber",
            "idcard",
            "idno",
            "identity",
            "passport",
            "hukou",
            "address",
            "streetaddress",
            "housenumber",
            "doornumber",
            "room",
            "building",
            "birth",
            "gender",
            "sex",
            "ethnic",
            "nationality",
            "health",
            "diagnos",
            "disease",
            "illness",
            "medical",
            "disab",
            "income",
            "salary",
            "wage",
            "bankaccount",
            "bankcard",
            "pension",
            "dibao",
            "latitude",
            "longitude",
            "photo",
            "fingerprint");

    /** Whole camel-case words that mark personal data ("age" alone, not "usage" or "language"). */
    private static final List<String> DENIED_WORDS = List.of("age", "lat", "lon", "lng");

    private static final String EVENTS = "org.wushe.hub.events.";

    /** Fields that match the denylist on purpose, per record, with the reason. */
    private static final Map<String, Set<String>> ALLOWED = Map.of(
            // Public names of institutions, never of a person.
            EVENTS + "community.CommunityRegistered", Set.of("name"),
            EVENTS + "community.StationRegistered", Set.of("name"),
            EVENTS + "organization.OrganizationRegistered", Set.of("name"),
            EVENTS + "resource.DonorRegistered", Set.of("name"),
            // The centre of a coarse cell, rounded to about 1 km.
            EVENTS + "common.Place", Set.of("latitude", "longitude"));

    @Test
    void no_event_carries_a_field_that_looks_like_personal_data() {
        List<Schema> events = SchemaWalker.currentEvents(SchemaCatalog.load());

        assertThat(violations(events)).isEmpty();
    }

    @Test
    void the_denylist_catches_a_residents_name_phone_address_birth_and_income() {
        Schema leaky = new Schema.Parser().parse("""
                {"type": "record", "name": "LeakyNeed", "namespace": "org.wushe.hub.events.community", "fields": [
                  {"name": "residentName", "type": "string"},
                  {"name": "phoneNumber", "type": "string"},
                  {"name": "idCardNo", "type": "string"},
                  {"name": "streetAddress", "type": "string"},
                  {"name": "dateOfBirth", "type": "string"},
                  {"name": "age", "type": "int"},
                  {"name": "monthlyIncomeFen", "type": "long"},
                  {"name": "language", "type": "string"},
                  {"name": "name", "type": "string"}
                ]}""");

        assertThat(violations(List.of(leaky)))
                .containsExactly(
                        "org.wushe.hub.events.community.LeakyNeed.residentName",
                        "org.wushe.hub.events.community.LeakyNeed.phoneNumber",
                        "org.wushe.hub.events.community.LeakyNeed.idCardNo",
                        "org.wushe.hub.events.community.LeakyNeed.streetAddress",
                        "org.wushe.hub.events.community.LeakyNeed.dateOfBirth",
                        "org.wushe.hub.events.community.LeakyNeed.age",
                        "org.wushe.hub.events.community.LeakyNeed.monthlyIncomeFen",
                        "org.wushe.hub.events.community.LeakyNeed.name");
    }

    @Test
    void a_resident_appears_only_as_residentRef_an_opaque_uuid() {
        List<Schema> events = SchemaWalker.currentEvents(SchemaCatalog.load());
        List<String> residentFields = new ArrayList<>();

        SchemaWalker.records(events)
                .forEach((recordName, record) -> record.getFields().stream()
                        .filter(f -> f.name().toLowerCase(Locale.ROOT).contains("resident"))
                        .forEach(f -> {
                            residentFields.add(recordName + "." + f.name());
                            if (f.name().equals("residentRef")) {
                                Schema id = f.schema().isNullable()
                                        ? f.schema().getTypes().get(1)
                                        : f.schema();
                                assertThat(id.getLogicalType())
                                        .as(recordName + ".residentRef")
                                        .isEqualTo(LogicalTypes.uuid());
                            }
                        }));

        assertThat(residentFields)
                .containsExactlyInAnyOrder(
                        EVENTS + "common.NeedDetails.residentRef",
                        // An aggregate count of a community, not a person.
                        EVENTS + "community.CommunityRegistered.residentCount",
                        // Counts per beneficiary group of the residents an activity expects to serve, never who.
                        EVENTS + "common.ActivityDetails.residentsServed");
    }

    private static List<String> violations(List<Schema> roots) {
        List<String> violations = new ArrayList<>();
        SchemaWalker.records(roots).forEach((recordName, record) -> {
            for (Schema.Field field : record.getFields()) {
                if (looksPersonal(field.name())
                        && !ALLOWED.getOrDefault(recordName, Set.of()).contains(field.name())) {
                    violations.add(recordName + "." + field.name());
                }
            }
        });
        return violations;
    }

    private static boolean looksPersonal(String fieldName) {
        String lower = fieldName.toLowerCase(Locale.ROOT);
        if (DENIED_FRAGMENTS.stream().anyMatch(lower::contains)) {
            return true;
        }
        for (String word : fieldName.split("(?<=[a-z0-9])(?=[A-Z])")) {
            if (DENIED_WORDS.contains(word.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
