package dev.readiness.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The repository's ./readiness on a tree whose jar is missing: it calls Maven for only what running
 * needs, shows a line per step instead of Maven's output (colour codes stripped, kept in a log),
 * then runs the jar. Maven is a stand-in that prints what Maven prints and copies the jar that
 * package made.
 */
class SourceLauncherIT {
  private static final String VERSION = System.getProperty("readiness.version");
  private static final Path JAR =
      Path.of(System.getProperty("readiness.archives", "target"), "readiness.jar");

  @TempDir Path tree;
  private Path bin;

  @BeforeEach
  void copyTheLaunchers() throws Exception {
    Files.copy(Path.of("readiness"), tree.resolve("readiness"));
    Files.createDirectories(tree.resolve("src/main/dist/bin"));
    Files.copy(Path.of("src/main/dist/bin/readiness"), tree.resolve("src/main/dist/bin/readiness"));
    Files.copy(Path.of("pom.xml"), tree.resolve("pom.xml"));
    Files.createDirectories(tree.resolve("templates"));
    bin = Files.createDirectories(tree.resolve("fake-bin"));
  }

  @Test
  void buildsOnlyWhatRunningNeedsWithALinePerStep() throws Exception {
    maven(
        0,
        """
        \u001b[0m[INFO] Scanning for projects...
        [INFO] Downloading from central: https://repo.maven.apache.org/maven2/a.pom
        [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/a.pom (2 kB at 9 kB/s)
        [INFO] Downloaded from central: https://repo.maven.apache.org/maven2/b.jar (20 kB at 9 kB/s)
        [INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ readiness ---
        [INFO] Compiling 137 source files with javac [debug release 17] to target/classes
        [INFO] --- maven-jar-plugin:3.4.2:jar (default-cli) @ readiness ---
        [INFO] --- maven-shade-plugin:3.6.0:shade (fat-jar) @ readiness ---
        [INFO] BUILD SUCCESS
        [INFO] Total time:  12.345 s
        """);
    Result r = run();
    assertEquals(0, r.code, r.toString());
    assertEquals("readiness " + VERSION, r.out.lines().findFirst().orElse(""), r.toString());
    assertEquals(
        List.of(
            "readiness: building target/readiness.jar with Maven (first run, or the sources changed)",
            "readiness:   downloading Maven plugins and libraries (once)",
            "readiness:   downloaded 2 files",
            "readiness:   compiling 137 source files",
            "readiness:   packaging the classes",
            "readiness:   adding the libraries: target/readiness.jar",
            "readiness:   done in 12.345 s"),
        r.err.lines().toList());
    assertEquals(
        "-B -Dstyle.color=never compile jar:jar shade:shade@fat-jar",
        Files.readString(tree.resolve("maven-args")).strip(),
        "no test phase: test-only dependencies are not resolved");
    String log = Files.readString(tree.resolve("target/readiness-build.log"));
    assertTrue(
        log.startsWith("[INFO] Scanning for projects...\n"), "colour codes stripped: " + log);

    Result again = run();
    assertEquals(0, again.code, again.toString());
    assertEquals("", again.err, "the jar is up to date: Maven is not called again");
  }

  @Test
  void aFailedBuildShowsMavensErrorsAndWhereTheLogIs() throws Exception {
    maven(
        1,
        """
        [INFO] --- maven-compiler-plugin:3.13.0:compile (default-compile) @ readiness ---
        [ERROR] /src/main/java/X.java:[3,1] class, interface, enum, or record expected
        [INFO] BUILD FAILURE
        """);
    Result r = run();
    assertEquals(2, r.code, r.toString());
    assertEquals(
        List.of(
            "readiness: building target/readiness.jar with Maven (first run, or the sources changed)",
            "[ERROR] /src/main/java/X.java:[3,1] class, interface, enum, or record expected",
            "readiness: the Maven build failed; its output is in "
                + tree.toRealPath()
                + "/target/readiness-build.log (or run"
                + " 'mvn -B package' in "
                + tree.toRealPath()
                + ")"),
        r.err.lines().toList());
    assertEquals("", r.out);
  }

  /**
   * A stand-in for mvn that records its arguments, prints {@code output} and, on success, makes the
   * jar.
   */
  private void maven(int status, String output) throws Exception {
    Files.writeString(tree.resolve("maven-output"), output);
    String script =
        "#!/bin/sh\n"
            + "echo \"$@\" > '"
            + tree.resolve("maven-args")
            + "'\n"
            + "cat '"
            + tree.resolve("maven-output")
            + "'\n"
            + (status == 0
                ? "mkdir -p target && cp '" + JAR.toAbsolutePath() + "' target/readiness.jar\n"
                : "")
            + "exit "
            + status
            + "\n";
    Files.writeString(bin.resolve("mvn"), script);
    bin.resolve("mvn").toFile().setExecutable(true);
  }

  private record Result(int code, String out, String err) {}

  private Result run() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder("sh", tree.resolve("readiness").toString(), "--version")
            .directory(tree.toFile());
    builder
        .environment()
        .put(
            "PATH", bin + ":" + Path.of(System.getProperty("java.home"), "bin") + ":/usr/bin:/bin");
    builder.environment().remove("JAVA_HOME");
    Path out = Files.createTempFile(tree, "out", ".txt");
    Path err = Files.createTempFile(tree, "err", ".txt");
    Process p = builder.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    return new Result(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
