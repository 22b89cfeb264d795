package dev.readiness.read.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SourceResolverTest {
  @TempDir Path tmp;

  private static SourceResolver.Request request(Path file, String project) {
    return new SourceResolver.Request(file, file.getFileName().toString(), project, null, "--git");
  }

  private static List<String> slugs(List<GitSource> sources) {
    return sources.stream().map(GitSource::slug).toList();
  }

  @Test
  void theDefaultSlugIsTheRepositoryFoldersName() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("Payments Gateway"))) {
      repo.commit("2026-03-02 10:00", "Ann", "docs/PRR.md", "- [ ] a\n");

      List<GitSource> sources =
          SourceResolver.resolve(List.of(request(repo.dir().resolve("docs/PRR.md"), null)), null);

      assertEquals(List.of("payments-gateway"), slugs(sources));
      assertEquals("docs/PRR.md", sources.get(0).path());
    }
  }

  @Test
  void sourcesThatWouldShareASlugGetTheirFilesStem() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", "docs/PRODUCTION_READINESS.md", "- [ ] a\n");
      repo.commit("2026-03-02 10:00", "Ann", "ops/launch-checklist.md", "- [ ] a\n");

      List<GitSource> sources =
          SourceResolver.resolve(
              List.of(
                  request(repo.dir().resolve("docs/PRODUCTION_READINESS.md"), null),
                  request(repo.dir().resolve("ops/launch-checklist.md"), null)),
              null);

      assertEquals(
          List.of("payments-production-readiness", "payments-launch-checklist"), slugs(sources));
    }
  }

  @Test
  void aSourceThatWouldTakeAnotherOnesProjectGetsItsStem() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", "PRR.md", "- [ ] a\n");
      repo.commit("2026-03-02 10:00", "Ann", "LAUNCH.md", "- [ ] a\n");

      List<GitSource> sources =
          SourceResolver.resolve(
              List.of(
                  request(repo.dir().resolve("PRR.md"), "payments"),
                  request(repo.dir().resolve("LAUNCH.md"), null)),
              null);

      assertEquals(List.of("payments", "payments-launch"), slugs(sources));
    }
  }

  @Test
  void aClashLeftIsAnErrorNamingBoth() throws Exception {
    try (GitFixture one = GitFixture.init(tmp.resolve("a/payments"));
        GitFixture two = GitFixture.init(tmp.resolve("b/payments"))) {
      one.commit("2026-03-02 10:00", "Ann", "docs/PRR.md", "- [ ] a\n");
      two.commit("2026-03-02 10:00", "Ann", "ops/PRR.md", "- [ ] a\n");

      GitSourceException e =
          assertThrows(
              GitSourceException.class,
              () ->
                  SourceResolver.resolve(
                      List.of(
                          new SourceResolver.Request(
                              one.dir().resolve("docs/PRR.md"),
                              "a/payments/docs/PRR.md",
                              null,
                              null,
                              "--git"),
                          new SourceResolver.Request(
                              two.dir().resolve("ops/PRR.md"),
                              "b/payments/ops/PRR.md",
                              null,
                              null,
                              "readiness.yaml:3")),
                      null));

      assertEquals(
          "--git a/payments/docs/PRR.md and readiness.yaml:3: b/payments/ops/PRR.md are both project"
              + " \"payments-prr\"; give one of them its own project: in sources: (readiness.yaml)",
          e.getMessage());
    }
  }

  @Test
  void theSameFileTwiceIsReadOnceAsFirstAskedFor() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", "PRR.md", "- [ ] a\n");

      List<GitSource> sources =
          SourceResolver.resolve(
              List.of(
                  request(repo.dir().resolve("PRR.md"), "gateway"),
                  request(repo.dir().resolve("./PRR.md"), null)),
              "https://x.example/{commit}");

      assertEquals(List.of("gateway"), slugs(sources));
      assertEquals("https://x.example/abc", sources.get(0).url("abc"));
    }
  }

  @Test
  void aFolderIsNotAChecklist() throws Exception {
    try (GitFixture repo = GitFixture.init(tmp.resolve("payments"))) {
      repo.commit("2026-03-02 10:00", "Ann", "docs/PRR.md", "- [ ] a\n");

      GitSourceException e =
          assertThrows(
              GitSourceException.class,
              () ->
                  SourceResolver.resolve(List.of(request(repo.dir().resolve("docs"), null)), null));

      assertEquals("--git docs is a folder; name the checklist file in it", e.getMessage());
    }
  }

  @Test
  void aFileOutsideARepositoryIsAnError() {
    GitSourceException e =
        assertThrows(
            GitSourceException.class,
            () -> SourceResolver.resolve(List.of(request(tmp.resolve("PRR.md"), null)), null));

    assertEquals(
        "--git PRR.md is not inside a git working tree (no .git in its folder or any folder above it);"
            + " --git reads a checklist's history from its repository",
        e.getMessage());
  }
}
