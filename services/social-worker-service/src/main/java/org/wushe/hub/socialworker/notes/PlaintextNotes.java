package org.wushe.hub.socialworker.notes;

import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seals the notes earlier versions kept as plaintext (migration V3 added the sealed columns): at start-up,
 * before the service answers, each row whose plaintext column is set gets its sealed value and the plaintext is
 * cleared, in batches, each in its own transaction. Idempotent: a second run finds nothing.
 */
@Component
public class PlaintextNotes implements InitializingBean {

    private static final Logger log = LoggerFactory.getLogger(PlaintextNotes.class);
    private static final int BATCH = 500;

    private record Row(UUID id, String text) {}

    private final JdbcClient jdbc;
    private final NoteSeal seal;
    private final TransactionTemplate tx;

    public PlaintextNotes(JdbcClient jdbc, NoteSeal seal, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.seal = seal;
        this.tx = tx;
    }

    @Override
    public void afterPropertiesSet() {
        int sealed = sealAll();
        if (sealed > 0) {
            log.info("Sealed {} plaintext note(s) of an earlier version", sealed);
        }
    }

    /** Seals every plaintext note; the number sealed. */
    public int sealAll() {
        int total = 0;
        for (NoteSeal.Place place : NoteSeal.Place.values()) {
            int n;
            do {
                n = tx.execute(status -> batch(place));
                total += n;
            } while (n == BATCH);
        }
        return total;
    }

    private int batch(NoteSeal.Place place) {
        List<Row> rows = jdbc.sql("SELECT id, " + place.column + " AS plain FROM " + place.table + " WHERE "
                        + place.column + " IS NOT NULL LIMIT " + BATCH + " FOR UPDATE")
                .query((rs, i) -> new Row(rs.getObject("id", UUID.class), rs.getString("plain")))
                .list();
        for (Row r : rows) {
            jdbc.sql("UPDATE " + place.table + " SET " + place.column + "_sealed = :sealed, " + place.column
                            + " = NULL WHERE id = :id")
                    .param("sealed", seal.seal(place, r.id(), r.text()))
                    .param("id", r.id())
                    .update();
        }
        return rows.size();
    }
}
