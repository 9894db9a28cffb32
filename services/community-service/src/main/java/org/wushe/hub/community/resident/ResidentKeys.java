package org.wushe.hub.community.resident;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.wushe.hub.community.CommunityProperties;

/**
 * Where the resident data key comes from: {@code wushe.community.resident-key} (production: a secret
 * store, via the environment), or, for a local run without one, a key generated once into
 * {@code <data-dir>/community/resident.key} readable by its owner only.
 */
@Configuration(proxyBeanMethods = false)
public class ResidentKeys {

    private static final Logger log = LoggerFactory.getLogger(ResidentKeys.class);

    @Bean
    ResidentCipher residentCipher(CommunityProperties properties) {
        String configured = properties.residentKey();
        if (configured != null && !configured.isBlank()) {
            return ResidentCipher.fromBase64(configured);
        }
        return ResidentCipher.fromBase64(
                localKey(properties.dataDir().resolve("community").resolve("resident.key")));
    }

    /** Reads the local key file, creating it (0600) with a fresh random key the first time. */
    public static String localKey(Path file) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.getParent());
            byte[] key = new byte[32];
            new SecureRandom().nextBytes(key);
            String encoded = Base64.getEncoder().encodeToString(key);
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(
                            file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII, StandardOpenOption.TRUNCATE_EXISTING);
            log.warn(
                    "No wushe.community.resident-key configured: generated a resident data key at {} (owner read/write only). "
                            + "Keep it: residents' data cannot be read without it. Production sets WUSHE_COMMUNITY_RESIDENT_KEY.",
                    file.toAbsolutePath());
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the resident data key file " + file, e);
        }
    }
}
