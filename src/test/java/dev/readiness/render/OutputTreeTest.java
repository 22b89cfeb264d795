package dev.readiness.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.hostile.Trees;
import java.io.IOException;
import java.nio.file.Files;
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
  @TempDir Path parent;
  Path site;

  @BeforeEach
  void setUp() {
    site = parent.resolve("site");
  }

  @Test
  void writesTheTreeAndItsManifest() throws IOException {
    build(Map.of("index.html", "home", "projects/orion/index.html", "orion"));
    assertEquals(Map.of("index.html", "home", "projects/orion/index.html", "orion",
        OutputTree.MANIFEST, "index.html\nprojects/orion/index.html\n"), Trees.text(site));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void replacesItsOwnFilesAndKeepsEveryOtherFile() throws IOException {
    build(Map.of("index.html", "one", "projects/old/index.html", "old", "projects/orion/index.html", "orion"));
    write(site.resolve("notes.txt"), "mine");
    write(site.resolve("projects/orion/annotations.md"), "also mine");
    write(site.resolve("deploy/.htaccess"), "deny");
    build(Map.of("index.html", "two", "projects/orion/index.html", "orion 2"));
    assertEquals(Map.of(
        "index.html", "two",
        "projects/orion/index.html", "orion 2",
        "projects/orion/annotations.md", "also mine",
        "notes.txt", "mine",
        "deploy/.htaccess", "deny",
        OutputTree.MANIFEST, "index.html\nprojects/orion/index.html\n"), Trees.text(site));
    assertFalse(Files.exists(site.resolve("projects/old")), "a folder of only old files is not kept");
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
      assertEquals(site.resolve("data.json") + " was not written by readiness and is where readiness writes;"
          + " move it away or choose another --output", e.getMessage());
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
      assertTrue(e.getMessage().startsWith(site.resolve("feed.xml") + " was not written by readiness"), e.getMessage());
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
      assertTrue(e.getMessage().startsWith(site.resolve("assets") + " was not written"), e.getMessage());
    }
    assertFalse(Files.exists(parent.resolve("site.css")), "nothing is written through a link");
  }

  @Test
  void refusesAForeignFolderWhereItWritesAFile() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("data.json/readme.txt"), "a folder named data.json");
    try (OutputTree tree = OutputTree.begin(site)) {
      tree.write("data.json", "{}");
      IOException e = assertThrows(IOException.class, tree::commit);
      assertTrue(e.getMessage().startsWith(site.resolve("data.json") + " was not written"), e.getMessage());
    }
    assertEquals("a folder named data.json", Files.readString(site.resolve("data.json/readme.txt")));
  }

  @Test
  void rejectsPathsThatCouldLeaveTheFolderOrBreakOnOtherSystems() throws IOException {
    try (OutputTree tree = OutputTree.begin(site)) {
      for (String bad : List.of("", "/etc/passwd", "../x", "a/../../x", "a//b", "./a", "a/.", "a\\b", "C:x", "a\0b",
          "con", "projects/NUL.html", "lpt1.txt", "a.", "a ", "a\nb", "x".repeat(256), OutputTree.MANIFEST, "a|b", "a*b")) {
        assertThrows(IllegalArgumentException.class, () -> tree.write(bad, "x"), bad);
      }
      tree.write("projects/orion-2/2026-03-09/orion-2-2026-03-09.pdf", "ok");
      tree.write("é/ü.html", "ok");
      tree.commit();
    }
    try (Stream<Path> all = Files.walk(parent)) {
      assertTrue(all.allMatch(p -> p.startsWith(site) || p.equals(parent)), "nothing outside the output folder");
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
  void putsBackASiteThatAKilledSwapMovedAside() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve("mine.txt"), "mine");
    Map<String, String> before = Trees.hashes(site);
    Files.move(site, parent.resolve(".site.previous-killed"));
    Files.createDirectories(parent.resolve(".site.staging-killed/projects"));
    try (OutputTree tree = OutputTree.begin(site)) {
      assertEquals(before, Trees.hashes(site));
      assertEquals(List.of(".site.staging-" , "site"),
          siblings().stream().map(n -> n.startsWith(".site.staging-") ? ".site.staging-" : n).toList());
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
      assertTrue(e.getMessage().startsWith("another readiness build is writing " + site), e.getMessage());
      first.write("index.html", "two");
      first.commit();
    }
    assertEquals("two", Files.readString(site.resolve("index.html")));
    assertEquals(List.of("site"), siblings());
  }

  @Test
  void treatsALockLeftInTheSiteAsItsOwn() throws IOException {
    build(Map.of("index.html", "one"));
    write(site.resolve(".readiness-lock"), "");
    build(Map.of("index.html", "two"));
    assertFalse(Files.exists(site.resolve(".readiness-lock")));
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
    build(Map.of("index.html", "one"));
    assertTrue(Files.isSymbolicLink(site));
    assertEquals(Map.of("index.html", "one", "robots.txt", "keep", OutputTree.MANIFEST, "index.html\n"), Trees.text(real));
  }

  @Test
  void refusesAFileAsTheOutputFolder() throws IOException {
    write(site, "not a folder");
    IOException e = assertThrows(IOException.class, () -> OutputTree.begin(site));
    assertEquals(site + " exists and is not a folder; choose another --output", e.getMessage());
    assertEquals("not a folder", Files.readString(site));
  }

  private void build(Map<String, String> files) throws IOException {
    try (OutputTree tree = OutputTree.begin(site)) {
      for (Map.Entry<String, String> file : new TreeMap<>(files).entrySet()) {
        tree.write(file.getKey(), file.getValue());
      }
      tree.commit();
    }
  }

  private List<String> siblings() throws IOException {
    try (Stream<Path> list = Files.list(parent)) {
      return list.map(p -> p.getFileName().toString()).filter(n -> !n.equals("usual") && !n.equals("www")).sorted().toList();
    }
  }

  private static void write(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Files.writeString(file, text);
  }
}
