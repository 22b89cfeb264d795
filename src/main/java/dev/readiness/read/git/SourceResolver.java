package dev.readiness.read.git;

import dev.readiness.model.Slugs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.eclipse.jgit.lib.Repository;

/**
 * Turns the checklists asked for ({@code --git FILE}, {@code sources:}) into {@link GitSource}s:
 * finds each file's repository by walking up from it, and gives each source its project slug. The
 * default slug is the repository folder's name; sources that would share one get their file's stem
 * appended; a clash left is an error naming both.
 */
public final class SourceResolver {
  private SourceResolver() {}

  /**
   * A checklist asked for.
   *
   * @param file the file, as a path the process can open
   * @param shown how messages name it
   * @param project the slug asked for, or null for the default
   * @param commitUrl this source's commit address template, or null
   * @param origin where it was asked for, for messages: {@code --git} or {@code readiness.yaml:12}
   */
  public record Request(Path file, String shown, String project, String commitUrl, String origin) {
    public Request {
      Objects.requireNonNull(file, "file");
      Objects.requireNonNull(shown, "shown");
      Objects.requireNonNull(origin, "origin");
    }
  }

  /**
   * The sources asked for, in order, without repeats (a file asked for twice is read once, as first
   * asked).
   *
   * @param commitUrl the template for sources without their own, or null
   * @throws GitSourceException when a file is not in a git working tree, or two sources are left
   *     with one slug
   */
  public static List<GitSource> resolve(List<Request> requests, String commitUrl)
      throws GitSourceException {
    List<Located> located = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Request request : requests) {
      Located l = locate(request);
      if (seen.add(l.gitDir + "\n" + l.path)) {
        located.add(l);
      }
    }
    Map<String, Integer> bases = new HashMap<>();
    for (Located l : located) {
      bases.merge(l.base(), 1, Integer::sum);
    }
    List<GitSource> sources = new ArrayList<>();
    Map<String, Located> owners = new HashMap<>();
    for (Located l : located) {
      String slug = l.base();
      if (l.request.project() == null && bases.get(slug) > 1) {
        slug = Slugs.slugify(slug + "-" + stem(l.path));
      }
      Located owner = owners.putIfAbsent(slug, l);
      if (owner != null) {
        throw new GitSourceException(
            describe(owner.request)
                + " and "
                + describe(l.request)
                + " are both project \""
                + slug
                + "\"; give one of them its own project: in sources: (readiness.yaml)");
      }
      String template = l.request.commitUrl() != null ? l.request.commitUrl() : commitUrl;
      sources.add(new GitSource(l.request.shown(), l.file, l.gitDir, l.path, slug, template));
    }
    return sources;
  }

  private static Located locate(Request request) throws GitSourceException {
    Path file = request.file().toAbsolutePath().normalize();
    if (Files.isDirectory(file)) {
      throw new GitSourceException(
          describe(request) + " is a folder; name the checklist file in it");
    }
    try (Repository repo = Repositories.find(file)) {
      if (repo == null) {
        throw new GitSourceException(
            describe(request)
                + " is not inside a git working tree (no .git in its folder"
                + " or any folder above it); --git reads a checklist's history from its repository");
      }
      if (repo.isBare()) {
        throw new GitSourceException(
            describe(request) + " is inside a bare repository, which has no working tree");
      }
      Path workTree = repo.getWorkTree().toPath().toRealPath();
      Path real = realPath(file);
      if (!real.startsWith(workTree) || real.equals(workTree)) {
        throw new GitSourceException(
            describe(request) + " is not a file in the working tree of " + workTree);
      }
      String path = workTree.relativize(real).toString().replace(File.separatorChar, '/');
      Path folder = workTree.getFileName(); // null for a repository at the file system's root
      String base =
          request.project() != null
              ? request.project()
              : Slugs.slugify(folder != null ? folder.toString() : "repository");
      return new Located(request, file, repo.getDirectory().getAbsoluteFile(), path, base);
    } catch (IOException e) {
      throw new GitSourceException(
          describe(request) + ": its repository cannot be read (" + e.getMessage() + ")");
    }
  }

  /**
   * The real path of the file's folder (or of its nearest folder that exists) joined with the rest.
   */
  private static Path realPath(Path file) throws IOException {
    Path existing = file.getParent();
    while (existing != null && !Files.isDirectory(existing)) {
      existing = existing.getParent();
    }
    if (existing == null) {
      return file;
    }
    return existing.toRealPath().resolve(existing.relativize(file)).normalize();
  }

  private static String stem(String path) {
    String name = path.substring(path.lastIndexOf('/') + 1);
    int dot = name.lastIndexOf('.');
    return dot > 0 ? name.substring(0, dot) : name;
  }

  private static String describe(Request request) {
    return request.origin().equals("--git")
        ? "--git " + request.shown()
        : request.origin() + ": " + request.shown();
  }

  private record Located(Request request, Path file, File gitDir, String path, String base) {}
}
