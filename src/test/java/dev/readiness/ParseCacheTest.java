package dev.readiness;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.Settings;
import dev.readiness.hostile.Trees;
import dev.readiness.read.ParseCache;
import dev.readiness.render.OutputTree;
import dev.readiness.render.site.SiteRenderer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Parsed checklists are kept between builds by the hash of their bytes: a build in a new process
 * parses only the files it has not parsed before, and its output is byte for byte that of a cold
 * build; an entry that cannot be trusted is parsed again, silently.
 */
class ParseCacheTest {
  /** The example's checklists (its README is not one). */
  private static final int FILES = 8;

  @TempDir Path dir;
  Path input;
  Path cacheDir;

  @BeforeEach
  void copyExample() throws IOException {
    input = ExampleData.copy(dir);
    cacheDir = dir.resolve("cache");
  }

  private BuildPipeline.Options options() {
    return new BuildPipeline.Options(
        input, "checklists", Settings.DEFAULTS, null, true, 2, ExampleData.CLOCK);
  }

  /**
   * A build into {@code out} with {@code cache}, as a new {@code readiness build} process makes it.
   */
  private BuildPipeline.Result build(String out, ParseCache cache) throws IOException {
    return build(out, cache, false);
  }

  private BuildPipeline.Result build(String out, ParseCache cache, boolean clean)
      throws IOException {
    return BuildPipeline.build(
        options(),
        dir.resolve(out),
        OutputTree.Foreign.REFUSE,
        BuildPipeline.Progress.NONE,
        clean,
        o -> new SiteRenderer(o.templates(), o.pdf(), o.jobs()),
        cache);
  }

  private ParseCache cache(String key) {
    return ParseCache.in(cacheDir, key, true);
  }

  private List<Path> entries() throws IOException {
    try (Stream<Path> walk = Files.walk(cacheDir)) {
      return walk.filter(Files::isRegularFile).sorted().toList();
    }
  }

  @Test
  void aNewBuildParsesOnlyTheFileThatChangedAndWritesWhatAColdBuildWrites() throws IOException {
    ParseCache first = cache("tool 1");
    build("cold", first);
    assertEquals(FILES, first.parsed());
    assertEquals(0, first.hits());
    assertEquals(FILES, entries().size(), "one entry per file");

    ParseCache warm = cache("tool 1");
    build("warm", warm);
    assertEquals(0, warm.parsed(), "nothing changed: nothing parsed");
    assertEquals(FILES, warm.hits());
    assertEquals(Trees.hashes(dir.resolve("cold")), Trees.hashes(dir.resolve("warm")));

    Path changed = input.resolve("orion/2026-03-09.md");
    Files.writeString(changed, Files.readString(changed).replaceFirst("- \\[ \\]", "- [x]"));
    ParseCache next = cache("tool 1");
    build("warm", next);
    assertEquals(1, next.parsed(), "only the changed file is parsed");
    assertEquals(FILES - 1, next.hits());

    build("reference", ParseCache.NONE);
    assertEquals(Trees.hashes(dir.resolve("reference")), Trees.hashes(dir.resolve("warm")));
  }

  @Test
  void aCorruptTruncatedOrForeignEntryIsParsedAgainSilently() throws IOException {
    build("cold", cache("tool 1"));
    List<Path> entries = entries();
    assertEquals(FILES, entries.size());
    // A whole entry under another file's name: what it holds is not what its name is for.
    Files.copy(entries.get(0), entries.get(1), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    for (int i = 0; i < entries.size(); i++) {
      if (i == 1) {
        continue;
      }
      Path entry = entries.get(i);
      byte[] bytes = Files.readAllBytes(entry);
      switch (i % 4) {
        case 0 -> Files.write(entry, java.util.Arrays.copyOf(bytes, bytes.length / 2));
        case 1 -> Files.write(entry, new byte[0]);
        case 2 -> {
          bytes[bytes.length / 2] ^= 0x5a;
          bytes[bytes.length / 3] ^= 0x33;
          Files.write(entry, bytes);
        }
        default -> Files.writeString(entry, "not an entry at all");
      }
    }

    ParseCache again = cache("tool 1");
    BuildPipeline.Result result = build("again", again);
    assertEquals(FILES, again.parsed(), "every damaged entry is parsed again");
    assertEquals(0, again.hits());
    assertEquals(Trees.hashes(dir.resolve("cold")), Trees.hashes(dir.resolve("again")));
    assertTrue(
        result.summary().problems().stream().noneMatch(p -> p.message().contains("cache")),
        "a bad entry is no problem of the build's: " + result.summary().problems());

    ParseCache repaired = cache("tool 1");
    build("repaired", repaired);
    assertEquals(0, repaired.parsed(), "the entries were written again, whole");
  }

  @Test
  void anotherToolOrSettingsKeyOrACleanBuildParsesAgain() throws IOException {
    build("cold", cache("readiness 1.0 jar@1 maxFileBytes=1000"));
    ParseCache other = cache("readiness 1.1 jar@2 maxFileBytes=1000");
    build("other", other);
    assertEquals(FILES, other.parsed());
    ParseCache limit = cache("readiness 1.0 jar@1 maxFileBytes=2000");
    build("limit", limit);
    assertEquals(FILES, limit.parsed());

    ParseCache clean = ParseCache.in(cacheDir, "readiness 1.0 jar@1 maxFileBytes=1000", false);
    build("clean", clean, true);
    assertEquals(FILES, clean.parsed(), "--clean does not read the cache");
    assertEquals(0, clean.hits());
    assertEquals(Trees.hashes(dir.resolve("cold")), Trees.hashes(dir.resolve("clean")));

    ParseCache same = cache("readiness 1.0 jar@1 maxFileBytes=1000");
    build("same", same);
    assertEquals(0, same.parsed());
  }

  @Test
  void theKeyNamesTheToolBuildAndTheReadersByteLimit() {
    String key = BuildPipeline.parseKey(options());
    assertTrue(key.contains(Version.generator()), key);
    assertTrue(key.contains("maxFileBytes=" + Settings.DEFAULTS.input().maxFileBytes()), key);
  }

  @Test
  void pruningRemovesOldEntriesNoBuildUsedAndKeepsTheRest() throws IOException {
    build("cold", cache("tool 1"));
    List<Path> used = entries();
    Path stale = cacheDir.resolve("ab/stale-entry");
    Path recent = cacheDir.resolve("ab/another-inputs-entry");
    Path killed = cacheDir.resolve("cd/entry123.tmp");
    for (Path p : List.of(stale, recent, killed)) {
      Files.createDirectories(p.getParent());
      Files.writeString(p, "x");
    }
    FileTime old = FileTime.from(Instant.now().minus(ParseCache.UNUSED_FOR).minusSeconds(60));
    Files.setLastModifiedTime(stale, old);
    Files.setLastModifiedTime(killed, old);
    for (Path p : used) {
      Files.setLastModifiedTime(p, old);
    }

    ParseCache next = cache("tool 1");
    build("next", next);
    assertEquals(0, next.parsed());
    assertFalse(Files.exists(stale));
    assertFalse(Files.exists(killed));
    assertTrue(Files.exists(recent), "an entry used lately by another input's build is kept");
    for (Path p : used) {
      assertTrue(Files.exists(p), p + " was used by this build");
      assertTrue(Files.getLastModifiedTime(p).compareTo(old) > 0, p + " is marked as used lately");
    }
  }
}
