package org.wushe.hub.community.resident;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts residents' personal data at rest with AES-256-GCM. Each value gets a fresh 96-bit nonce
 * and is bound to its place (e.g. {@code resident/<id>/name}) as associated data, so a ciphertext
 * copied to another row or column does not decrypt. Layout: version byte, nonce, ciphertext + tag.
 * A separate key derived from the same secret makes keyed hashes (HMAC-SHA-256) for look-ups.
 */
public final class ResidentCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    public ResidentCipher(byte[] key) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException("the resident data key must be 256 bits (32 bytes, base64 encoded)");
        }
        this.encryptionKey = new SecretKeySpec(derive(key, "wushe-resident-encryption-v1"), "AES");
        this.hashKey = new SecretKeySpec(derive(key, "wushe-resident-lookup-hmac-v1"), "HmacSHA256");
    }

    public static ResidentCipher fromBase64(String key) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the resident data key is not valid base64");
        }
        return new ResidentCipher(decoded);
    }

    public byte[] encrypt(String plaintext, String context) {
        if (plaintext == null) {
            return null;
        }
        return encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context);
    }

    public byte[] encrypt(byte[] plaintext, String context) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext);
            return ByteBuffer.allocate(1 + NONCE_BYTES + sealed.length)
                    .put(VERSION)
                    .put(nonce)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    public String decryptText(byte[] sealed, String context) {
        return sealed == null ? null : new String(decrypt(sealed, context), StandardCharsets.UTF_8);
    }

    /** @throws IllegalStateException when the value was tampered with, moved, or sealed with another key */
    public byte[] decrypt(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed resident value of version " + VERSION);
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (javax.crypto.AEADBadTagException e) {
            throw new IllegalStateException(
                    "a sealed resident value does not authenticate (" + context + "): wrong key or tampered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Keyed hash for equality look-ups (e.g. the ID number): stable, and useless without the key. */
    public byte[] lookupHash(String value) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(hashKey);
            return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }

    private static byte[] derive(byte[] key, String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return Arrays.copyOf(mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8)), 32);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is not available", e);
        }
    }
}
