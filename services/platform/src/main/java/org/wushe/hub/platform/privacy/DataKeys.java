package org.wushe.hub.platform.privacy;

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

/**
 * Where a service's data key comes from: the configured value (production: a secret store, through the
 * environment), or, for a local run without one, a key generated once into a file readable by its owner
 * only (mode 0600).
 */
public final class DataKeys {

    private static final Logger log = LoggerFactory.getLogger(DataKeys.class);

    private DataKeys() {}

    /**
     * The configured base64 key if there is one, else the local key {@code file} (created the first time).
     *
     * @param setting the property or environment variable that would configure it, for the warning
     */
    public static String key(String configured, Path file, String setting) {
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        return localKey(file, setting);
    }

    /** Reads the local key file, creating it (0600) with a fresh random key the first time. */
    public static String localKey(Path file, String setting) {
        try {
            if (Files.exists(file)) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
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
                    "No {} configured: generated a data key at {} (owner read/write only). Keep it: the data it seals cannot be "
                            + "read without it. Production sets {}.",
                    setting,
                    file.toAbsolutePath(),
                    setting);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the data key file " + file, e);
        }
    }
}
