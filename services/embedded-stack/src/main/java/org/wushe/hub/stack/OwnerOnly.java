package org.wushe.hub.stack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

/**
 * Files and directories of the local stack that only the user running it may read: directories mode
 * 0700 (the data, the logs), secrets mode 0600. On a file system without POSIX permissions the modes are
 * left as they are.
 */
public final class OwnerOnly {

    public static final Set<PosixFilePermission> DIRECTORY = PosixFilePermissions.fromString("rwx------");
    public static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {}

    /** Creates {@code dir} (and missing parents) and makes it mode 0700, also when it existed before. */
    public static Path directory(Path dir) {
        try {
            Files.createDirectories(dir);
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, DIRECTORY);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
    }

    /**
     * A random secret of {@code bytes} bytes, made once into {@code file} (mode 0600; created with that
     * mode, so it is never readable by others, not even for a moment) and read from it afterwards.
     */
    public static String secret(Path file, int bytes) {
        try {
            if (Files.exists(file)) {
                if (posix(file)) {
                    Files.setPosixFilePermissions(file, FILE);
                }
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.createDirectories(file.toAbsolutePath().getParent());
            byte[] b = new byte[bytes];
            new SecureRandom().nextBytes(b);
            String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(b);
            try {
                if (posix(file.toAbsolutePath().getParent())) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return Files.readString(file, StandardCharsets.US_ASCII).strip();
            }
            Files.writeString(file, encoded + "\n", StandardCharsets.US_ASCII);
            return encoded;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create " + file, e);
        }
    }

    private static boolean posix(Path p) {
        return p.getFileSystem().supportedFileAttributeViews().contains("posix");
    }
}
