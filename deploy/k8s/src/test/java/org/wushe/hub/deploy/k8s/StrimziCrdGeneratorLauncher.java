package org.wushe.hub.deploy.k8s;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Runs Strimzi's own CRD generator ({@code io.strimzi.crdgenerator.CrdGenerator}, the step of Strimzi's build that
 * writes the CRDs of its release) on Strimzi's API classes, in a JVM of its own (see {@link StrimziSchemas}).
 *
 * <p>From Strimzi 1.0 on, the {@code api} and {@code crd-generator} jars are Java 21 class files, and this build
 * runs on Java 17. The generator only reads the API classes' annotations and getters, so this loader defines every
 * class of the two jars as a Java 17 class file (class-file version 61), and replaces the one Java 21 class the
 * bytecode names, {@code java.lang.MatchException} (the exception of an exhaustive pattern switch, thrown only
 * when no case matches), by {@code java.lang.RuntimeException}, which has the same constructor. The result is
 * checked byte for byte: {@link StrimziSchemas} compares each generated CRD with the SHA-256 of the file in the
 * Strimzi release.
 *
 * <p>Arguments: the jars separated by the path separator, then the generator's own arguments.
 */
public final class StrimziCrdGeneratorLauncher extends ClassLoader {

    private static final int JAVA_17 = 61;

    private final List<JarFile> jars = new ArrayList<>();

    private StrimziCrdGeneratorLauncher(String[] paths) throws IOException {
        super(ClassLoader.getPlatformClassLoader());
        for (String path : paths) {
            jars.add(new JarFile(path));
        }
    }

    public static void main(String[] args) throws Exception {
        StrimziCrdGeneratorLauncher loader = new StrimziCrdGeneratorLauncher(args[0].split(java.io.File.pathSeparator));
        Thread.currentThread().setContextClassLoader(loader);
        Method main = loader.loadClass("io.strimzi.crdgenerator.CrdGenerator").getMethod("main", String[].class);
        main.setAccessible(true);
        main.invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
        String entry = name.replace('.', '/') + ".class";
        for (JarFile jar : jars) {
            JarEntry e = jar.getJarEntry(entry);
            if (e != null) {
                try (InputStream in = jar.getInputStream(e)) {
                    byte[] bytes = asJava17(in.readAllBytes());
                    return defineClass(name, bytes, 0, bytes.length);
                } catch (IOException x) {
                    throw new ClassNotFoundException(name, x);
                }
            }
        }
        throw new ClassNotFoundException(name);
    }

    @Override
    protected URL findResource(String name) {
        for (JarFile jar : jars) {
            if (jar.getJarEntry(name) != null) {
                try {
                    return new URL("jar:" + new java.io.File(jar.getName()).toURI() + "!/" + name);
                } catch (MalformedURLException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return null;
    }

    @Override
    protected Enumeration<URL> findResources(String name) {
        URL url = findResource(name);
        return Collections.enumeration(url == null ? List.of() : List.of(url));
    }

    static byte[] asJava17(byte[] classFile) {
        int major = ((classFile[6] & 0xff) << 8) | (classFile[7] & 0xff);
        if (major <= JAVA_17) {
            return classFile;
        }
        classFile[6] = 0;
        classFile[7] = (byte) JAVA_17;
        return replaceUtf8Constant(classFile, "java/lang/MatchException", "java/lang/RuntimeException");
    }

    /** Replaces a CONSTANT_Utf8 entry (tag 1, u2 length, bytes) of the constant pool; nothing refers to pool offsets. */
    private static byte[] replaceUtf8Constant(byte[] classFile, String from, String to) {
        byte[] f = utf8Constant(from);
        byte[] t = utf8Constant(to);
        ByteArrayOutputStream out = new ByteArrayOutputStream(classFile.length + 16);
        int i = 0;
        while (i < classFile.length) {
            if (i <= classFile.length - f.length && Arrays.equals(classFile, i, i + f.length, f, 0, f.length)) {
                out.write(t, 0, t.length);
                i += f.length;
            } else {
                out.write(classFile[i++]);
            }
        }
        return out.toByteArray();
    }

    private static byte[] utf8Constant(String s) {
        byte[] chars = s.getBytes(StandardCharsets.UTF_8);
        byte[] c = new byte[chars.length + 3];
        c[0] = 1;
        c[1] = (byte) (chars.length >> 8);
        c[2] = (byte) chars.length;
        System.arraycopy(chars, 0, c, 3, chars.length);
        return c;
    }
}
