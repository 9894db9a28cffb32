package org.wushe.hub.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;
import org.wushe.hub.schemas.AvroTrust;
import org.wushe.hub.schemas.SchemaCatalog;

class AggregateTest {

    @Test
    void topicsFollowTheNamingConventionAndDeadLettersSitBesideThem() {
        assertThat(Aggregate.NEED.topic()).isEqualTo("wushe.community.need");
        assertThat(Aggregate.NEED.deadLetterTopic()).isEqualTo("wushe.community.need.dlt");
        assertThat(Arrays.stream(Aggregate.values()).map(Aggregate::topic))
                .allSatisfy(t -> assertThat(t).matches("wushe\\.[a-z]+\\.[a-z]+"))
                .doesNotHaveDuplicates();
    }

    @Test
    void everyEventOfTheContractsBelongsToExactlyOneAggregate() {
        AvroTrust.install();
        SchemaCatalog catalog = SchemaCatalog.load();
        List<Class<? extends SpecificRecord>> events = catalog.fullNames().stream()
                .filter(n -> !n.startsWith("org.wushe.hub.events.common."))
                .<Class<? extends SpecificRecord>>map(catalog::currentClass)
                .filter(c -> c != null && SpecificRecord.class.isAssignableFrom(c))
                .toList();

        assertThat(events)
                .isNotEmpty()
                .allSatisfy(event -> assertThat(Arrays.stream(Aggregate.values())
                                .filter(a -> a.carries(event))
                                .count())
                        .as("aggregates carrying %s", event.getSimpleName())
                        .isEqualTo(1L));
    }

    @Test
    void anAggregateIsFoundByItsOutboxType() {
        assertThat(Aggregate.ofType("matching.match")).contains(Aggregate.MATCH);
        assertThat(Aggregate.ofType("nope.nope")).isEmpty();
    }
}
