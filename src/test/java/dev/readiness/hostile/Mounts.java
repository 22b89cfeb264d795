package dev.readiness.hostile;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * File systems mounted for a test, and the metadata of folder trees, for attacks on the output
 * folder.
 */
public final class Mounts {
  private Mounts() {}

  /**
   * Mounts a small tmpfs on {@code folder} (made if missing) until the returned handle is closed.
   * The test is skipped, saying why, where mounting is not permitted (not root, no CAP_SYS_ADMIN).
   */
  public static AutoCloseable tmpfs(Path folder) throws IOException, InterruptedException {
    Files.createDirectories(folder);
    int exit = run("mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", folder.toString());
    assumeTrue(
        exit == 0,
        "assumption: mounting a tmpfs is permitted (root or CAP_SYS_ADMIN);"
            + " 'mount -t tmpfs' exited "
            + exit
            + ", so this attack cannot be staged here");
    return () -> {
      if (run("umount", folder.toString()) != 0 && run("umount", "-l", folder.toString()) != 0) {
        throw new IOException("could not unmount " + folder);
      }
    };
  }

  /** Runs a command and returns its exit code; output is discarded. */
  public static int run(String... command) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    if (!process.waitFor(60, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      return -1;
    }
    return process.exitValue();
  }

  /**
   * The metadata of every entry under {@code root}, links not followed, by relative path: inode,
   * mode (with setgid and sticky bits), owner, group, modification and status-change times. An
   * entry moved, re-created, chmod-ed, chown-ed or touched shows a different line; a folder whose
   * entries changed shows a new status-change time.
   */
  public static Map<String, String> metadata(Path root) throws IOException {
    Map<String, String> found = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : (Iterable<Path>) walk::iterator) {
        Map<String, Object> a =
            Files.readAttributes(
                p, "unix:ino,mode,uid,gid,lastModifiedTime,ctime", LinkOption.NOFOLLOW_LINKS);
        BasicFileAttributes basic =
            Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        found.put(
            root.relativize(p).toString().replace('\\', '/') + (basic.isDirectory() ? "/" : ""),
            "ino="
                + a.get("ino")
                + " mode="
                + Integer.toOctalString((Integer) a.get("mode"))
                + " uid="
                + a.get("uid")
                + " gid="
                + a.get("gid")
                + " mtime="
                + a.get("lastModifiedTime")
                + " ctime="
                + a.get("ctime"));
      }
    }
    return found;
  }
}
