package dev.readiness.read.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.eclipse.jgit.storage.file.FileBasedConfig;
import org.eclipse.jgit.util.FS;
import org.eclipse.jgit.util.SystemReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * JGit, as readiness sets it up, measures nothing, loads and saves no configuration, runs nothing.
 */
class RepositoriesTest {
  @Test
  void jgitIsToldTheTimestampResolutionSoItWritesNoProbeFiles(@TempDir Path dir) throws Exception {
    Repositories.install();

    // Measured, it would be microseconds here, after writing .probe files into the folder.
    assertEquals(Duration.ofSeconds(2), FS.getFileStoreAttributes(dir).getFsTimestampResolution());
    assertEquals(
        2_000_000_000L,
        SystemReader.getInstance()
            .getUserConfig()
            .getTimeUnit(
                "filesystem", "any|store", "timestampResolution", -1, TimeUnit.NANOSECONDS));
  }

  @Test
  void userSystemAndJgitConfigurationsHaveNoFile() throws Exception {
    Repositories.install();

    // No file: nothing is read from or saved to the user's home, and git is not run to find
    // the system configuration.
    assertNull(((FileBasedConfig) SystemReader.getInstance().getUserConfig()).getFile());
    assertNull(((FileBasedConfig) SystemReader.getInstance().getSystemConfig()).getFile());
    assertNull(((FileBasedConfig) SystemReader.getInstance().getJGitConfig()).getFile());
  }
}
