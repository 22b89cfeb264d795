package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import dev.readiness.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the command line: files readiness did not write survive builds, or stop one in one line.
 */
class SafeOutputTest {
  @TempDir Path work;
  Path input;
  Path site;

  @BeforeEach
  void setUp() throws IOException {
    input = work.resolve("checklists");
    site = work.resolve("site");
    KilledBuildTest.generate(input, 2, 2, 3);
  }

  @Test
  void keepsFilesItDidNotWriteAcrossBuilds() throws IOException {
    assertEquals(0, build().exit);
    Files.writeString(site.resolve("CNAME"), "readiness.example.com\n");
    Files.createDirectories(site.resolve("projects/project-00/notes"));
    Files.writeString(site.resolve("projects/project-00/notes/retro.md"), "kept\n");
    assertEquals(0, build().exit);
    assertEquals(0, build().exit);
    assertEquals("readiness.example.com\n", Files.readString(site.resolve("CNAME")));
    assertEquals("kept\n", Files.readString(site.resolve("projects/project-00/notes/retro.md")));
    assertEquals(List.of("checklists", "site"), beside());
  }

  @Test
  void stopsInOneLineWhereAFileItDidNotWriteIsInTheWay() throws IOException {
    assertEquals(0, build().exit);
    Path manifest = site.resolve(".readiness-manifest");
    List<String> ours =
        Files.readAllLines(manifest).stream().filter(l -> !l.equals("data.json")).toList();
    Files.write(manifest, ours);
    Files.writeString(site.resolve("data.json"), "{\"mine\": true}\n");
    Map<String, String> before = Trees.hashes(site);
    Map<String, String> inputBefore = Trees.hashes(input);
    Result result = build();
    assertEquals(2, result.exit, "refused, like any other output folder readiness will not write");
    assertEquals(
        List.of(
            "readiness: "
                + site.resolve("data.json")
                + " was not written by readiness and is where"
                + " readiness writes; move it away or choose another --output"),
        result.err.lines().toList());
    assertFalse(result.err.contains("\tat "), "no stack trace");
    assertEquals(before, Trees.hashes(site), "everything is kept");
    assertEquals(inputBefore, Trees.hashes(input));
    assertEquals(List.of("checklists", "site"), beside());
  }

  private Result build() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new Main(Map.of("SOURCE_DATE_EPOCH", "1767225600")),
            new String[] {
              "build", "--input", input.toString(), "--output", site.toString(), "--quiet"
            },
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Result(exit, err.toString());
  }

  private List<String> beside() throws IOException {
    try (Stream<Path> list = Files.list(work)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private record Result(int exit, String err) {}
}
