package org.wushe.hub.community.resident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ResidentCipherTest {

    private final ResidentCipher cipher = new ResidentCipher(key());

    @Test
    void aSealedValueOpensOnlyWithItsKeyAndInItsPlace() {
        byte[] sealed = cipher.encrypt("王秀英", "resident/1/name");

        assertThat(new String(sealed, StandardCharsets.UTF_8)).doesNotContain("王秀英");
        assertThat(cipher.decryptText(sealed, "resident/1/name")).isEqualTo("王秀英");
        assertThatThrownBy(() -> cipher.decryptText(sealed, "resident/2/name"))
                .hasMessageContaining("does not authenticate")
                .hasMessageNotContaining("王秀英");
        assertThatThrownBy(() -> new ResidentCipher(key()).decryptText(sealed, "resident/1/name"))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void aTamperedValueIsRefused() {
        byte[] sealed = cipher.encrypt("13912345678", "resident/1/phone");
        sealed[sealed.length - 3] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(sealed, "resident/1/phone")).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theSameValueSealsDifferentlyEachTimeButHashesTheSame() {
        assertThat(cipher.encrypt("x", "c")).isNotEqualTo(cipher.encrypt("x", "c"));
        assertThat(cipher.lookupHash("110112193001010014"))
                .isEqualTo(cipher.lookupHash("110112193001010014"))
                .isNotEqualTo(new ResidentCipher(key()).lookupHash("110112193001010014"))
                .hasSize(32);
        assertThat(cipher.encrypt((String) null, "c")).isNull();
    }

    @Test
    void aKeyMustBe256BitsOfBase64() {
        assertThatThrownBy(() -> ResidentCipher.fromBase64(Base64.getEncoder().encodeToString(new byte[16])))
                .hasMessageContaining("256 bits");
        assertThatThrownBy(() -> ResidentCipher.fromBase64("not base64 !")).hasMessageContaining("base64");
    }

    @Test
    void withoutAConfiguredKeyOneIsGeneratedOnceIntoAnOwnerOnlyFile(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("community").resolve("resident.key");

        String first = ResidentKeys.localKey(file);
        String second = ResidentKeys.localKey(file);

        assertThat(first).isEqualTo(second);
        assertThat(Base64.getDecoder().decode(first)).hasSize(32);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .isEqualTo("rw-------");
        }
        assertThat(ResidentCipher.fromBase64(first)
                        .decryptText(ResidentCipher.fromBase64(second).encrypt("a", "b"), "b"))
                .isEqualTo("a");
    }

    private static byte[] key() {
        byte[] k = new byte[32];
        new SecureRandom().nextBytes(k);
        return k;
    }
}
