import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Checks a service's image tarball (Jib's buildTar, docker-save layout) without a container engine, and that
 * deploy/k8s runs it as it is built. Run by the root pom's {@code images} profile right after Jib, in the same
 * module; fails the build with every problem it found.
 *
 * <pre>java deploy/images/CheckImage.java IMAGE_TAR NAME VERSION PORT REPO_ROOT</pre>
 *
 * It reads manifest.json and the config, then every layer (each digest and diff id is checked), and asks for:
 * the tag ghcr.io/wushe-hub/NAME:VERSION; user 10001:10001; port PORT; an entrypoint {@code java <flags> -cp
 * @/app/jib-classpath-file <main class>} whose main class is in the app's layers, with Spring Boot's jars and the
 * heap flags; the base's JRE ({@code /usr/lib/jvm/java-17-openjdk-*}/bin/java and the {@code /usr/bin/java} link
 * the entrypoint runs); and, when deploy/k8s/base/services/NAME/deployment.yaml exists, that it names this image
 * (its tag is the release of VERSION, without -SNAPSHOT), the same port and user.
 * Plain JDK only (a source-file program), so it needs nothing the build does not have.
 */
public class CheckImage {

  static final String REGISTRY = "ghcr.io/wushe-hub/";
  static final String USER = "10001:10001";
  static final List<String> PROBLEMS = new ArrayList<>();

  public static void main(String[] args) throws Exception {
    if (args.length != 5) {
      System.err.println("usage: java CheckImage.java IMAGE_TAR NAME VERSION PORT REPO_ROOT");
      System.exit(2);
    }
    Path tarball = Path.of(args[0]);
    String name = args[1], version = args[2], port = args[3];
    Path repoRoot = Path.of(args[4]);
    if (!Files.isRegularFile(tarball)) {
      fail("no image tarball at " + tarball);
      finish(tarball);
    }

    // First the small entries (manifest.json, the config), then the layers the manifest names.
    Map<String, byte[]> small = new LinkedHashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16)) {
      for (TarEntry e; (e = TarEntry.next(in)) != null; ) {
        if (e.size < (1 << 20) && (e.type == '0' || e.type == 0)) {
          small.put(e.name, e.readAll(in));
        } else {
          e.skip(in);
        }
      }
    }
    List<?> manifests = (List<?>) Json.parse(text(small, "manifest.json"));
    check(manifests.size() == 1, "manifest.json lists " + manifests.size() + " images, not 1");
    Map<?, ?> manifest = (Map<?, ?>) manifests.get(0);
    String tag = REGISTRY + name + ":" + version;
    check(((List<?>) manifest.get("RepoTags")).contains(tag), "RepoTags " + manifest.get("RepoTags") + " lack " + tag);
    Map<?, ?> image = (Map<?, ?>) Json.parse(text(small, (String) manifest.get("Config")));
    Map<?, ?> config = (Map<?, ?>) image.get("config");
    check("linux".equals(image.get("os")), "os " + image.get("os"));
    check(USER.equals(config.get("User")), "user " + config.get("User") + ", not " + USER);
    Map<?, ?> ports = config.get("ExposedPorts") instanceof Map<?, ?> m ? m : Map.of();
    check(ports.keySet().equals(Set.of(port + "/tcp")), "exposed ports " + ports.keySet() + ", not " + port + "/tcp");
    List<?> env = (List<?>) config.get("Env");
    check(env != null && env.stream().anyMatch(v -> ((String) v).startsWith("JAVA_HOME=/usr/lib/jvm/java-17-openjdk-")),
        "no JAVA_HOME of Debian's OpenJDK 17 in Env " + env);

    // Layers: as many as the config's diff ids, each blob's name its digest, each diff id its uncompressed digest.
    List<?> layerNames = (List<?>) manifest.get("Layers");
    List<?> diffIds = (List<?>) ((Map<?, ?>) image.get("rootfs")).get("diff_ids");
    Map<String, LayerListing> layers = new LinkedHashMap<>();
    try (InputStream in = new BufferedInputStream(Files.newInputStream(tarball), 1 << 16)) {
      for (TarEntry e; (e = TarEntry.next(in)) != null; ) {
        if (layerNames.contains(e.name)) {
          layers.put(e.name, LayerListing.read(e, in));
        }
        e.skip(in);
      }
    }
    check(layerNames.size() == diffIds.size(), layerNames.size() + " layers but " + diffIds.size() + " diff ids");
    Set<String> files = new TreeSet<>();
    Map<String, String> links = new LinkedHashMap<>();
    for (int i = 0; i < layerNames.size(); i++) {
      LayerListing layer = layers.get((String) layerNames.get(i));
      if (layer == null) {
        fail("layer " + layerNames.get(i) + " is not in the tarball");
        continue;
      }
      String blobName = Path.of((String) layerNames.get(i)).getFileName().toString().replaceFirst("\\.tar(\\.gz)?$", "");
      check(blobName.equals(layer.digest.substring("sha256:".length())), "layer " + layerNames.get(i) + " has digest " + layer.digest);
      if (i < diffIds.size()) {
        check(diffIds.get(i).equals(layer.diffId), "layer " + i + ": diff id " + layer.diffId + ", config says " + diffIds.get(i));
      }
      files.addAll(layer.files);
      links.putAll(layer.links);
    }

    // The base's JRE, and the java the entrypoint finds on the PATH.
    check(files.stream().anyMatch(f -> f.matches("usr/lib/jvm/java-17-openjdk-[a-z0-9]+/bin/java")),
        "no usr/lib/jvm/java-17-openjdk-*/bin/java in the layers");
    check(links.containsKey("usr/bin/java"), "no usr/bin/java link in the layers");
    check(files.contains("etc/ssl/certs/java/cacerts"), "no Java trust store (etc/ssl/certs/java/cacerts)");

    // The app: java <flags> -cp @/app/jib-classpath-file <main class>, the class and the libraries in the layers.
    List<?> entrypoint = (List<?>) config.get("Entrypoint");
    check(entrypoint != null && entrypoint.size() >= 4, "entrypoint " + entrypoint);
    if (entrypoint != null && entrypoint.size() >= 4) {
      check("java".equals(entrypoint.get(0)), "entrypoint starts with " + entrypoint.get(0) + ", not java");
      for (String flag : List.of("-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError")) {
        check(entrypoint.contains(flag), "entrypoint lacks " + flag + ": " + entrypoint);
      }
      int cp = entrypoint.indexOf("-cp");
      check(cp > 0 && "@/app/jib-classpath-file".equals(entrypoint.get(cp + 1)), "entrypoint's class path: " + entrypoint);
      String mainClass = (String) entrypoint.get(entrypoint.size() - 1);
      check(mainClass.startsWith("org.wushe.hub."), "main class " + mainClass + " is not the hub's");
      check(files.contains("app/classes/" + mainClass.replace('.', '/') + ".class"), "main class " + mainClass + " not in app/classes");
      check(files.contains("app/jib-classpath-file") && files.contains("app/jib-main-class-file"), "no app/jib-classpath-file or jib-main-class-file");
      check(files.stream().anyMatch(f -> f.matches("app/libs/spring-boot-4\\..*\\.jar")), "no Spring Boot jar in app/libs");
      check(files.stream().noneMatch(f -> f.startsWith("app/") && f.endsWith("-exec.jar")), "the exec jar is in the image too");
    }

    // deploy/k8s runs what was built: this image (its release tag), port and user.
    Path deployment = repoRoot.resolve("deploy/k8s/base/services/" + name + "/deployment.yaml");
    if (Files.exists(deployment)) {
      String yaml = Files.readString(deployment);
      String release = version.replaceFirst("-SNAPSHOT$", "");
      Matcher img = Pattern.compile("(?m)^\\s+image: (\\S+)$").matcher(yaml);
      String runs = img.find() ? img.group(1) : "no image";
      check(runs.equals(REGISTRY + name + ":" + release), deployment + " runs " + runs + ", not " + REGISTRY + name + ":" + release);
      check(yaml.contains("containerPort: " + port), deployment + " has no containerPort " + port);
      check(yaml.contains("runAsUser: 10001") && yaml.contains("runAsGroup: 10001"), deployment + " does not run as 10001:10001");
    }
    finish(tarball);
  }

  static void finish(Path tarball) {
    if (PROBLEMS.isEmpty()) {
      System.out.println("CheckImage: " + tarball + " is right");
      return;
    }
    System.err.println("CheckImage: " + tarball + " is wrong:");
    PROBLEMS.forEach(p -> System.err.println("  - " + p));
    System.exit(1);
  }

  static void check(boolean ok, String problem) {
    if (!ok) {
      fail(problem);
    }
  }

  static void fail(String problem) {
    PROBLEMS.add(problem);
  }

  static String text(Map<String, byte[]> files, String name) {
    byte[] bytes = files.get(name);
    if (bytes == null) {
      fail("no " + name + " in the tarball");
      finish(Path.of("(image)"));
    }
    return new String(bytes, StandardCharsets.UTF_8);
  }

  /** A layer's digest (as stored), diff id (uncompressed), regular files and symbolic links. */
  record LayerListing(String digest, String diffId, Set<String> files, Map<String, String> links) {

    static LayerListing read(TarEntry entry, InputStream tarball) throws Exception {
      MessageDigest stored = MessageDigest.getInstance("SHA-256");
      MessageDigest uncompressed = MessageDigest.getInstance("SHA-256");
      InputStream blob = new DigestInputStream(entry.body(tarball), stored);
      BufferedInputStream peek = new BufferedInputStream(blob, 1 << 16);
      peek.mark(2);
      boolean gzip = peek.read() == 0x1f && peek.read() == 0x8b;
      peek.reset();
      InputStream layer = new DigestInputStream(new BufferedInputStream(gzip ? new GZIPInputStream(peek, 1 << 16) : peek, 1 << 16), uncompressed);
      Set<String> files = new TreeSet<>();
      Map<String, String> links = new LinkedHashMap<>();
      for (TarEntry e; (e = TarEntry.next(layer)) != null; ) {
        String path = e.name.replaceFirst("^\\./", "").replaceFirst("^/", "");
        if (e.type == '0' || e.type == 0) {
          files.add(path);
        } else if (e.type == '2') {
          links.put(path, e.linkName);
        }
        e.skip(layer);
      }
      layer.transferTo(OutputStreamNull.INSTANCE); // the tar's trailing blocks, for the diff id
      blob.transferTo(OutputStreamNull.INSTANCE);
      return new LayerListing("sha256:" + HexFormat.of().formatHex(stored.digest()),
          "sha256:" + HexFormat.of().formatHex(uncompressed.digest()), files, links);
    }
  }

  static final class OutputStreamNull extends java.io.OutputStream {
    static final OutputStreamNull INSTANCE = new OutputStreamNull();

    @Override
    public void write(int b) {
    }

    @Override
    public void write(byte[] b, int off, int len) {
    }
  }

  /** One entry of a ustar / GNU / pax tar stream: its name (long names resolved), type, size and link target. */
  static final class TarEntry {
    String name;
    String linkName;
    char type;
    long size;
    long remaining;

    static TarEntry next(InputStream in) throws IOException {
      String longName = null, longLink = null;
      while (true) {
        byte[] header = in.readNBytes(512);
        if (header.length < 512 || allZero(header)) {
          return null;
        }
        TarEntry e = new TarEntry();
        e.type = (char) header[156];
        e.size = octal(header, 124, 12);
        e.remaining = e.size;
        String prefix = string(header, 345, 155);
        e.name = string(header, 0, 100);
        if ("ustar".equals(string(header, 257, 5)) && !prefix.isEmpty()) {
          e.name = prefix + "/" + e.name;
        }
        e.linkName = string(header, 157, 100);
        if (e.type == 'L' || e.type == 'K') {
          String value = new String(e.readAll(in), StandardCharsets.UTF_8).replaceAll("\0+$", "");
          if (e.type == 'L') {
            longName = value;
          } else {
            longLink = value;
          }
          continue;
        }
        if (e.type == 'x') {
          Map<String, String> pax = pax(e.readAll(in));
          longName = pax.getOrDefault("path", longName);
          longLink = pax.getOrDefault("linkpath", longLink);
          continue;
        }
        if (e.type == 'g') {
          e.skip(in);
          continue;
        }
        if (longName != null) {
          e.name = longName;
        }
        if (longLink != null) {
          e.linkName = longLink;
        }
        return e;
      }
    }

    InputStream body(InputStream in) {
      TarEntry self = this;
      return new InputStream() {
        @Override
        public int read() throws IOException {
          if (self.remaining <= 0) {
            return -1;
          }
          int b = in.read();
          if (b >= 0) {
            self.remaining--;
          }
          return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
          if (self.remaining <= 0) {
            return -1;
          }
          int n = in.read(b, off, (int) Math.min(len, self.remaining));
          if (n > 0) {
            self.remaining -= n;
          }
          return n;
        }
      };
    }

    byte[] readAll(InputStream in) throws IOException {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      body(in).transferTo(out);
      skip(in);
      return out.toByteArray();
    }

    /** Skips what is left of the body and the padding to the next 512-byte block. */
    void skip(InputStream in) throws IOException {
      long padding = (512 - size % 512) % 512;
      // Read, not skip: a skip would bypass the DigestInputStream that computes the layer's diff id.
      long left = remaining + padding;
      byte[] buffer = new byte[8192];
      while (left > 0) {
        int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (n < 0) {
          throw new IOException("tar entry " + name + " is cut short");
        }
        left -= n;
      }
      remaining = 0;
    }

    static Map<String, String> pax(byte[] records) {
      Map<String, String> values = new LinkedHashMap<>();
      int i = 0;
      while (i < records.length) {
        int space = indexOf(records, (byte) ' ', i);
        if (space < 0) {
          break;
        }
        int length = Integer.parseInt(new String(records, i, space - i, StandardCharsets.US_ASCII));
        String record = new String(records, space + 1, length - (space - i) - 2, StandardCharsets.UTF_8);
        int eq = record.indexOf('=');
        values.put(record.substring(0, eq), record.substring(eq + 1));
        i += length;
      }
      return values;
    }

    static int indexOf(byte[] bytes, byte b, int from) {
      for (int i = from; i < bytes.length; i++) {
        if (bytes[i] == b) {
          return i;
        }
      }
      return -1;
    }

    static boolean allZero(byte[] block) {
      for (byte b : block) {
        if (b != 0) {
          return false;
        }
      }
      return true;
    }

    static String string(byte[] header, int offset, int length) {
      int end = offset;
      while (end < offset + length && header[end] != 0) {
        end++;
      }
      return new String(header, offset, end - offset, StandardCharsets.UTF_8);
    }

    static long octal(byte[] header, int offset, int length) {
      if ((header[offset] & 0x80) != 0) { // base-256 (GNU) for sizes over 8 GiB
        long value = 0;
        for (int i = offset + 1; i < offset + length; i++) {
          value = (value << 8) | (header[i] & 0xff);
        }
        return value;
      }
      String s = string(header, offset, length).trim();
      return s.isEmpty() ? 0 : Long.parseLong(s, 8);
    }
  }

  /** Just enough JSON for image manifests and configs: objects, arrays, strings, numbers, true/false/null. */
  static final class Json {
    final String s;
    int i;

    Json(String s) {
      this.s = s;
    }

    static Object parse(String text) {
      Json json = new Json(text);
      Object value = json.value();
      json.space();
      if (json.i != text.length()) {
        throw new IllegalArgumentException("trailing text at " + json.i);
      }
      return value;
    }

    Object value() {
      space();
      char c = s.charAt(i);
      switch (c) {
        case '{': {
          Map<String, Object> map = new LinkedHashMap<>();
          i++;
          space();
          if (s.charAt(i) == '}') {
            i++;
            return map;
          }
          while (true) {
            space();
            String key = string();
            space();
            expect(':');
            map.put(key, value());
            space();
            if (s.charAt(i++) == '}') {
              return map;
            }
          }
        }
        case '[': {
          List<Object> list = new ArrayList<>();
          i++;
          space();
          if (s.charAt(i) == ']') {
            i++;
            return list;
          }
          while (true) {
            list.add(value());
            space();
            if (s.charAt(i++) == ']') {
              return list;
            }
          }
        }
        case '"':
          return string();
        default:
          int start = i;
          while (i < s.length() && "{}[],: \t\r\n".indexOf(s.charAt(i)) < 0) {
            i++;
          }
          String word = s.substring(start, i);
          return switch (word) {
            case "true" -> Boolean.TRUE;
            case "false" -> Boolean.FALSE;
            case "null" -> null;
            default -> Double.valueOf(word);
          };
      }
    }

    String string() {
      expect('"');
      StringBuilder out = new StringBuilder();
      while (true) {
        char c = s.charAt(i++);
        if (c == '"') {
          return out.toString();
        }
        if (c == '\\') {
          char e = s.charAt(i++);
          switch (e) {
            case 'n' -> out.append('\n');
            case 't' -> out.append('\t');
            case 'r' -> out.append('\r');
            case 'b' -> out.append('\b');
            case 'f' -> out.append('\f');
            case 'u' -> {
              out.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
              i += 4;
            }
            default -> out.append(e);
          }
        } else {
          out.append(c);
        }
      }
    }

    void expect(char c) {
      if (s.charAt(i++) != c) {
        throw new IllegalArgumentException("expected " + c + " at " + (i - 1));
      }
    }

    void space() {
      while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
        i++;
      }
    }
  }
}
