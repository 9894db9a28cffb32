package org.wushe.hub.resource.common;

import java.util.List;
import org.wushe.hub.platform.i18n.Messages;
import org.wushe.hub.platform.web.InvalidInputException;

/**
 * The Avro enums double as API enums. Their {@code UNKNOWN} symbol is what an old reader sees for a
 * symbol added later; nobody may write it on purpose.
 */
public final class Enums {

    private Enums() {}

    public static <E extends Enum<E>> E known(E value, String field) {
        if (value != null && value.name().equals("UNKNOWN")) {
            throw new InvalidInputException(field, Messages.text("enum.unknown-chosen"));
        }
        return value;
    }

    public static <E extends Enum<E>> List<E> allKnown(List<E> values, String field) {
        if (values == null) {
            return List.of();
        }
        for (int i = 0; i < values.size(); i++) {
            known(values.get(i), field + "[" + i + "]");
        }
        return List.copyOf(values);
    }
}
