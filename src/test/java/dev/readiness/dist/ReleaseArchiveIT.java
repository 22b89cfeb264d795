package dev.readiness.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.ExampleData;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release archive that {@code mvn package} makes, used as a user would: unpacked into a
 * temporary folder, run through a symbolic link from another folder on PATH, from a folder outside
 * the repository, with a {@code mvn} first on PATH that fails the test if it is ever called. Runs
 * in {@code mvn verify} (failsafe), after package.
 */
class ReleaseArchiveIT {
  private static final String VERSION = System.getProperty("readiness.version");
  private static final Path TARGET = Path.of(System.getProperty("readiness.archives", "target"));
  private static final String BASE = "readiness-" + VERSION + "/";

  @TempDir static Path work;
  private static Path home;
  private static Path onPath;
  private static Path marker;

  @BeforeAll
  static void unpack() throws Exception {
    Path unpacked = Files.createDirectories(work.resolve("opt"));
    run(
        List.of(
            "tar",
            "-xzf",
            TARGET.resolve("readiness-" + VERSION + ".tar.gz").toString(),
            "-C",
            unpacked.toString()),
        work,
        Map.of(),
        0);
    home = unpacked.resolve(BASE);
    onPath = Files.createDirectories(work.resolve("bin"));
    Files.createSymbolicLink(onPath.resolve("readiness"), home.resolve("bin/readiness"));
    marker = work.resolve("maven-was-called");
    Path fakeMaven = onPath.resolve("mvn");
    Files.writeString(fakeMaven, "#!/bin/sh\ntouch '" + marker + "'\nexit 97\n");
    fakeMaven.toFile().setExecutable(true);
  }

  @Test
  void theArchivesHoldTheLauncherTheJarAndTheLicences() throws Exception {
    Set<String> tar =
        new TreeSet<>(
            run(
                    List.of(
                        "tar",
                        "-tzf",
                        TARGET.resolve("readiness-" + VERSION + ".tar.gz").toString()),
                    work,
                    Map.of(),
                    0)
                .lines()
                .filter(n -> !n.endsWith("/"))
                .toList());
    Map<String, Integer> zipModes = zipModes(TARGET.resolve("readiness-" + VERSION + ".zip"));
    assertEquals(tar, zipModes.keySet(), "the zip and the tar.gz hold the same files");
    for (String name :
        List.of(
            "bin/readiness",
            "lib/readiness.jar",
            "README.md",
            "LICENSE",
            "CHANGELOG.md",
            "THIRD-PARTY.txt",
            "licenses/Apache-2.0.txt",
            "licenses/DejaVu-Fonts.txt",
            "docs/commands.md",
            "examples/ci/github-actions.yml")) {
      assertTrue(tar.contains(BASE + name), name + " in " + tar);
    }
    assertTrue(tar.stream().noneMatch(n -> n.endsWith(".jsa")), "no class-data archive is shipped");
    assertEquals(
        0755, zipModes.get(BASE + "bin/readiness") & 0777, "the zip's launcher is executable");
    assertTrue(
        Files.getPosixFilePermissions(home.resolve("bin/readiness"))
            .contains(PosixFilePermission.OWNER_EXECUTE));
    assertTrue(
        Files.readString(home.resolve("CHANGELOG.md")).contains("## [" + VERSION + "]"),
        "the changelog has a section for this version");
  }

  @Test
  void thirdPartyNamesEveryLibraryAndFontInTheJarWithItsLicenceText() throws Exception {
    String notice = Files.readString(home.resolve("THIRD-PARTY.txt"), StandardCharsets.UTF_8);
    List<String> libraries = new ArrayList<>();
    boolean fonts = false;
    try (ZipFile jar = new ZipFile(home.resolve("lib/readiness.jar").toFile())) {
      for (ZipEntry entry : jar.stream().toList()) {
        if (entry.getName().startsWith("META-INF/maven/")
            && entry.getName().endsWith("/pom.properties")) {
          Properties p = new Properties();
          try (InputStream in = jar.getInputStream(entry)) {
            p.load(in);
          }
          if (!p.getProperty("groupId").equals("dev.readiness")) {
            libraries.add(
                p.getProperty("artifactId")
                    + " "
                    + p.getProperty("version")
                    + " ("
                    + p.getProperty("groupId")
                    + ":"
                    + p.getProperty("artifactId")
                    + ")");
          }
        }
        fonts |= entry.getName().startsWith("fonts/DejaVu") && entry.getName().endsWith(".ttf");
      }
    }
    assertTrue(libraries.size() >= 20, libraries.toString());
    for (String library : libraries) {
      String coordinates = library.substring(library.indexOf('('));
      String version = library.substring(library.indexOf(' ') + 1, library.indexOf(" ("));
      assertTrue(
          notice.contains(" " + version + " " + coordinates),
          library + " is named in THIRD-PARTY.txt");
    }
    assertTrue(
        fonts && notice.contains("DejaVu Sans") && notice.contains("licenses/DejaVu-Fonts.txt"));
    // Every licence heading (a line of its own, no indent) has its text in licenses/.
    Matcher heading =
        Pattern.compile("(?m)^([A-Za-z0-9.-]+)$")
            .matcher(notice.substring(notice.indexOf("Libraries")));
    List<String> licences = new ArrayList<>();
    while (heading.find()) {
      licences.add(heading.group(1));
    }
    assertTrue(
        licences.containsAll(
            List.of(
                "Apache-2.0",
                "BSD-2-Clause",
                "GPL-3.0-or-later",
                "LGPL-2.1-or-later",
                "MIT",
                "MPL-2.0",
                "BSD-3-Clause",
                "DejaVu-Fonts")),
        licences.toString());
    for (String licence : licences) {
      assertTrue(Files.size(home.resolve("licenses/" + licence + ".txt")) > 500, licence);
    }
    assertTrue(Files.readString(home.resolve("LICENSE")).contains("Apache License"));
  }

  @Test
  void runsThroughASymlinkOnPathFromAnyFolderWithoutMaven() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("elsewhere"));
    Map<String, String> env = environment(elsewhere);

    String version = run(List.of("readiness", "--version"), elsewhere, env, 0);
    assertTrue(version.startsWith("readiness " + VERSION + "\nJava "), version);

    ExampleData.copy(elsewhere);
    String built = run(List.of("readiness", "build", "--no-pdf"), elsewhere, env, 0);
    assertTrue(built.contains("built site: 2 projects, 8 reviews, 14 pages, 0 PDFs; "), built);
    assertTrue(Files.isRegularFile(elsewhere.resolve("site/index.html")));

    // The first build made the class-data archive beside the jar; the next run maps its classes.
    List<Path> archives;
    try (Stream<Path> lib = Files.list(home.resolve("lib"))) {
      archives = lib.filter(p -> p.getFileName().toString().endsWith(".jsa")).toList();
    }
    assertEquals(1, archives.size(), archives.toString());
    assertTrue(
        archives.get(0).getFileName().toString().matches("readiness-\\d+\\.jsa"),
        archives.toString());
    Path log = work.resolve("classes.log");
    Map<String, String> logged = new HashMap<>(env);
    logged.put("READINESS_JAVA_OPTS", "-Xlog:class+load=info:file=" + log);
    String again = run(List.of("readiness", "build", "--no-pdf"), elsewhere, logged, 0);
    assertTrue(again.contains("up to date site: "), again);
    assertTrue(
        Files.readString(log).contains("dev.readiness.cli.Main source: shared objects file (top)"),
        "the build's classes come from the archive");
    assertFalse(Files.exists(marker), "Maven was called");
  }

  @Test
  void theSourceTreesLauncherWorksThroughASymlinkToo() throws Exception {
    Path elsewhere = Files.createDirectories(work.resolve("dev"));
    Path link = Files.createDirectories(work.resolve("dev-bin")).resolve("readiness");
    Files.createSymbolicLink(link, Path.of("readiness").toAbsolutePath());
    String version =
        run(List.of(link.toString(), "--version"), elsewhere, environment(elsewhere), 0);
    assertTrue(version.startsWith("readiness " + VERSION + "\n"), version);
    assertFalse(Files.exists(marker), "the jar is up to date after package: Maven is not called");
  }

  @Test
  void saysWhatJavaItNeeds() throws Exception {
    Path oldJava = Files.createDirectories(work.resolve("jdk-11/bin"));
    Files.writeString(oldJava.resolve("java"), "#!/bin/sh\nexit 99\n");
    oldJava.resolve("java").toFile().setExecutable(true);
    Files.writeString(oldJava.getParent().resolve("release"), "JAVA_VERSION=\"11.0.2\"\n");
    Map<String, String> env = environment(work);
    env.put("JAVA_HOME", oldJava.getParent().toString());
    String old = run(List.of("readiness", "--version"), work, env, 2);
    assertEquals(
        "readiness: needs Java 17 or newer; "
            + oldJava.resolve("java")
            + " is Java 11.0.2 (set JAVA_HOME to a"
            + " newer one)\n",
        old);

    // With only the tools the launcher uses on PATH, and no java among them.
    Path tools = Files.createDirectories(work.resolve("tools"));
    for (String tool : List.of("readlink", "dirname", "sed", "cksum", "cut", "mkdir", "mv", "rm")) {
      Path real = Path.of("/usr/bin", tool);
      Files.createSymbolicLink(
          tools.resolve(tool), Files.exists(real) ? real : Path.of("/bin", tool));
    }
    Map<String, String> bare =
        new HashMap<>(Map.of("PATH", onPath + ":" + tools, "HOME", work.toString()));
    String none = run(List.of(onPath.resolve("readiness").toString(), "--version"), work, bare, 2);
    assertEquals(
        "readiness: no Java found; install a Java 17 or newer runtime (Debian/Ubuntu: apt-get install"
            + " openjdk-17-jre-headless) or set JAVA_HOME\n",
        none);
  }

  /**
   * PATH with the symlink's folder (and the failing mvn) first; no JAVA_HOME; a home of its own.
   */
  private static Map<String, String> environment(Path dir) throws IOException {
    Map<String, String> env = new HashMap<>();
    String java = Path.of(System.getProperty("java.home"), "bin").toString();
    env.put("PATH", onPath + ":" + java + ":/usr/bin:/bin");
    env.put("HOME", Files.createDirectories(dir.resolve("home")).toString());
    env.put("SOURCE_DATE_EPOCH", "1773619200");
    env.put("READINESS_CACHE_DIR", dir.resolve("cache").toString());
    return env;
  }

  /** Runs a command; returns stdout and stderr together; checks the exit code. */
  private static String run(List<String> command, Path dir, Map<String, String> env, int expected)
      throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(new ArrayList<>(command))
            .directory(dir.toFile())
            .redirectErrorStream(true);
    if (!env.isEmpty()) {
      builder.environment().clear();
      builder.environment().putAll(env);
      if (!command.get(0).contains("/")) {
        builder.command().set(0, resolve(command.get(0), env.get("PATH")));
      }
    }
    Process process = builder.start();
    String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(120, TimeUnit.SECONDS), String.join(" ", command));
    assertEquals(expected, process.exitValue(), String.join(" ", command) + "\n" + out);
    return out;
  }

  /** The program as the child's PATH finds it (ProcessBuilder looks in this JVM's PATH). */
  private static String resolve(String program, String path) {
    for (String dir : path.split(":")) {
      Path candidate = Path.of(dir, program);
      if (Files.isExecutable(candidate)) {
        return candidate.toString();
      }
    }
    return program;
  }

  /** The Unix mode of each file of a zip archive, from its central directory. */
  private static Map<String, Integer> zipModes(Path zip) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(zip)).order(ByteOrder.LITTLE_ENDIAN);
    int end = b.limit() - 22;
    while (b.getInt(end) != 0x06054b50) {
      end--;
    }
    int entries = Short.toUnsignedInt(b.getShort(end + 10));
    int at = b.getInt(end + 16);
    Map<String, Integer> modes = new TreeMap<>();
    for (int i = 0; i < entries; i++) {
      assertEquals(0x02014b50, b.getInt(at));
      int nameLength = Short.toUnsignedInt(b.getShort(at + 28));
      int extraLength = Short.toUnsignedInt(b.getShort(at + 30));
      int commentLength = Short.toUnsignedInt(b.getShort(at + 32));
      int external = b.getInt(at + 38);
      byte[] name = new byte[nameLength];
      b.get(at + 46, name);
      String n = new String(name, StandardCharsets.UTF_8);
      if (!n.endsWith("/")) {
        modes.put(n, external >>> 16);
      }
      at += 46 + nameLength + extraLength + commentLength;
    }
    return modes;
  }
}
