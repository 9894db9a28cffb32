package org.wushe.hub.socialworker.notes;

import java.nio.file.Path;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.wushe.hub.platform.privacy.DataKeys;
import org.wushe.hub.platform.privacy.FieldCipher;

/**
 * Seals and opens notes with the notes key: {@code wushe.socialworker.notes-key} (base64, 256 bits; production
 * sets {@code WUSHE_SOCIALWORKER_NOTES_KEY} from a secret store), or, for a local run without one, a key
 * generated once into {@code <data-dir>/socialworker/notes.key} (0600). Each value is bound to its place, e.g.
 * {@code case_note/<id>/text}: moved to another row it does not open.
 */
@Component
public class NoteSeal {

    /** Where a note lives: its table and column. */
    public enum Place {
        CASE_NOTE("case_note", "text"),
        VISIT("visit", "notes"),
        GROUP_SESSION("group_session", "notes");

        final String table;
        final String column;

        Place(String table, String column) {
            this.table = table;
            this.column = column;
        }

        String context(UUID id) {
            return table + "/" + id + "/" + column;
        }
    }

    private final FieldCipher cipher;

    public NoteSeal(
            @Value("${wushe.socialworker.notes-key:}") String key,
            @Value("${wushe.socialworker.data-dir:${WUSHE_DATA_DIR:.local-data}}") Path dataDir) {
        this.cipher = FieldCipher.fromBase64(
                DataKeys.key(key, dataDir.resolve("socialworker").resolve("notes.key"), "WUSHE_SOCIALWORKER_NOTES_KEY"),
                "wushe-socialworker-notes");
    }

    public byte[] seal(Place place, UUID id, String text) {
        return text == null ? null : cipher.encrypt(text, place.context(id));
    }

    public String open(Place place, UUID id, byte[] sealed) {
        return sealed == null ? null : cipher.decryptText(sealed, place.context(id));
    }
}
