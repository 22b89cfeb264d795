package dev.readiness.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One entry of the parse cache: read back equal, its texts shared through the project's interner.
 */
class ParseCacheEntryTest {
  @TempDir Path dir;

  @Test
  void anEntryReadsBackEqualAndItsTextsAreSharedWithTheProjectsOtherReviews() {
    ParsedDocument parsed = new SnapshotParser().parse("svc/2026-02-02.md", Fixtures.seed());
    ParsedDocument next = new SnapshotParser().parse("svc/2026-02-09.md", Fixtures.seed());
    ParseCache cache = ParseCache.in(dir, "tool", true);
    cache.put("aa", "svc/2026-02-02.md", parsed);
    cache.put("aa", "svc/2026-02-09.md", next);

    Interner texts = new Interner();
    ParsedDocument first = cache.get("aa", "svc/2026-02-02.md", texts);
    ParsedDocument second = cache.get("aa", "svc/2026-02-09.md", texts);
    assertEquals(parsed, first);
    assertEquals(next, second);
    assertSame(
        first.snapshot().sections().get(3).items().get(2).text(),
        second.snapshot().sections().get(3).items().get(2).text(),
        "one copy of a text two reviews repeat");
    assertSame(
        first.snapshot().parts().get(1).markdown(), second.snapshot().parts().get(1).markdown());
    assertEquals(2, cache.hits());

    assertNull(cache.get("ab", "svc/2026-02-02.md", texts), "another content hash");
    assertNull(ParseCache.in(dir, "another tool", true).get("aa", "svc/2026-02-02.md", texts));
    assertNull(
        ParseCache.in(dir, "tool", false).get("aa", "svc/2026-02-02.md", texts),
        "--clean reads nothing");
  }

  /**
   * Every checklist of the corpus (real teams' files) and the seed: any part of the model a parse
   * can give is kept.
   */
  @Test
  void everyCorpusChecklistReadsBackEqual() throws Exception {
    List<Path> files;
    try (Stream<Path> walk = Files.list(Fixtures.resourcePath("corpus"))) {
      files =
          walk.filter(
                  p ->
                      p.toString().endsWith(".md")
                          && !p.getFileName().toString().equals("README.md"))
              .sorted()
              .toList();
    }
    assertTrue(files.size() > 20, "the corpus: " + files.size());
    ParseCache cache = ParseCache.in(dir, "tool", true);
    for (Path file : files) {
      String name = file.getFileName().toString();
      ParsedDocument parsed = new SnapshotParser().parse(name, Files.readString(file));
      cache.put("cc", name, parsed);
      assertEquals(parsed, cache.get("cc", name, new Interner()), name);
    }
    assertEquals(files.size(), cache.hits());
  }
}
