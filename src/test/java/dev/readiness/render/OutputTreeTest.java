package dev.readiness.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.hostile.Mounts;
import dev.readiness.hostile.Trees;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputTreeTest {
  private static final String HEADER =
      "# readiness manifest 2: the files readiness wrote and the folders it made (ending in /)\n";

  @TempDir Path parent;
  Path site;

  @BeforeEach
  void setUp() {
    site = parent.resolve("site");
  }

  @Test
  void writesTheTreeAndItsManifest() throws IOException {
    build(Map.of("index.html", "home", "projects/orion/index.html", "orion"));
    assertEquals(
        Map.of(
            "index.html",
            "home",
            "projects/orion/index.html",
            "orion",
            OutputTree.MANIFEST,
            HEADER + "index.html\nprojects/\nprojects/orion/\nprojects/orion/index.html\n"),
        Trees.text(site));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void replacesItsOwnFilesAndKeepsEveryOtherFile() throws IOException {
    build(
        Map.of(
            "index.html",
            "one",
            "projects/old/index.html",
            "old",
            "projects/orion/index.html",
            "orion"));
    write(site.resolve("notes.txt"), "mine");
    write(site.resolve("projects/orion/annotations.md"), "also mine");
    write(site.resolve("deploy/.htaccess"), "deny");
    build(Map.of("index.html", "two", "projects/orion/index.html", "orion 2"));
    assertEquals(
        Map.of(
            "index.html",
            "two",
            "projects/orion/index.html",
            "orion 2",
            "projects/orion/annotations.md",
            "also mine",
            "notes.txt",
            "mine",
            "deploy/.htaccess",
            "deny",
            OutputTree.MANIFEST,
            HEADER + "index.html\nprojects/\nprojects/orion/\nprojects/orion/index.html\n"),
        Trees.text(site));
    assertFalse(
        Files.exists(site.resolve("projects/old")), "a folder of only old files is not kept");
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void refusesToWriteWhereAFileItDidNotWriteIs() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("data.json"), "{\"mine\": true}");
    Map<String, String> before = Trees.hashes(site);
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "two");
      IOException e = assertThrows(IOException.class, () -> tree.write("data.json", "{}"));
      assertEquals(
          site.resolve("data.json")
              + " was not written by readiness and is where readiness writes;"
              + " move it away or choose another --output",
          e.getMessage());
    }
    assertEquals(before, Trees.hashes(site));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void refusesAFileItDidNotWriteThatAppearsDuringTheBuild() throws IOException {
    build(Map.of("index.html", "one"));
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "two");
      tree.write("feed.xml", "<feed/>");
      write(site.resolve("feed.xml"), "someone else's feed");
      Map<String, String> before = Trees.hashes(site);
      IOException e = assertThrows(IOException.class, tree::commit);
      assertTrue(
          e.getMessage().startsWith(site.resolve("feed.xml") + " was not written by readiness"),
          e.getMessage());
      assertEquals(before, Trees.hashes(site));
    }
    assertEquals("someone else's feed", Files.readString(site.resolve("feed.xml")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void refusesAForeignFileOrLinkWhereItNeedsAFolder() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("projects"), "a file named projects");
    Files.createSymbolicLink(site.resolve("assets"), parent);
    try (OutputTree tree = OutputTree.begin(site)) {
      assertThrows(IOException.class, () -> tree.write("projects/orion/index.html", "x"));
      IOException e = assertThrows(IOException.class, () -> tree.write("assets/site.css", "x"));
      assertTrue(
          e.getMessage().startsWith(site.resolve("assets") + " was not written"), e.getMessage());
    }
    assertFalse(Files.exists(parent.resolve("site.css")), "nothing is written through a link");
  }

  @Test
  void refusesAForeignFolderWhereItWritesAFile() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("data.json/readme.txt"), "a folder named data.json");
    try (OutputTree tree = OutputTree.begin(site)) {
      IOException e =
          assertThrows(OutputRefusedException.class, () -> tree.write("data.json", "{}"));
      assertTrue(
          e.getMessage().startsWith(site.resolve("data.json") + " was not written"),
          e.getMessage());
    }
    assertEquals(
        "a folder named data.json", Files.readString(site.resolve("data.json/readme.txt")));
  }

  @Test
  void refusesAForeignFolderThatAppearsWhereItWritesAFileDuringTheBuild() throws IOException {
    build(Map.of("index.html", "one"));
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("data.json", "{}");
      write(site.resolve("data.json/readme.txt"), "a folder named data.json");
      Map<String, String> before = Trees.hashes(site);
      IOException e = assertThrows(OutputRefusedException.class, tree::commit);
      assertTrue(
          e.getMessage().startsWith(site.resolve("data.json") + " was not written"),
          e.getMessage());
      assertEquals(before, Trees.hashes(site), "nothing was moved");
    }
    assertEquals(
        "a folder named data.json", Files.readString(site.resolve("data.json/readme.txt")));
    assertEquals(List.of("site"), siblings());
    assertFalse(Files.exists(site.resolve(OutputTree.STAGING)));
  }

  @Test
  void rejectsPathsThatCouldLeaveTheFolderOrBreakOnOtherSystems() throws IOException {
    try (OutputTree tree = OutputTree.begin(site)) {
      for (String bad :
          List.of(
              "",
              "/etc/passwd",
              "../x",
              "a/../../x",
              "a//b",
              "./a",
              "a/.",
              "a\\b",
              "C:x",
              "a\0b",
              "con",
              "projects/NUL.html",
              "lpt1.txt",
              "a.",
              "a ",
              "a\nb",
              "x".repeat(256),
              OutputTree.MANIFEST,
              "a|b",
              "a*b")) {
        assertThrows(IllegalArgumentException.class, () -> tree.write(bad, "x"), bad);
      }
      tree.write("projects/orion-2/2026-03-09/orion-2-2026-03-09.pdf", "ok");
      tree.write("é/ü.html", "ok");
      tree.commit();
    }
    try (Stream<Path> all = Files.walk(parent)) {
      assertTrue(
          all.allMatch(p -> p.startsWith(site) || p.equals(parent)),
          "nothing outside the output folder");
    }
  }

  @Test
  void leavesThePreviousSiteAsItWasWhenABuildFails() throws IOException {
    build(Map.of("index.html", "one", "data.json", "{}"));
    Map<String, String> before = Trees.hashes(site);
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "half");
    }
    assertEquals(before, Trees.hashes(site));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void aFailedFirstBuildLeavesNoOutputFolder() throws IOException {
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "half");
    }
    assertEquals(List.of(), siblings());
  }

  @Test
  void putsBackASiteThatAKilledSwapMovedAside() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("mine.txt"), "mine");
    Map<String, String> before = Trees.hashes(site);
    Files.move(site, parent.resolve(".site.previous-killed"));
    Files.createDirectories(parent.resolve(".site.staging-killed/projects"));
    try (OutputTree tree = OutputTree.begin(site)) {
      assertEquals(before, withoutStaging(Trees.hashes(site)));
      assertEquals(
          List.of("site"), siblings(), "what an earlier version left beside the site is gone");
    }
    assertEquals(before, Trees.hashes(site));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void removesWhatAKilledBuildLeftBesideTheSite() throws IOException {
    build(Map.of("index.html", "one"));
    Map<String, String> before = Trees.hashes(site);
    write(parent.resolve(".site.previous-old/index.html"), "older");
    write(parent.resolve(".site.staging-dead/index.html"), "half");
    write(parent.resolve(".site.staging-dead/.readiness-lock"), "");
    write(parent.resolve(".siteother"), "not ours");
    build(Map.of("index.html", "two"));
    assertEquals(List.of(".siteother", "site"), siblings());
    assertFalse(before.equals(Trees.hashes(site)));
  }

  @Test
  void refusesASecondBuildOfTheSameFolderAtOnce() throws IOException {
    build(Map.of("index.html", "one"));
    try (OutputTree first = OutputTree.begin(site)) {
      IOException e = assertThrows(IOException.class, () -> OutputTree.begin(site));
      assertTrue(
          e.getMessage().startsWith("another readiness build is writing " + site), e.getMessage());
      first.write("index.html", "two");
      first.commit();
    }
    assertEquals("two", Files.readString(site.resolve("index.html")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void keepsTheSitesPermissions() throws IOException {
    build(Map.of("index.html", "one"));
    Files.setPosixFilePermissions(site, PosixFilePermissions.fromString("rwxr-x---"));
    build(Map.of("index.html", "two"));
    assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(site)));
  }

  @Test
  void givesANewSiteTheUsualPermissionsNotThoseOfATemporaryFolder() throws IOException {
    Path usual = Files.createDirectory(parent.resolve("usual"));
    build(Map.of("index.html", "one"));
    assertEquals(Files.getPosixFilePermissions(usual), Files.getPosixFilePermissions(site));
  }

  @Test
  void writesIntoTheFolderALinkedSitePointsTo() throws IOException {
    Path real = Files.createDirectories(parent.resolve("www/real-site"));
    write(real.resolve("robots.txt"), "keep");
    Files.createSymbolicLink(site, real);
    build(Map.of("index.html", "one"), OutputTree.Foreign.ADOPT);
    assertTrue(Files.isSymbolicLink(site));
    assertEquals(
        Map.of(
            "index.html",
            "one",
            "robots.txt",
            "keep",
            OutputTree.MANIFEST,
            HEADER + "index.html\n"),
        Trees.text(real));
  }

  @Test
  void refusesAFileAsTheOutputFolder() throws IOException {
    write(site, "not a folder");
    IOException e = assertThrows(OutputRefusedException.class, () -> OutputTree.begin(site));
    assertEquals(site + " exists and is not a folder; choose another --output", e.getMessage());
    assertEquals("not a folder", Files.readString(site));
  }

  @Test
  void refusesANonEmptyFolderItDidNotMakeAndChangesNothingInIt() throws IOException {
    write(site.resolve("notes.txt"), "mine");
    Files.createDirectories(site.resolve("empty"));
    Map<String, String> before = Mounts.metadata(site);
    OutputRefusedException e =
        assertThrows(OutputRefusedException.class, () -> OutputTree.begin(site));
    assertEquals(
        site
            + " is not empty and readiness did not make it (it has no .readiness-manifest); to write the"
            + " site among the files there, which are then left as they are, pass --force-output; otherwise choose an"
            + " empty or new folder",
        e.getMessage());
    assertEquals(before, Mounts.metadata(site), "not even the folder's times changed");
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void writesIntoAnEmptyFolderItDidNotMake() throws IOException {
    Files.createDirectories(site);
    build(Map.of("index.html", "one"));
    assertEquals("one", Files.readString(site.resolve("index.html")));
  }

  @Test
  void leavesEveryEntryItDidNotWriteAsItWasWhenWritingAmongThem() throws Exception {
    Files.createDirectories(site.resolve(".ssh"));
    write(site.resolve(".ssh/id_ed25519"), "secret");
    Files.setPosixFilePermissions(
        site.resolve(".ssh/id_ed25519"), PosixFilePermissions.fromString("rw-------"));
    Files.setPosixFilePermissions(
        site.resolve(".ssh"), PosixFilePermissions.fromString("rwx------"));
    Files.createDirectories(site.resolve("empty/nested-empty"));
    Files.createDirectories(site.resolve(".git/refs/heads"));
    write(site.resolve("shared/report.txt"), "team");
    Files.setAttribute(site.resolve("shared"), "unix:mode", 02775);
    chownIfPermitted(site.resolve("shared"), 1234);
    chownIfPermitted(site.resolve("shared/report.txt"), 1234);
    write(site.resolve("projects/notes.md"), "mine, in a folder readiness writes into");
    for (Path p :
        List.of(
            site.resolve("empty"),
            site.resolve("empty/nested-empty"),
            site.resolve("shared/report.txt"),
            site.resolve(".git/refs/heads"))) {
      Files.setLastModifiedTime(p, java.nio.file.attribute.FileTime.fromMillis(1_577_836_800_000L));
    }
    Map<String, String> before = Mounts.metadata(site);
    before.remove("/");
    before.remove("projects/");

    build(
        Map.of("index.html", "one", "projects/orion/index.html", "orion"),
        OutputTree.Foreign.ADOPT);
    build(Map.of("index.html", "two", "projects/vega/index.html", "vega"));
    Map<String, String> after = Mounts.metadata(site);
    after.keySet().retainAll(before.keySet());
    assertEquals(
        before,
        after,
        "the same inode, mode (setgid too), owner and times for every entry not readiness's");
    assertEquals(
        "02775",
        "0"
            + Integer.toOctalString(
                (Integer) Files.getAttribute(site.resolve("shared"), "unix:mode") & 07777));
    assertFalse(
        Files.exists(site.resolve("projects/orion")),
        "a folder readiness made and no longer needs goes");
    assertTrue(
        Files.isDirectory(site.resolve("projects")), "a folder readiness did not make stays");
  }

  @Test
  void keepsAFolderItDidNotMakeEvenWhenItsOwnFilesInItAreGone() throws IOException {
    Files.createDirectories(site.resolve("projects"));
    Files.setPosixFilePermissions(
        site.resolve("projects"), PosixFilePermissions.fromString("rwx------"));
    build(
        Map.of("index.html", "one", "projects/orion/index.html", "orion"),
        OutputTree.Foreign.ADOPT);
    Map<String, String> before = Mounts.metadata(site.resolve("projects"));
    build(Map.of("index.html", "two"));
    assertEquals(
        List.of(), listing(site.resolve("projects")), "readiness's folder inside it is gone");
    assertEquals(
        "rwx------",
        PosixFilePermissions.toString(Files.getPosixFilePermissions(site.resolve("projects"))));
    assertEquals(
        before.get("/").split(" ")[0],
        Mounts.metadata(site.resolve("projects")).get("/").split(" ")[0],
        "the same folder, not a new one");
  }

  @Test
  void leavesAKeptFileWhereItIs() throws IOException {
    build(Map.of("index.html", "one", "projects/orion/index.html", "orion"));
    Object inode = Files.getAttribute(site.resolve("projects/orion/index.html"), "unix:ino");
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "two");
      tree.keep("projects/orion/index.html");
      assertThrows(IOException.class, () -> tree.keep("projects/vega/index.html"));
      tree.commit();
    }
    assertEquals(inode, Files.getAttribute(site.resolve("projects/orion/index.html"), "unix:ino"));
    assertEquals(
        Map.of(
            "index.html",
            "two",
            "projects/orion/index.html",
            "orion",
            OutputTree.MANIFEST,
            HEADER + "index.html\nprojects/\nprojects/orion/\nprojects/orion/index.html\n"),
        Trees.text(site));
  }

  @Test
  void theNextBuildFinishesTheRenamesOfABuildKilledDuringThem() throws IOException {
    build(
        Map.of(
            "index.html", "one", "projects/a/index.html", "a", "projects/old/index.html", "old"));
    write(site.resolve("mine.txt"), "mine");
    OutputTree killed = OutputTree.begin(site);
    killed.write("index.html", "two");
    killed.write("projects/a/index.html", "a2");
    killed.write("projects/b/index.html", "b");
    killed.prepare();
    Path staging = site.resolve(OutputTree.STAGING);
    Files.createDirectories(site.resolve("projects/b"));
    Files.move(staging.resolve("projects/b/index.html"), site.resolve("projects/b/index.html"));
    killed.close();
    assertTrue(Files.isDirectory(staging), "killed with one file of three moved");

    OutputTree.recover(site);
    assertEquals(
        Map.of(
            "index.html",
            "two",
            "projects/a/index.html",
            "a2",
            "projects/b/index.html",
            "b",
            "mine.txt",
            "mine",
            OutputTree.MANIFEST,
            HEADER
                + "index.html\nprojects/\nprojects/a/\nprojects/a/index.html\n"
                + "projects/b/\nprojects/b/index.html\n"),
        Trees.text(site));
    assertFalse(Files.exists(site.resolve("projects/old")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void theNextBuildRemovesTheStagingFolderOfABuildKilledWhileWriting() throws IOException {
    build(Map.of("index.html", "one"));
    Map<String, String> before = Trees.hashes(site);
    write(site.resolve(OutputTree.STAGING + "/index.html"), "half");
    write(site.resolve(OutputTree.STAGING + "/.readiness-lock"), "");
    OutputTree.recover(site);
    assertEquals(before, Trees.hashes(site));
  }

  @Test
  void aBuildKilledAfterItsManifestWasInPlaceNeedsNothingMore() throws IOException {
    build(Map.of("index.html", "one", "projects/a/index.html", "a"));
    Map<String, String> before = Trees.hashes(site);
    write(site.resolve(OutputTree.STAGING + "/.readiness-moving"), "");
    write(site.resolve(OutputTree.STAGING + "/.readiness-lock"), "");
    OutputTree.recover(site);
    assertEquals(before, Trees.hashes(site), "no file of the new manifest is taken for an old one");
  }

  @Test
  void refusesAnOutputWithAFileSystemMountedInside() throws Exception {
    build(Map.of("index.html", "one"));
    Path mount = site.resolve("backup");
    try (AutoCloseable mounted = Mounts.tmpfs(mount)) {
      write(mount.resolve("photo.jpg"), "precious");
      Map<String, String> before = Trees.hashes(site);
      OutputRefusedException e =
          assertThrows(OutputRefusedException.class, () -> OutputTree.begin(site));
      assertEquals(
          mount
              + " is a mount point of another file system inside the output folder "
              + site
              + "; readiness never writes across file systems, so unmount it or choose another --output",
          e.getMessage());
      assertThrows(
          OutputRefusedException.class, () -> OutputTree.begin(site, OutputTree.Foreign.ADOPT));
      assertEquals(before, Trees.hashes(site));
      assertEquals("precious", Files.readString(mount.resolve("photo.jpg")));
    }
  }

  @Test
  void refusesAFolderOfAnotherFileSystemWhereItWritesWhenMountedDuringTheBuild() throws Exception {
    // Mounted after the build began, the mount table check at the start cannot see it: the commit
    // checks the file system of every folder it moves files into.
    build(Map.of("index.html", "one", "projects/orion/index.html", "orion"));
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("index.html", "two");
      tree.write("projects/orion/index.html", "orion 2");
      try (AutoCloseable mounted = Mounts.tmpfs(site.resolve("projects"))) {
        write(site.resolve("projects/photo.jpg"), "precious");
        OutputRefusedException e = assertThrows(OutputRefusedException.class, tree::commit);
        assertTrue(
            e.getMessage()
                .startsWith(site.resolve("projects") + " is a mount point of another file system"),
            e.getMessage());
        assertEquals("precious", Files.readString(site.resolve("projects/photo.jpg")));
      }
    }
    assertEquals(
        Map.of(
            "index.html",
            "one",
            "projects/orion/index.html",
            "orion",
            OutputTree.MANIFEST,
            HEADER + "index.html\nprojects/\nprojects/orion/\nprojects/orion/index.html\n"),
        Trees.text(site));
  }

  private static void chownIfPermitted(Path path, int uid) {
    try {
      Files.setAttribute(path, "unix:uid", uid, LinkOption.NOFOLLOW_LINKS);
      Files.setAttribute(path, "unix:gid", uid, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException | UnsupportedOperationException e) {
      // not root: owners stay the test's own, and are still compared before and after
    }
  }

  private static List<String> listing(Path folder) throws IOException {
    try (Stream<Path> list = Files.list(folder)) {
      return list.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  private void build(Map<String, String> files) throws IOException {
    build(files, OutputTree.Foreign.REFUSE);
  }

  private void build(Map<String, String> files, OutputTree.Foreign foreign) throws IOException {
    try (OutputTree tree = OutputTree.begin(site, foreign)) {
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        tree.write(file.getKey(), file.getValue());
      }
      tree.commit();
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> list = Files.list(parent)) {
      return list.map(p -> p.getFileName().toString())
          .filter(n -> !n.equals("usual") && !n.equals("www"))
          .sorted()
          .toList();
    }
  }

  private static Map<String, String> withoutStaging(Map<String, String> tree) {
    Map<String, String> rest = new TreeMap<>(tree);
    rest.keySet().removeIf(k -> k.startsWith(OutputTree.STAGING + "/"));
    return rest;
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
