package dev.readiness.read.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.model.Snapshot;
import dev.readiness.read.InputReader;
import dev.readiness.read.Inventory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.revwalk.RevCommit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitSourcesTest {
  static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");
  static final String FILE = "docs/PRR.md";

  @TempDir Path tmp;

  /** A checklist of {@code total} items in one section, the first {@code done} checked. */
  static String checklist(int done, int total) {
    StringBuilder s =
        new StringBuilder("# Payments readiness\n\n**Project**: Payments\n\n## 1. Security\n\n");
    for (int i = 1; i <= total; i++) {
      s.append(i <= done ? "- [x] " : "- [ ] ").append("Item ").append(i).append('\n');
    }
    return s.toString();
  }

  static GitSources sources(
      GitFixture repo, String path, boolean worktree, ZoneId zone, GitCache cache)
      throws GitSourceException {
    List<GitSource> resolved =
        SourceResolver.resolve(
            List.of(
                new SourceResolver.Request(repo.dir().resolve(path), path, null, null, "--git")),
            "https://git.example.com/payments/commit/{commit}");
    return new GitSources(
        resolved, worktree, zone, Settings.DEFAULTS.input().maxFileBytes(), cache);
  }

  static Inventory read(GitSources sources) throws IOException {
    return sources.addTo(
        new Inventory(List.of(), List.of()),
        new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1),
        NOW,
        s -> true);
  }

  static Inventory read(GitFixture repo) throws Exception {
    return read(sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()));
  }

  static List<Snapshot> reviews(Inventory inventory) {
    assertEquals(
        1, inventory.projects().size(), () -> "projects; problems: " + inventory.problems());
    return inventory.projects().get(0).reviews();
  }

  static List<LocalDate> dates(Inventory inventory) {
    return reviews(inventory).stream().map(Snapshot::date).toList();
  }

  static String shortId(RevCommit c) {
    return c.name().substring(0, 7);
  }

  @Test
  void oneReviewPerDayIsTheStateAtTheDaysLastCommit() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 09:00", "Ann", FILE, checklist(1, 5));
      repo.commit("2026-03-02 11:00", "Bob", FILE, checklist(2, 5));
      RevCommit last = repo.commit("2026-03-02 17:45", "Cat", FILE, checklist(3, 5));
      RevCommit next = repo.commit("2026-03-09 10:00", "Ann", FILE, checklist(4, 5));

      Inventory read = read(repo);

      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09")), dates(read));
      Snapshot first = reviews(read).get(0);
      assertEquals(3, first.done());
      assertEquals(5, first.total());
      assertEquals(last.name(), first.provenance().commit());
      assertEquals("Cat", first.provenance().author());
      assertEquals(4, reviews(read).get(1).done());
      assertEquals(next.name(), reviews(read).get(1).provenance().commit());
      assertEquals("payments", read.projects().get(0).slug());
      assertEquals("Payments", read.projects().get(0).name());
      assertEquals(List.of(), read.problems());
    }
  }

  @Test
  void aDescendantDatedBeforeItsParentIsStillTheDaysLastCommit() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 15:00", "Ann", FILE, checklist(1, 5));
      RevCommit child =
          repo.commit("2026-03-02 09:00", "Bob", FILE, checklist(2, 5)); // a clock behind

      Snapshot review = reviews(read(repo)).get(0);

      assertEquals(child.name(), review.provenance().commit());
      assertEquals(2, review.done());
    }
  }

  @Test
  void commitsThatTouchOtherFilesAddNothing() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-01 10:00", "Ann", "README.md", "# Payments\n");
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.commit("2026-03-03 10:00", "Bob", "README.md", "# Payments service\n");
      repo.commit("2026-03-04 10:00", "Bob", "src/Main.java", "class Main {}\n");
      repo.commit("2026-03-09 10:00", "Ann", FILE, checklist(2, 4));
      repo.commit("2026-03-10 10:00", "Bob", "README.md", "# Payments service, v2\n");
      GitCache cache = new GitCache();

      Inventory read = read(sources(repo, FILE, false, ZoneOffset.UTC, cache));

      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-09")), dates(read));
      assertEquals(new GitCache.Stats(1, 2, 2, 2), cache.stats());
    }
  }

  @Test
  void followsRenames() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      RevCommit created = repo.commit("2026-03-02 10:00", "Ann", "LAUNCH.md", checklist(1, 4));
      repo.rename("2026-03-05 10:00", "Bob", "LAUNCH.md", FILE);
      repo.commit("2026-03-09 10:00", "Ann", FILE, checklist(3, 4));

      Inventory read = read(repo);

      assertEquals(
          List.of(
              LocalDate.parse("2026-03-02"),
              LocalDate.parse("2026-03-05"),
              LocalDate.parse("2026-03-09")),
          dates(read));
      List<Snapshot> reviews = reviews(read);
      assertEquals("LAUNCH.md", reviews.get(0).provenance().path());
      assertEquals(FILE + "@" + shortId(created), reviews.get(0).source());
      assertEquals(FILE, reviews.get(1).provenance().path());
      assertEquals(List.of(1, 1, 3), reviews.stream().map(Snapshot::done).toList());
    }
  }

  @Test
  void aMergeThatTakesOneSidesFileIsNoReview() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.branch("feature");
      RevCommit onBranch = repo.commit("2026-03-03 10:00", "Bob", FILE, checklist(2, 4));
      repo.checkout("main");
      repo.commit("2026-03-04 10:00", "Ann", "README.md", "# Payments\n");
      repo.merge("2026-03-05 10:00", "Ann", "feature", FILE, null);

      Inventory read = read(repo);

      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03")), dates(read));
      assertEquals(onBranch.name(), reviews(read).get(1).provenance().commit());
    }
  }

  @Test
  void aMergeThatResolvesBothSidesIsAReview() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.branch("feature");
      repo.commit("2026-03-03 10:00", "Bob", FILE, checklist(2, 4));
      repo.checkout("main");
      repo.commit("2026-03-04 10:00", "Ann", FILE, checklist(1, 5));
      RevCommit merge = repo.merge("2026-03-05 10:00", "Cat", "feature", FILE, checklist(2, 5));

      Inventory read = read(repo);

      assertEquals(
          List.of(
              LocalDate.parse("2026-03-02"),
              LocalDate.parse("2026-03-03"),
              LocalDate.parse("2026-03-04"),
              LocalDate.parse("2026-03-05")),
          dates(read));
      Snapshot last = reviews(read).get(3);
      assertEquals(merge.name(), last.provenance().commit());
      assertEquals(2, merge.getParentCount());
      assertEquals(List.of(2, 5), List.of(last.done(), last.total()));
    }
  }

  @Test
  void aShallowCloneSaysWhereItsHistoryStops() throws Exception {
    Path origin = tmp.resolve("origin");
    try (GitFixture repo = GitFixture.init(origin)) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.commit("2026-03-09 10:00", "Ann", FILE, checklist(2, 4));
      repo.commit("2026-03-16 10:00", "Ann", FILE, checklist(3, 4));
      repo.commit("2026-03-23 10:00", "Ann", FILE, checklist(4, 4));
    }
    Path clone = tmp.resolve("payments");
    Repositories.install();
    Git.cloneRepository()
        .setURI(origin.toUri().toString())
        .setDirectory(clone.toFile())
        .setDepth(2)
        .call()
        .close();
    try (GitFixture repo = GitFixture.open(clone)) {
      Inventory read = read(repo);

      assertEquals(
          List.of(LocalDate.parse("2026-03-16"), LocalDate.parse("2026-03-23")), dates(read));
      Snapshot cut = reviews(read).get(0);
      assertEquals(1, read.problems().size(), read.problems()::toString);
      Problem p = read.problems().get(0);
      assertEquals("GIT_SHALLOW", p.code());
      assertEquals(Problem.Severity.WARNING, p.severity());
      assertEquals(FILE, p.file());
      assertTrue(
          p.message().contains("stops at commit " + cut.provenance().shortId() + " of 2026-03-16"),
          p.message());
      assertTrue(p.message().contains("reviews before 2026-03-16 are missing"), p.message());
    }
  }

  @Test
  void anEmptyFileAtAnOlderCommitLeavesOutThatDayWithAWarning() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      RevCommit empty = repo.commit("2026-03-09 10:00", "Bob", FILE, "");
      repo.commit("2026-03-16 10:00", "Ann", FILE, checklist(2, 4));

      Inventory read = read(repo);

      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-16")), dates(read));
      assertEquals(1, read.problems().size(), read.problems()::toString);
      Problem p = read.problems().get(0);
      assertEquals(Problem.Severity.WARNING, p.severity());
      assertEquals("UNREADABLE", p.code());
      assertEquals(FILE + "@" + shortId(empty), p.file());
      assertTrue(p.message().startsWith("is empty"), p.message());
      assertTrue(p.message().contains("only this day's review is left out"), p.message());
    }
  }

  @Test
  void anEmptyFileAtTheLatestCommitIsAnError() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      RevCommit empty = repo.commit("2026-03-09 10:00", "Bob", FILE, "\n");

      Inventory read = read(repo);

      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(read));
      Problem p = read.problems().get(0);
      assertEquals(Problem.Severity.ERROR, p.severity());
      assertEquals(
          FILE
              + "@"
              + shortId(empty)
              + ": error: is empty; write a checklist or remove the file [UNREADABLE]",
          p.toString());
    }
  }

  @Test
  void invalidUtf8AtACommitNamesTheFileTheCommitAndTheLine() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      byte[] text = checklist(1, 4).getBytes(StandardCharsets.UTF_8);
      byte[] bad = new byte[text.length + 2];
      System.arraycopy(text, 0, bad, 0, text.length);
      bad[text.length] = (byte) 0xC3; // a lead byte with no continuation, on the last line
      bad[text.length + 1] = '\n';
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      RevCommit broken = repo.commitBytes("2026-03-09 10:00", "Bob", FILE, bad);

      Inventory read = read(repo);

      Problem p = read.problems().get(0);
      assertEquals(
          FILE
              + "@"
              + shortId(broken)
              + ":11: error: is not valid UTF-8; save it as UTF-8 [UNREADABLE]",
          p.toString());
      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(read));
    }
  }

  @Test
  void eachReviewKeepsItsProvenance() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      RevCommit c = repo.commit("2026-03-02 10:15", "Ann Example", FILE, checklist(1, 4));
      String blob;
      try (var tw =
          org.eclipse.jgit.treewalk.TreeWalk.forPath(
              repo.git().getRepository(), FILE, c.getTree())) {
        blob = tw.getObjectId(0).name();
      }

      Snapshot review = reviews(read(repo)).get(0);

      assertEquals(
          new Provenance(
              c.name(),
              "Ann Example",
              Instant.parse("2026-03-02T10:15:00Z"),
              FILE,
              blob,
              "https://git.example.com/payments/commit/" + c.name(),
              false),
          review.provenance());
      assertEquals(c.name().substring(0, 7), review.provenance().shortId());
      assertEquals(FILE + "@" + c.name().substring(0, 7), review.source());
    }
  }

  @Test
  void aPathWithNoCommitsIsAnErrorNamingIt() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", "README.md", "# Payments\n");
      repo.write(FILE, checklist(1, 4));

      Inventory read = read(repo);

      assertEquals(List.of(), read.projects());
      Problem p = read.problems().get(0);
      assertEquals(Problem.Severity.ERROR, p.severity());
      assertEquals("GIT_NO_COMMITS", p.code());
      assertEquals(FILE, p.file());
      assertTrue(
          p.message().startsWith("it has no commits in the repository " + repo.dir().toRealPath()),
          p.message());
    }
  }

  @Test
  void aRepositoryWithNoCommitsYetSaysSo() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.write(FILE, checklist(1, 4));

      Problem p = read(repo).problems().get(0);

      assertEquals("GIT_NO_COMMITS", p.code());
      assertTrue(p.message().contains("has no commits yet"), p.message());
    }
  }

  @Test
  void theConfiguredTimeZoneDecidesTheDay() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 22:30", "Ann", FILE, checklist(1, 4)); // 23:30 in Berlin
      repo.commit("2026-03-02 23:30", "Ann", FILE, checklist(2, 4)); // 00:30 on the 3rd in Berlin

      Inventory utc = read(sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()));
      Inventory berlin =
          read(sources(repo, FILE, false, ZoneId.of("Europe/Berlin"), new GitCache()));

      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(utc));
      assertEquals(2, reviews(utc).get(0).done());
      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-03-03")), dates(berlin));
    }
  }

  @Test
  void uncommittedEditsAreNoReviewUnlessTheWorktreeIsAskedFor() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.write(FILE, checklist(3, 4));

      Inventory committed = read(repo);
      Inventory withDraft = read(sources(repo, FILE, true, ZoneOffset.UTC, new GitCache()));

      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(committed));
      assertEquals(
          List.of(LocalDate.parse("2026-03-02"), LocalDate.parse("2026-06-01")), dates(withDraft));
      Snapshot draft = reviews(withDraft).get(1);
      assertTrue(draft.provenance().draft());
      assertNull(draft.provenance().commit());
      assertEquals(FILE + "@worktree", draft.source());
      assertEquals(3, draft.done());
    }
  }

  @Test
  void anUnchangedWorkingTreeMakesNoDraft() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      // A checkout that converted line endings is no edit.
      repo.write(FILE, checklist(1, 4).replace("\n", "\r\n"));

      Inventory read = read(sources(repo, FILE, true, ZoneOffset.UTC, new GitCache()));

      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(read));
    }
  }

  @Test
  void aDraftReplacesTodaysCommit() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.commit("2026-06-01 09:00", "Ann", FILE, checklist(2, 4));
      repo.write(FILE, checklist(4, 4));

      List<Snapshot> reviews =
          reviews(read(sources(repo, FILE, true, ZoneOffset.UTC, new GitCache())));

      assertEquals(2, reviews.size());
      assertTrue(reviews.get(1).provenance().draft());
      assertEquals(4, reviews.get(1).done());
    }
  }

  @Test
  void theDocumentsOwnDateLosesToTheCommitDate() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      RevCommit c =
          repo.commit(
              "2026-03-09 10:00",
              "Ann",
              FILE,
              checklist(1, 4)
                  .replace(
                      "**Project**: Payments\n", "**Project**: Payments\n**Date**: 2026-01-05\n"));

      Inventory read = read(repo);

      assertEquals(List.of(LocalDate.parse("2026-03-09")), dates(read));
      assertEquals(
          FILE
              + "@"
              + shortId(c)
              + ":4: warning: the document says 2026-01-05 but the commit date is"
              + " 2026-03-09; the commit date wins, so correct the document's date [DATE_MISMATCH]",
          read.problems().get(0).toString());
    }
  }

  @Test
  void aFileDeletedAtHeadKeepsItsReviewsAndSaysSo() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      RevCommit gone = repo.delete("2026-03-09 10:00", "Bob", FILE);

      Inventory read = read(repo);

      assertEquals(List.of(LocalDate.parse("2026-03-02")), dates(read));
      assertEquals(
          FILE
              + ": warning: was deleted (or renamed away) in commit "
              + shortId(gone)
              + " of 2026-03-09; its reviews up to then are shown [GIT_DELETED]",
          read.problems().get(0).toString());
    }
  }

  @Test
  void aRebuildAfterOneNewCommitReadsOneBlob() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      for (int week = 0; week < 6; week++) {
        repo.commit(
            LocalDate.parse("2026-03-02").plusWeeks(week) + " 10:00",
            "Ann",
            FILE,
            checklist(week, 8));
      }
      GitCache cache = new GitCache();
      assertEquals(6, reviews(read(sources(repo, FILE, false, ZoneOffset.UTC, cache))).size());
      assertEquals(new GitCache.Stats(1, 6, 6, 6), cache.stats());

      assertEquals(6, reviews(read(sources(repo, FILE, false, ZoneOffset.UTC, cache))).size());
      assertEquals(
          new GitCache.Stats(1, 6, 6, 6),
          cache.stats(),
          "nothing moved: nothing walked, read or parsed");

      repo.commit("2026-04-13 10:00", "Ann", FILE, checklist(7, 8));
      List<Snapshot> after = reviews(read(sources(repo, FILE, false, ZoneOffset.UTC, cache)));

      assertEquals(7, after.size());
      assertEquals(7, after.get(6).done());
      assertEquals(
          new GitCache.Stats(2, 13, 7, 7),
          cache.stats(),
          "one more walk, one blob read, one parse");
    }
  }

  @Test
  void theUpToDateKeyMovesWithTheFileOnly() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      Map<String, String> before =
          sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()).hashes();

      repo.commit("2026-03-03 10:00", "Bob", "README.md", "# Payments\n");
      Map<String, String> elsewhere =
          sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()).hashes();
      repo.commit("2026-03-04 10:00", "Bob", FILE, checklist(2, 4));
      Map<String, String> touched =
          sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()).hashes();
      repo.write(FILE, checklist(3, 4));
      Map<String, String> clean =
          sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()).hashes();
      Map<String, String> drafted =
          sources(repo, FILE, true, ZoneOffset.UTC, new GitCache()).hashes();

      assertEquals(List.of(GitSources.HASH_PREFIX + FILE), List.copyOf(before.keySet()));
      assertEquals(before, elsewhere);
      assertNotEquals(before, touched);
      assertEquals(touched, clean, "an uncommitted edit counts only with --git-worktree");
      assertNotEquals(touched, drafted);
    }
  }

  @Test
  void readingNeverWritesToTheRepositoryItsIndexOrWorkingTree() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      repo.rename("2026-03-05 10:00", "Bob", FILE, "docs/READINESS.md");
      repo.commit("2026-03-09 10:00", "Ann", "docs/READINESS.md", checklist(2, 4));
      repo.write("docs/READINESS.md", checklist(3, 4));
      Map<String, String> before = tree(repo.dir());
      Thread.sleep(20); // so that a write in the same clock tick would still show in a time

      GitSources sources = sources(repo, "docs/READINESS.md", true, ZoneOffset.UTC, new GitCache());
      sources.hashes();
      Inventory read = read(sources);
      sources.heads();

      assertEquals(4, reviews(read).size());
      assertEquals(before, tree(repo.dir()));
    }
  }

  /**
   * Every file and folder under a folder: size, times and content hash of files, times of folders.
   */
  static Map<String, String> tree(Path root) throws IOException {
    Map<String, String> all = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.toList()) {
        BasicFileAttributes a =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        String what =
            a.lastModifiedTime() + " " + (a.isDirectory() ? "dir" : a.size() + " " + sha(p));
        all.put(root.relativize(p).toString(), what);
      }
    }
    return all;
  }

  private static String sha(Path p) throws IOException {
    try (InputStream in = Files.newInputStream(p)) {
      return HexFormat.of()
          .formatHex(MessageDigest.getInstance("SHA-256").digest(in.readAllBytes()));
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void headsChangeWithACommitAnywhere() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", FILE, checklist(1, 4));
      GitSources sources = sources(repo, FILE, false, ZoneOffset.UTC, new GitCache());
      String before = sources.heads();
      RevCommit other = repo.commit("2026-03-03 10:00", "Bob", "README.md", "# Payments\n");

      assertFalse(before.equals(sources.heads()));
      assertEquals(FILE + " " + other.name() + "\n", sources.heads());
    }
  }

  @Test
  void aNewProcessAfterOneCommitParsesOnlyTheNewCommitsBlob() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 09:00", "Ann", FILE, checklist(1, 5));
      repo.commit("2026-03-09 09:00", "Bob", FILE, checklist(2, 5));
      repo.commit("2026-03-16 09:00", "Cat", FILE, checklist(3, 5));
      Path cacheDir = tmp.resolve("cache");
      InputReader plain = new InputReader(Settings.DEFAULTS.input().maxFileBytes(), 1);

      dev.readiness.read.ParseCache first =
          dev.readiness.read.ParseCache.in(cacheDir, "tool", true);
      sources(repo, FILE, false, ZoneOffset.UTC, new GitCache())
          .addTo(new Inventory(List.of(), List.of()), plain.cachedIn(first), NOW, s -> true);
      assertEquals(3, first.parsed());

      repo.commit("2026-03-23 09:00", "Dan", FILE, checklist(4, 5));
      // A new process: a new git cache and a new parse cache on the same folder.
      dev.readiness.read.ParseCache next = dev.readiness.read.ParseCache.in(cacheDir, "tool", true);
      Inventory warm =
          sources(repo, FILE, false, ZoneOffset.UTC, new GitCache())
              .addTo(new Inventory(List.of(), List.of()), plain.cachedIn(next), NOW, s -> true);
      assertEquals(1, next.parsed(), "only the new commit's blob is parsed");
      assertEquals(3, next.hits());
      Inventory cold = read(sources(repo, FILE, false, ZoneOffset.UTC, new GitCache()));
      assertEquals(reviews(cold), reviews(warm));
      assertEquals(cold.problems(), warm.problems());
    }
  }
}
