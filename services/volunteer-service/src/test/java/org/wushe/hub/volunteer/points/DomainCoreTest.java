package org.wushe.hub.volunteer.points;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.wushe.hub.volunteer.availability.Availability;
import org.wushe.hub.volunteer.web.RuleViolation;

/** The domain core (points rules, ledger arithmetic, availability rules) knows nothing of Spring, Kafka or SQL. */
class DomainCoreTest {

    private static final List<Class<?>> CORE = List.of(
            PointsRules.class,
            Award.class,
            RuleViolation.class,
            ServiceDifficulty.class,
            LedgerTransaction.class,
            Posting.class,
            TransactionKind.class,
            SystemAccounts.class,
            AccountState.class,
            InsufficientPointsException.class,
            VolunteerFlag.class,
            Availability.class);

    @Test
    void theDomainCoreImportsNoFrameworkAndNoInfrastructure() throws IOException {
        for (Class<?> type : CORE) {
            Path source = Path.of("src/main/java", type.getName().replace('.', '/') + ".java");
            List<String> imports = Files.readAllLines(source).stream()
                    .filter(l -> l.startsWith("import "))
                    .toList();
            assertThat(imports)
                    .as(type.getSimpleName())
                    .noneMatch(l -> l.contains("org.springframework")
                            || l.contains("org.apache.kafka")
                            || l.contains("io.micrometer")
                            || l.contains("java.sql")
                            || l.contains("org.wushe.hub.platform"));
        }
    }
}
