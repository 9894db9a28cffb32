package org.wushe.hub.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What an Idempotency-Key may be, and the problems naming the header (resource- and volunteer-service prove them over HTTP). */
class IdempotencyKeysTest {

    @Test
    void aKeyIsKeptAsSentWithoutSurroundingBlanks() {
        assertThat(IdempotencyKeys.require("9f1c2e4a-7b1d-4c55-a0d2-3e8f6b9a1c07"))
                .isEqualTo("9f1c2e4a-7b1d-4c55-a0d2-3e8f6b9a1c07");
        assertThat(IdempotencyKeys.require(" paper-log-7\t")).isEqualTo("paper-log-7");
        assertThat(IdempotencyKeys.require("k".repeat(100))).hasSize(100);
        assertThat(IdempotencyKeys.optional(null)).isNull();
        assertThat(IdempotencyKeys.optional("order-1")).isEqualTo("order-1");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   "})
    void aMissingOrBlankKeyIsA400NamingTheHeader(String key) {
        assertProblem(() -> IdempotencyKeys.require(key), 400, "required");
        assertProblem(() -> IdempotencyKeys.require(null), 400, "required");
        assertProblem(() -> IdempotencyKeys.optional(key), 400, "required");
    }

    @ParameterizedTest
    @ValueSource(strings = {"order 1", "订单-1", "tab\there", "bell\u0007"})
    void aKeyOfSpacesOrNonAsciiIsA400NamingTheHeader(String key) {
        assertProblem(() -> IdempotencyKeys.require(key), 400, "printable ASCII");
    }

    @Test
    void aKeyLongerThan100IsA400NamingTheHeader() {
        assertProblem(() -> IdempotencyKeys.require("k".repeat(101)), 400, "1 to 100");
    }

    @Test
    void aKeyUsedForADifferentRequestIsA422SayingWhatTheFirstWasWhenAsked() {
        assertThat(IdempotencyKeys.reused("60 minutes on 2026-11-23")).satisfies(e -> {
            assertThat(e.field()).isEqualTo(IdempotencyKeys.HEADER);
            assertThat(e.status()).isEqualTo(422);
            assertThat(e.getMessage())
                    .contains("(60 minutes on 2026-11-23)")
                    .contains("different request")
                    .contains("幂等键");
        });
        assertThat(IdempotencyKeys.reused(null).getMessage())
                .startsWith("该幂等键已用于其他请求，")
                .endsWith("was used for a different request; use a new key for a new request");
    }

    private static void assertProblem(
            org.assertj.core.api.ThrowableAssert.ThrowingCallable call, int status, String says) {
        assertThatThrownBy(call).isInstanceOfSatisfying(InvalidInputException.class, e -> {
            assertThat(e.field()).isEqualTo("Idempotency-Key");
            assertThat(e.status()).isEqualTo(status);
            assertThat(e.getMessage()).contains(says);
        });
    }
}
