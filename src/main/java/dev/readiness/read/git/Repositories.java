package dev.readiness.read.git;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.lib.Config;
import org.eclipse.jgit.lib.ConfigConstants;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;

/**
 * Opens repositories for reading only, with JGit set up so that it writes nothing and runs nothing.
 * Left to itself, JGit measures a file system's timestamp resolution the first time it reads a
 * repository there, by writing probe files into {@code .git} for up to a few seconds, and saves the
 * result in {@code ~/.config/jgit/config}; and it runs the {@code git} executable to find git's
 * system configuration. Both are turned off here, for the whole process, by a {@link SystemReader}
 * whose user, system and JGit configurations are empty, are never loaded from or saved to disk, and
 * state the file system's resolution (JGit's own fallback, 2 s, which only makes it read a
 * just-changed file again). The repository's own {@code .git/config} is still read.
 */
final class Repositories {
  /**
   * The resolution JGit assumes where it cannot measure (FAT's 2 s): safe, only slower to trust a
   * file.
   */
  private static final Duration TIMESTAMP_RESOLUTION =
      FS.FileStoreAttributes.FALLBACK_TIMESTAMP_RESOLUTION;

  private static boolean installed;

  private Repositories() {}

  /** Installs the read-only {@link SystemReader}; idempotent. Call before any other use of JGit. */
  static synchronized void install() {
    if (!installed) {
      SystemReader.setInstance(new QuietSystemReader(SystemReader.getInstance()));
      installed = true;
    }
  }

  /**
   * The repository whose working tree holds {@code file}, found by walking up from its folder (or,
   * when the folder is gone, from the nearest one that exists).
   *
   * @return the repository, or null when no folder above holds one
   */
  static Repository find(Path file) throws IOException {
    install();
    Path start = file.toAbsolutePath().normalize().getParent();
    while (start != null && !Files.isDirectory(start)) {
      start = start.getParent();
    }
    if (start == null) {
      return null;
    }
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().setMustExist(true).findGitDir(start.toFile());
    File gitDir = builder.getGitDir();
    return gitDir == null ? null : builder.build();
  }

  /** Opens the repository of a resolved source again. */
  static Repository open(File gitDir) throws IOException {
    install();
    return new FileRepositoryBuilder().setMustExist(true).setGitDir(gitDir).build();
  }

  /** Empty user, system and JGit configurations that never touch the disk. */
  private static final class QuietSystemReader extends SystemReader.Delegate {
    QuietSystemReader(SystemReader delegate) {
      super(delegate);
    }

    @Override
    public FileBasedConfig openUserConfig(Config parent, FS fs) {
      return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openSystemConfig(Config parent, FS fs) {
      return new MemoryConfig(parent, fs);
    }

    @Override
    public FileBasedConfig openJGitConfig(Config parent, FS fs) {
      return new MemoryConfig(parent, fs);
    }
  }

  /**
   * A configuration with no file: loads nothing, saves nothing, and states every file system's
   * timestamp resolution so that JGit never measures one.
   */
  private static final class MemoryConfig extends FileBasedConfig {
    MemoryConfig(Config base, FS fs) {
      super(base, null, fs);
    }

    @Override
    public void load() {
      // nothing on disk to load
    }

    @Override
    public void save() {
      // never written
    }

    @Override
    public boolean isOutdated() {
      return false;
    }

    @Override
    public long getTimeUnit(
        String section, String subsection, String name, long defaultValue, TimeUnit wantUnit) {
      if (ConfigConstants.CONFIG_FILESYSTEM_SECTION.equals(section)) {
        if (ConfigConstants.CONFIG_KEY_TIMESTAMP_RESOLUTION.equals(name)) {
          return wantUnit.convert(TIMESTAMP_RESOLUTION.toNanos(), TimeUnit.NANOSECONDS);
        }
        if (ConfigConstants.CONFIG_KEY_MIN_RACY_THRESHOLD.equals(name)) {
          return 0;
        }
      }
      return super.getTimeUnit(section, subsection, name, defaultValue, wantUnit);
    }
  }
}
