package org.wushe.hub.community.need;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A need another service asked for (e.g. a social worker's VisitRaisedNeed) that breaks the rules a
 * need published over REST must follow. Its message names every broken rule by field, and becomes the
 * dead letter's reason; like the problem responses, it never repeats a value.
 */
public class NeedRefused extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public NeedRefused(String what, List<Violation> violations) {
        super(what + " refused: "
                + violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
