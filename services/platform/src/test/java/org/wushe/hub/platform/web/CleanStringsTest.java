package org.wushe.hub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CleanStringsTest {

    @Test
    void oddButStorableTextIsKept() {
        for (String ok : new String[] {
            "",
            "邻里👩‍👩‍👧‍👦互助",
            "社区\u202Egnp.exe",
            "志\u200B愿\u200D者",
            "𠀀𪚥",
            "a\tb\nc\u0007",
            "x'); DROP TABLE t; --"
        }) {
            assertThat(CleanStrings.problem(ok)).as(ok).isNull();
        }
        assertThat(CleanStrings.problem(null)).isNull();
    }

    @Test
    void nulAndBrokenSurrogatePairsAreNamed() {
        assertThat(CleanStrings.problem("社区\u0000名")).contains("NUL").contains("at 2");
        assertThat(CleanStrings.problem("a\uD800b")).contains("surrogate").contains("at 1");
        assertThat(CleanStrings.problem("a\uDC00")).contains("surrogate");
        assertThat(CleanStrings.problem("\uD83D")).contains("surrogate");
    }
}
