package dev.readiness.hostile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.readiness.cli.Main;
import dev.readiness.render.OutputTree;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through the command line: {@code build --output} pointed at a folder full of other data (a home
 * folder, a git working tree, a folder with a file system mounted in it) loses nothing.
 */
class OutputFolderAttackTest {
  @TempDir Path work;
  Path input;
  Path home;

  @BeforeEach
  void setUp() throws IOException {
    input = KilledBuildTest.generate(work.resolve("checklists"), 2, 2, 3);
    home = work.resolve("home");
    write(home.resolve(".bashrc"), "alias ll='ls -l'\n");
    write(home.resolve(".ssh/id_ed25519"), "secret\n");
    Files.setPosixFilePermissions(
        home.resolve(".ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(
        home.resolve(".ssh"), PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(home.resolve("Downloads"));
    Files.createDirectories(home.resolve("projects/empty"));
    write(home.resolve("team/plan.md"), "shared\n");
    Files.setAttribute(home.resolve("team"), "unix:mode", 02775);
    try {
      Files.setAttribute(home.resolve("team"), "unix:gid", 4321);
    } catch (IOException | UnsupportedOperationException e) {
      // not root: the group stays the test's own, and is still compared
    }
    for (String old : List.of("Downloads", "projects/empty", "team/plan.md", ".bashrc")) {
      Files.setLastModifiedTime(home.resolve(old), FileTime.fromMillis(1_262_304_000_000L));
    }
  }

  @Test
  void aFolderItDidNotMakeIsRefusedAndLeftAsItWas() throws IOException {
    Map<String, String> before = Mounts.metadata(home);
    Result r = build(home);
    assertEquals(2, r.exit, r.err);
    assertEquals(
        List.of(
            "readiness: "
                + home
                + " is not empty and readiness did not make it (it has no"
                + " .readiness-manifest); to write the site among the files there, which are then left as they are, pass"
                + " --force-output; otherwise choose an empty or new folder"),
        r.err.lines().toList());
    assertEquals(before, Mounts.metadata(home), "not one entry, mode or time changed");
  }

  @Test
  void withForceOutputItWritesAmongTheFilesThereAndTouchesNoneOfThem() throws IOException {
    Map<String, String> before = Mounts.metadata(home);
    before.remove("/");
    before.remove("projects/");
    assertEquals(0, build(home, "--force-output").exit);
    assertTrue(Files.isRegularFile(home.resolve("index.html")));
    Files.delete(input.resolve("project-01/2026-01-12.md"));
    assertEquals(0, build(home).exit, "a folder readiness made is its own from then on");

    Map<String, String> after = Mounts.metadata(home);
    after.keySet().retainAll(before.keySet());
    assertEquals(
        before,
        after,
        "empty folders, .ssh 0700, the setgid team folder, owners and times: all as they were");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(home.resolve(".ssh"))));
    assertFalse(
        Files.exists(home.resolve("projects/project-01/2026-01-12")),
        "readiness's own old files go");
    assertTrue(
        Files.isDirectory(home.resolve("projects/empty")),
        "an empty folder in a folder readiness writes stays");
  }

  @Test
  void aGitWorkingTreeAfterPackRefsIsStillARepository() throws Exception {
    Path repo = Files.createDirectories(work.resolve("repo"));
    write(repo.resolve("README.md"), "docs\n");
    git(repo, "init", "-q");
    git(repo, "add", "README.md");
    git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "first");
    git(repo, "pack-refs", "--all");
    try (Stream<Path> heads = Files.list(repo.resolve(".git/refs/heads"))) {
      assertEquals(0, heads.count(), "after pack-refs the refs folder is empty, as git leaves it");
    }
    String head = git(repo, "rev-parse", "HEAD");
    Map<String, String> gitBefore = Mounts.metadata(repo.resolve(".git"));

    assertEquals(0, build(repo, "--force-output").exit);
    assertEquals(0, build(repo).exit);
    assertEquals(
        head, git(repo, "rev-parse", "HEAD"), "git still sees the repository and its commit");
    assertEquals("true", git(repo, "rev-parse", "--is-inside-work-tree"));
    assertEquals(gitBefore, Mounts.metadata(repo.resolve(".git")), ".git is not touched at all");
  }

  @Test
  void aFileSystemMountedInsideTheOutputIsRefusedByNameAndKeepsItsFiles() throws Exception {
    Path site = work.resolve("site");
    assertEquals(0, build(site).exit);
    Path mount = site.resolve("archive");
    try (AutoCloseable mounted = Mounts.tmpfs(mount)) {
      write(mount.resolve("2025/report.pdf"), "precious\n");
      Map<String, String> before = Trees.hashes(site);
      Result r = build(site);
      assertEquals(2, r.exit, r.err);
      assertEquals(
          List.of(
              "readiness: "
                  + mount
                  + " is a mount point of another file system inside the output folder "
                  + site
                  + "; readiness never writes across file systems, so unmount it or choose another --output"),
          r.err.lines().toList());
      assertEquals(before, Trees.hashes(site));
      assertEquals("precious\n", Files.readString(mount.resolve("2025/report.pdf")));
    }
    assertEquals(
        List.of(), find(work, "report.pdf"), "nothing of the mount was copied to the disk beneath");
  }

  @Test
  void whatAKilledBuildLeftIsRemovedEvenByABuildThatFindsItselfUpToDate() throws IOException {
    Path site = work.resolve("site");
    assertEquals(0, build(site).exit);
    Map<String, String> before = Trees.hashes(site);
    write(site.resolve(OutputTree.STAGING + "/index.html"), "half\n");
    write(site.resolve(OutputTree.STAGING + "/.readiness-lock"), "");
    write(work.resolve(".site.staging-k1/index.html"), "half, by an earlier version\n");
    write(work.resolve(".site.previous-k2/index.html"), "old, by an earlier version\n");
    Result r = build(site);
    assertEquals(0, r.exit, r.err);
    assertTrue(r.out.startsWith("up to date "), r.out);
    assertEquals(before, Trees.hashes(site));
    try (Stream<Path> list = Files.list(work)) {
      assertEquals(
          List.of("checklists", "home", "site"),
          list.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  private String git(Path repo, String... arguments) throws Exception {
    List<String> command = new ArrayList<>(List.of("git", "-C", repo.toString()));
    command.addAll(List.of(arguments));
    Process git;
    try {
      git = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      assumeTrue(false, "assumption: git is installed (" + e.getMessage() + ")");
      throw e;
    }
    String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(git.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, git.exitValue(), String.join(" ", command) + ": " + out);
    return out;
  }

  private static List<Path> find(Path root, String name) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      return walk.filter(p -> p.getFileName().toString().equals(name)).toList();
    }
  }

  private Result build(Path output, String... options) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "build", "--no-pdf", "--input", input.toString(), "--output", output.toString()));
    args.addAll(List.of(options));
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exit =
        Main.execute(
            new Main(Map.of("SOURCE_DATE_EPOCH", "1767225600")),
            args.toArray(String[]::new),
            new PrintWriter(out, true),
            new PrintWriter(err, true));
    return new Result(exit, out.toString(), err.toString());
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }

  private record Result(int exit, String out, String err) {}
}
