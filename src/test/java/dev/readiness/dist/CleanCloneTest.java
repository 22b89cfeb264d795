package dev.readiness.dist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jgit.dircache.DirCache;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;

/**
 * What a fresh clone holds. `./readiness build` writes into `site/`, and a non-empty folder that
 * readiness did not make is refused (docs/safety.md): a file of ours committed there made the
 * README's first command exit 2 on every fresh clone.
 */
class CleanCloneTest {
  @Test
  void theDefaultOutputFolderIsNotInTheRepository() throws Exception {
    FileRepositoryBuilder builder =
        new FileRepositoryBuilder().findGitDir(new File(".").getAbsoluteFile());
    assumeTrue(builder.getGitDir() != null, "a source tree without git (an unpacked archive)");
    List<String> tracked = new ArrayList<>();
    try (Repository repository = builder.setMustExist(true).build()) {
      DirCache index = repository.readDirCache();
      for (int i = 0; i < index.getEntryCount(); i++) {
        String path = index.getEntry(i).getPathString();
        if (path.startsWith("site/")) {
          tracked.add(path);
        }
      }
    }
    assertEquals(List.of(), tracked, "files committed under site/, the default --output");
  }
}
