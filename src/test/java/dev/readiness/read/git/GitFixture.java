package dev.readiness.read.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.MergeCommand;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * A git repository built in a test's temporary folder with JGit, one commit at a time, each at a
 * given time (UTC) and by a given author.
 */
public final class GitFixture implements AutoCloseable {
  private final Path dir;
  private final Git git;

  private GitFixture(Path dir, Git git) {
    this.dir = dir;
    this.git = git;
  }

  /** A new repository with a working tree in {@code dir}, on branch main. */
  public static GitFixture init(Path dir) throws IOException, GitAPIException {
    Repositories.install();
    Files.createDirectories(dir);
    return new GitFixture(
        dir, Git.init().setDirectory(dir.toFile()).setInitialBranch("main").call());
  }

  /** An existing repository (a clone). */
  public static GitFixture open(Path dir) throws IOException {
    Repositories.install();
    return new GitFixture(dir, Git.open(dir.toFile()));
  }

  /** The working tree. */
  public Path dir() {
    return dir;
  }

  /** JGit's handle, for what this fixture does not do. */
  public Git git() {
    return git;
  }

  /** {@code "2026-03-02 10:00"} (UTC) as an instant. */
  public static Instant at(String when) {
    return LocalDateTime.parse(when.replace(' ', 'T')).toInstant(ZoneOffset.UTC);
  }

  /** Writes a file in the working tree without committing it. */
  public Path write(String path, String text) throws IOException {
    return write(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes a file in the working tree without committing it. */
  public Path write(String path, byte[] bytes) throws IOException {
    Path file = dir.resolve(path);
    Files.createDirectories(file.getParent());
    Files.write(file, bytes);
    return file;
  }

  /** Writes {@code path} and commits it. */
  public RevCommit commit(String when, String author, String path, String text)
      throws IOException, GitAPIException {
    write(path, text);
    git.add().addFilepattern(path).call();
    return commitStaged(when, author, "edit " + path);
  }

  /** Writes {@code path} as raw bytes and commits it. */
  public RevCommit commitBytes(String when, String author, String path, byte[] bytes)
      throws IOException, GitAPIException {
    write(path, bytes);
    git.add().addFilepattern(path).call();
    return commitStaged(when, author, "edit " + path);
  }

  /** Moves {@code from} to {@code to} and commits the rename. */
  public RevCommit rename(String when, String author, String from, String to)
      throws IOException, GitAPIException {
    Path target = dir.resolve(to);
    Files.createDirectories(target.getParent());
    Files.move(dir.resolve(from), target);
    git.rm().addFilepattern(from).call();
    git.add().addFilepattern(to).call();
    return commitStaged(when, author, "rename " + from + " to " + to);
  }

  /** Deletes {@code path} and commits. */
  public RevCommit delete(String when, String author, String path)
      throws IOException, GitAPIException {
    git.rm().addFilepattern(path).call();
    return commitStaged(when, author, "delete " + path);
  }

  /** Creates a branch at HEAD and checks it out. */
  public void branch(String name) throws GitAPIException {
    git.checkout().setCreateBranch(true).setName(name).call();
  }

  /** Checks out a branch. */
  public void checkout(String name) throws GitAPIException {
    git.checkout().setName(name).call();
  }

  /**
   * Merges {@code branch} into the current branch as a merge commit; where both changed {@code
   * path}, its content becomes {@code resolution} (null: no conflict expected).
   */
  public RevCommit merge(String when, String author, String branch, String path, String resolution)
      throws IOException, GitAPIException {
    git.merge()
        .include(git.getRepository().resolve(branch))
        .setCommit(false)
        .setFastForward(MergeCommand.FastForwardMode.NO_FF)
        .call();
    if (resolution != null) {
      write(path, resolution);
      git.add().addFilepattern(path).call();
    }
    return commitStaged(when, author, "merge " + branch);
  }

  /** Commits what is staged. */
  public RevCommit commitStaged(String when, String author, String message) throws GitAPIException {
    PersonIdent ident =
        new PersonIdent(
            author,
            author.toLowerCase().replace(' ', '.') + "@example.com",
            at(when),
            ZoneOffset.UTC);
    return git.commit()
        .setMessage(message)
        .setAuthor(ident)
        .setCommitter(ident)
        .setSign(false)
        .call();
  }

  @Override
  public void close() {
    git.close();
  }
}
