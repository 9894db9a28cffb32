package org.wushe.hub.platform.privacy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Encrypts personal data at rest, field by field, with AES-256-GCM. Each value gets a fresh 96-bit nonce
 * and is bound to its place (e.g. {@code volunteer/<id>/name}) as associated data, so a ciphertext copied
 * to another row or column does not decrypt. Layout: version byte, nonce, ciphertext + tag. A second key
 * derived from the same secret makes keyed hashes (HMAC-SHA-256) for equality look-ups (a unique phone).
 * Both keys are derived from the 256-bit secret and a {@code purpose} of the service's own, so two services
 * given the same secret by mistake still do not share keys.
 */
public final class FieldCipher {

    private static final byte VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKeySpec encryptionKey;
    private final SecretKeySpec hashKey;
    private final SecureRandom random = new SecureRandom();

    /**
     * @param key     the 256-bit secret
     * @param purpose what the values are, e.g. {@code wushe-volunteer}: part of the derivation of both keys
     */
    public FieldCipher(byte[] key, String purpose) {
        if (key == null || key.length != 32) {
            throw new IllegalArgumentException(
                    "the " + purpose + " data key must be 256 bits (32 bytes, base64 encoded)");
        }
        this.encryptionKey = new SecretKeySpec(derive(key, purpose + "-encryption-v1"), "AES");
        this.hashKey = new SecretKeySpec(derive(key, purpose + "-lookup-hmac-v1"), "HmacSHA256");
    }

    public static FieldCipher fromBase64(String key, String purpose) {
        byte[] decoded;
        try {
            decoded = Base64.getDecoder().decode(key.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the " + purpose + " data key is not valid base64");
        }
        return new FieldCipher(decoded, purpose);
    }

    /** The sealed value, or null for null. */
    public byte[] encrypt(String plaintext, String context) {
        return plaintext == null ? null : encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context);
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

    /** The text, or null for null. */
    public String decryptText(byte[] sealed, String context) {
        return sealed == null ? null : new String(decrypt(sealed, context), StandardCharsets.UTF_8);
    }

    /** @throws IllegalStateException when the value was tampered with, moved, or sealed with another key */
    public byte[] decrypt(byte[] sealed, String context) {
        if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 || sealed[0] != VERSION) {
            throw new IllegalStateException("not a sealed value of version " + VERSION + " (" + context + ")");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
            cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(
                    "a sealed value does not authenticate (" + context + "): wrong key or tampered");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available", e);
        }
    }

    /** Keyed hash for equality look-ups: stable, and useless without the key. */
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
