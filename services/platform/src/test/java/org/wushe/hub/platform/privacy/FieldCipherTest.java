package org.wushe.hub.platform.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.wushe.hub.platform.web.InvalidInputException;

class FieldCipherTest {

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }

    @Test
    void sealsAndOpensBoundToItsPlace() {
        FieldCipher cipher = new FieldCipher(key(), "test");
        byte[] sealed = cipher.encrypt("独居老人 张", "note/1/text");
        assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("张");
        assertThat(cipher.decryptText(sealed, "note/1/text")).isEqualTo("独居老人 张");
        assertThatThrownBy(() -> cipher.decryptText(sealed, "note/2/text")).isInstanceOf(IllegalStateException.class);
        assertThat(cipher.encrypt((String) null, "x")).isNull();
    }

    @Test
    void purposesAndKeysDiffer() {
        byte[] k = key();
        byte[] sealed = new FieldCipher(k, "a").encrypt("x", "c");
        assertThatThrownBy(() -> new FieldCipher(k, "b").decrypt(sealed, "c"))
                .isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> new FieldCipher(key(), "a").decrypt(sealed, "c"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(new FieldCipher(k, "a").lookupHash("v")).isEqualTo(new FieldCipher(k, "a").lookupHash("v"));
    }

    @Test
    void localKeyIsMadeOnceOwnerOnly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("svc").resolve("data.key");
        String first = DataKeys.key(null, file, "X_KEY");
        assertThat(DataKeys.key(" ", file, "X_KEY")).isEqualTo(first);
        assertThat(Files.getPosixFilePermissions(file))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(FieldCipher.fromBase64(first, "p")).isNotNull();
        assertThat(DataKeys.key("configured", file, "X_KEY")).isEqualTo("configured");
    }

    @Test
    void aReasonIsRequired() {
        assertThatThrownBy(() -> ReadReasons.require("reason", " "))
                .isInstanceOf(InvalidInputException.class)
                .hasMessageContaining("required");
        assertThatThrownBy(() -> ReadReasons.require("reason", "x".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
        assertThat(ReadReasons.require("reason", " 入户探访 ")).isEqualTo("入户探访");
    }
}
