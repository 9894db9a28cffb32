package org.wushe.hub.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Java agent put into every child JVM the hub starts ({@code -javaagent:parent-watch.jar=<pid>}): when
 * the parent process is gone — also when it was killed with SIGKILL and ran no shutdown hook — the child
 * exits by itself, through {@link System#exit} so that the service's own graceful shutdown runs. Without
 * it a killed {@code deploy/local/start} would leave six service JVMs behind.
 *
 * <p>The agent needs nothing but this class; {@link #agentJar()} writes the jar that carries it (once
 * per content, into the temp directory), so it works from the exec jar and from a test class path alike.
 */
public final class ParentWatch {

    static final Duration POLL = Duration.ofMillis(500);
    /**
     * A service that does not finish its shutdown in this time is halted: with its parent gone, Kafka and
     * PostgreSQL (which ran in or beside the parent) usually are too, and closing clients would only wait.
     */
    static final Duration EXIT_GRACE = Duration.ofSeconds(5);

    private ParentWatch() {}

    /** Agent entry point; {@code args} is the pid of the process to outlive by at most a poll. */
    public static void premain(String args) {
        long pid;
        try {
            pid = Long.parseLong(args == null ? "" : args.trim());
        } catch (NumberFormatException e) {
            System.err.println("[parent-watch] no parent pid given (-javaagent:parent-watch.jar=<pid>); not watching");
            return;
        }
        Optional<ProcessHandle> parent = ProcessHandle.of(pid);
        if (parent.isEmpty()) {
            System.err.println("[parent-watch] parent " + pid + " is already gone: exiting");
            Runtime.getRuntime().halt(143);
        }
        ProcessHandle watched = parent.get();
        Thread watch = new Thread(
                () -> {
                    while (watched.isAlive()) {
                        try {
                            Thread.sleep(POLL.toMillis());
                        } catch (InterruptedException e) {
                            return;
                        }
                    }
                    System.err.println("[parent-watch] parent process " + pid + " is gone: shutting down");
                    Thread halt = new Thread(
                            () -> {
                                try {
                                    Thread.sleep(EXIT_GRACE.toMillis());
                                } catch (InterruptedException ignored) {
                                    // exiting anyway
                                }
                                Runtime.getRuntime().halt(143);
                            },
                            "wushe-parent-watch-halt");
                    halt.setDaemon(true);
                    halt.start();
                    System.exit(143);
                },
                "wushe-parent-watch");
        watch.setDaemon(true);
        watch.start();
    }

    private static volatile Path jar;

    /** The agent jar: this one class and a manifest naming it {@code Premain-Class}. */
    public static synchronized Path agentJar() {
        if (jar != null && Files.isRegularFile(jar)) {
            return jar;
        }
        String resource = ParentWatch.class.getName().replace('.', '/') + ".class";
        byte[] bytes;
        try (InputStream in = ParentWatch.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("cannot read " + resource + " from the class path");
            }
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path dir = Path.of(System.getProperty("java.io.tmpdir"));
        Path target = dir.resolve("wushe-parent-watch-" + sha256(bytes).substring(0, 16) + ".jar");
        if (!Files.isRegularFile(target)) {
            Manifest manifest = new Manifest();
            manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            manifest.getMainAttributes().put(new Attributes.Name("Premain-Class"), ParentWatch.class.getName());
            try {
                Path tmp = Files.createTempFile(dir, "wushe-parent-watch", ".jar.tmp");
                try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(tmp), manifest)) {
                    out.putNextEntry(new JarEntry(resource));
                    out.write(bytes);
                    out.closeEntry();
                }
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write the parent-watch agent jar into " + dir, e);
            }
        }
        jar = target;
        return target;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
