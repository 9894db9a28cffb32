package org.wushe.hub.platform.i18n;

import java.util.Arrays;
import java.util.List;
import org.springframework.context.MessageSourceResolvable;

/**
 * A text of the catalogue not yet put into words: its code and arguments. An argument that is itself a
 * {@code Text} (a role's name) or a list of them is put into the same language as the text around it, so a
 * Chinese sentence holds Chinese names and its English beside it English ones.
 */
public record Text(String code, List<Object> args) implements MessageSourceResolvable {

    public Text {
        args = List.copyOf(args);
    }

    public static Text of(String code, Object... args) {
        return new Text(code, Arrays.asList(args));
    }

    /** In the current request's language (see {@link Messages}). */
    public String resolve() {
        return Messages.text(code, args.toArray());
    }

    @Override
    public String[] getCodes() {
        return new String[] {code};
    }

    @Override
    public Object[] getArguments() {
        return args.toArray();
    }

    @Override
    public String toString() {
        return resolve();
    }
}
