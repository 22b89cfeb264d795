package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With SOURCE_DATE_EPOCH, two builds of the same input, into different folders, at different times,
 * in JVMs under different time zones, locales and default charsets, write byte-identical trees:
 * every file, whatever it is.
 */
class ReproducibleBuildTest {
  private static final String EPOCH = "1767225600";

  @TempDir Path work;

  @Test
  void twoSitesBuiltUnderDifferentTimeZonesAndLocalesAreByteIdentical() throws Exception {
    buildTwiceAndCompare("--no-pdf");
  }

  @Test
  void twoSitesWithPdfsBuiltUnderDifferentTimeZonesAndLocalesAreByteIdentical() throws Exception {
    buildTwiceAndCompare();
  }

  private void buildTwiceAndCompare(String... options) throws Exception {
    Path input = copyBundledChecklists(work.resolve("in"));
    Path first = work.resolve("first/site");
    Path second = work.resolve("second/out");

    run(
        Map.of(
            "SOURCE_DATE_EPOCH",
            EPOCH,
            "TZ",
            "Pacific/Kiritimati",
            "LANG",
            "tr_TR.UTF-8",
            "LC_ALL",
            "tr_TR.UTF-8"),
        List.of(
            "-Duser.timezone=Pacific/Kiritimati",
            "-Duser.language=tr",
            "-Duser.country=TR",
            "-Dfile.encoding=ISO-8859-1"),
        input,
        first,
        options);
    Thread.sleep(1_100);
    run(
        Map.of("SOURCE_DATE_EPOCH", EPOCH, "TZ", "UTC", "LANG", "C.UTF-8", "LC_ALL", "C.UTF-8"),
        List.of("-Duser.timezone=America/St_Johns", "-Duser.language=en", "-Duser.country=US"),
        input,
        second,
        options);

    Map<String, byte[]> a = Trees.bytes(first);
    Map<String, byte[]> b = Trees.bytes(second);
    assertTrue(a.containsKey("data.json"), "the build wrote a site: " + a.keySet());
    assertEquals(a.keySet(), b.keySet());
    List<String> differ = new ArrayList<>();
    for (String file : a.keySet()) {
      int at = java.util.Arrays.mismatch(a.get(file), b.get(file));
      if (at >= 0) {
        differ.add(file + " at byte " + at);
      }
    }
    assertEquals(List.of(), differ, "files that differ");
    assertTrue(
        new String(a.get("data.json"), StandardCharsets.UTF_8)
            .contains("\"generatedAt\": \"2026-01-01T00:00:00Z\""),
        "generatedAt is SOURCE_DATE_EPOCH");
  }

  private static void run(
      Map<String, String> environment,
      List<String> jvmOptions,
      Path input,
      Path output,
      String... options)
      throws IOException, InterruptedException {
    List<String> arguments =
        new ArrayList<>(
            List.of("--input", input.toString(), "--output", output.toString(), "--quiet"));
    arguments.addAll(List.of(options));
    Process build = ChildBuild.start(environment, jvmOptions, arguments.toArray(String[]::new));
    if (!build.waitFor(120, TimeUnit.SECONDS)) {
      build.destroyForcibly();
      fail("the build did not end within 120 s");
    }
    assertEquals(0, build.exitValue(), "exit code of the build into " + output);
  }

  /**
   * The bundled example history, plus a project written in Turkish capitals, whose case folding
   * differs in a Turkish locale (I and ı, İ and i).
   */
  private static Path copyBundledChecklists(Path input) throws IOException {
    Path bundled = Path.of("checklists");
    try (Stream<Path> walk = Files.walk(bundled)) {
      for (Path p : walk.filter(Files::isRegularFile).toList()) {
        Path copy = input.resolve(bundled.relativize(p).toString());
        Files.createDirectories(copy.getParent());
        Files.copy(p, copy);
      }
    }
    Path istanbul = Files.createDirectories(input.resolve("istanbul"));
    String review =
        """
        # İSTANBUL ÖDEME SİSTEMİ
        **Date**: %s
        **Project**: İstanbul Ödeme
        **Next Review**: %s

        ## Section 1: GÜVENLİK ✅
        **Status**: 50%% complete
        - [x] TLS İÇİN SERTİFİKA
        - [%s] IDEMPOTENCY KEYS İN ALL WRITES
        - [ ] Iı İi DIŞ DENETİM

        ## 2. İZLEME ⚠️
        - [ ] ALARM KURALLARI
        - [x] GÜNLÜK KAYITLARI

        ## Blockers
        - **SERTİFİKA YENİLEME** - BEKLİYOR
        """;
    Files.writeString(
        istanbul.resolve("2026-03-02.md"), review.formatted("2026-03-02", "2026-03-09", " "));
    Files.writeString(
        istanbul.resolve("2026-03-09.md"), review.formatted("2026-03-09", "2026-03-16", "x"));
    return input;
  }
}
