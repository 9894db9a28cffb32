package org.wushe.hub.matching.engine;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.wushe.hub.events.common.Skill;

/** A set of skills as a bitmask of their ordinals (the Skill enum has fewer than 64 symbols). */
final class SkillMask {

    private static final Skill[] ALL = Skill.values();

    static {
        if (ALL.length > 64) {
            throw new IllegalStateException("Skill has more than 64 symbols; SkillMask needs a wider type");
        }
    }

    private SkillMask() {}

    static long of(Collection<Skill> skills) {
        long mask = 0;
        for (Skill s : skills) {
            mask |= 1L << s.ordinal();
        }
        return mask;
    }

    static boolean containsAll(long mask, long required) {
        return (mask & required) == required;
    }

    static List<Skill> list(long mask) {
        List<Skill> out = new ArrayList<>(Long.bitCount(mask));
        for (Skill s : ALL) {
            if ((mask & 1L << s.ordinal()) != 0) {
                out.add(s);
            }
        }
        return out;
    }
}
