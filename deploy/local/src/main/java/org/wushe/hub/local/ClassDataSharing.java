package org.wushe.hub.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Faster starts for the services of {@code deploy/local/start}: each exec jar is extracted once
 * (Spring Boot's {@code -Djarmode=tools extract}: the application jar with its libraries beside it,
 * which starts quicker than nested jars), and after the first run is up, each service is started once
 * more as a training run — Spring's {@code -Dspring.context.exit=onRefresh}: the application context is
 * built, nothing is started, the JVM exits — that writes a class data sharing archive of every class it
 * loaded ({@code -XX:ArchiveClassesAtExit}). Later runs map the archive ({@code -XX:SharedArchiveFile})
 * instead of loading and verifying those classes again; on two cores that about halves a service's start.
 * (Archiving a running service with {@code jcmd VM.cds dynamic_dump} would save the extra JVM, but
 * Temurin 25 crashed in {@code LambdaProxyClassDictionary} after such dumps, so the hub does not use it.)
 *
 * <p>The cache is keyed by the exec jar (path, size, time) and the JVM's version, so a rebuilt jar or
 * another JDK starts over. The {@link ParentWatch} agent runs in every service, so archiving has to
 * allow Java agents ({@code AllowArchivingWithJavaAgent}, a diagnostic option; the JVM warns that such
 * an archive is for testing: it is only ever used on this machine, by this hub). When anything goes
 * wrong the service runs from its exec jar or the extracted jar, as usual.
 */
final class ClassDataSharing {

    /**
     * What to run: the jar and the JVM options that go with it. Without an archive yet, {@code training}
     * is where a training run ({@link #trainingOptions()}) writes one; {@link #keep} puts it in place.
     */
    record Image(Path jar, List<String> jvmOptions, boolean archived, Path training, Path archive) {

        static Image plain(Path jar) {
            return new Image(jar, List.of(), false, null, null);
        }

        boolean trains() {
            return training != null;
        }

        /** JVM options of the training run: build the context, exit, write the archive. */
        List<String> trainingOptions() {
            List<String> options = new java.util.ArrayList<>(ALLOW_AGENT);
            options.add("-XX:ArchiveClassesAtExit=" + training);
            options.add("-Xlog:cds=off");
            options.add("-Dspring.context.exit=onRefresh");
            return options;
        }

        /** After the training run: its archive becomes the one used if the run ended well, else it is dropped. */
        boolean keep(int exitCode) {
            try {
                if (exitCode == 0 && Files.isRegularFile(training) && Files.size(training) > 0) {
                    Files.move(training, archive, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                    return true;
                }
                Files.deleteIfExists(training);
            } catch (IOException e) {
                // No archive this time: the next run trains again.
            }
            return false;
        }
    }

    private static final List<String> ALLOW_AGENT =
            List.of("-XX:+UnlockDiagnosticVMOptions", "-XX:+AllowArchivingWithJavaAgent");

    private ClassDataSharing() {}

    /**
     * Extracts {@code execJar} into {@code cache/<name>/} unless done for this very jar already, and says
     * how to run it. Falls back to the exec jar (no options) when extraction fails.
     */
    static Image prepare(Path cache, String name, Path execJar, Path java) {
        Path dir = cache.resolve(name);
        Path app = dir.resolve("app");
        Path stampFile = dir.resolve("stamp");
        try {
            String stamp = execJar.toAbsolutePath() + " " + Files.size(execJar) + " "
                    + Files.getLastModifiedTime(execJar).toMillis() + " " + System.getProperty("java.vm.version")
                    + "\n";
            if (!Files.exists(stampFile)
                    || !Files.readString(stampFile, StandardCharsets.UTF_8).equals(stamp)) {
                delete(dir);
                Files.createDirectories(dir);
                Process extract = new ProcessBuilder(
                                java.toString(),
                                "-Djarmode=tools",
                                "-jar",
                                execJar.toAbsolutePath().toString(),
                                "extract",
                                "--destination",
                                app.toString())
                        .redirectErrorStream(true)
                        .redirectOutput(dir.resolve("extract.log").toFile())
                        .start();
                if (!extract.waitFor(180, TimeUnit.SECONDS) || extract.exitValue() != 0) {
                    extract.destroyForcibly();
                    return Image.plain(execJar);
                }
                Files.writeString(stampFile, stamp, StandardCharsets.UTF_8);
            }
            Path jar = app.resolve(execJar.getFileName());
            if (!Files.isRegularFile(jar)) {
                return Image.plain(execJar);
            }
            Path archive = dir.resolve("classes.jsa");
            Path training = dir.resolve("classes.jsa.training");
            boolean archived = Files.isRegularFile(archive) && Files.size(archive) > 0;
            Files.deleteIfExists(training);
            if (!archived) {
                return new Image(jar, List.of(), false, training, archive);
            }
            List<String> options = new java.util.ArrayList<>(ALLOW_AGENT);
            options.add("-XX:SharedArchiveFile=" + archive);
            // Notes on classes an archive cannot hold (old class file versions, generated accessors) are noise in the
            // service log.
            options.add("-Xlog:cds=off");
            return new Image(jar, List.copyOf(options), true, null, archive);
        } catch (IOException e) {
            return Image.plain(execJar);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Image.plain(execJar);
        }
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
