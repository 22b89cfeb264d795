package dev.readiness.read;

import dev.readiness.model.PlausibleDates;
import dev.readiness.model.Problem;
import dev.readiness.model.Slugs;
import dev.readiness.model.Snapshot;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the projects and dated checklist files of an input folder (SPEC "Input") and parses them.
 * Files that cannot be used are reported and skipped; the others are read.
 */
public final class InputReader {
  /** How long one file may take to parse before it is reported and skipped. */
  public static final Duration PARSE_TIME_LIMIT = Duration.ofSeconds(30);

  /**
   * The stack of each parsing thread. Flexmark and the JDK's regular expressions recurse over
   * nested and repeated structures; the default stack of 512 KiB to 1 MiB overflows on a few
   * thousand levels or characters. The memory is reserved, and used only by such files.
   */
  private static final long PARSE_STACK_BYTES = 64L << 20;

  private static final Pattern DATE_PREFIX =
      Pattern.compile("^(\\d{4})-(\\d{2})-(\\d{2})(?![0-9])");

  private final SnapshotParser parser;
  private final long maxFileBytes;
  private final String soleProject;
  private final int jobs;
  private final FileSource files;
  private final Duration parseTimeLimit;
  private final ParseCache cache;

  /**
   * A reader of files up to {@code maxFileBytes} (larger ones are reported and skipped) that parses
   * on up to {@code jobs} threads, each file within {@link #PARSE_TIME_LIMIT}.
   */
  public InputReader(long maxFileBytes, int jobs) {
    this(maxFileBytes, null, jobs);
  }

  /**
   * {@link #InputReader(long, int)}, naming files directly in the input folder {@code soleProject}
   * when it is not null (the one project {@code readiness.yaml} names).
   */
  public InputReader(long maxFileBytes, String soleProject, int jobs) {
    this(maxFileBytes, soleProject, jobs, PARSE_TIME_LIMIT, FileDecoder::decode);
  }

  /** A reader that parses each file within {@code parseTimeLimit}. */
  public InputReader(long maxFileBytes, int jobs, Duration parseTimeLimit) {
    this(maxFileBytes, null, jobs, parseTimeLimit, FileDecoder::decode);
  }

  InputReader(
      long maxFileBytes, String soleProject, int jobs, Duration parseTimeLimit, FileSource files) {
    this(maxFileBytes, soleProject, jobs, parseTimeLimit, files, ParseCache.NONE);
  }

  private InputReader(
      long maxFileBytes,
      String soleProject,
      int jobs,
      Duration parseTimeLimit,
      FileSource files,
      ParseCache cache) {
    if (maxFileBytes <= 0) {
      throw new IllegalArgumentException("maxFileBytes must be positive, not " + maxFileBytes);
    }
    this.maxFileBytes = maxFileBytes;
    this.soleProject = soleProject;
    this.jobs = Math.max(1, jobs);
    this.parser = new SnapshotParser(Objects.requireNonNull(parseTimeLimit, "parseTimeLimit"));
    this.files = Objects.requireNonNull(files, "files");
    this.parseTimeLimit = parseTimeLimit;
    this.cache = Objects.requireNonNull(cache, "cache");
  }

  /**
   * This reader, taking the parse of a file whose bytes it has parsed before from {@code cache} and
   * keeping each new parse there.
   */
  public InputReader cachedIn(ParseCache cache) {
    return new InputReader(maxFileBytes, soleProject, jobs, parseTimeLimit, files, cache);
  }

  /** Where file contents come from: {@link FileDecoder} outside tests. */
  @FunctionalInterface
  interface FileSource {
    FileDecoder.Decoded read(Path file, String shown, long maxBytes);
  }

  /**
   * Whether a file name is a checklist to read (Markdown, not a README or hidden/underscore file).
   */
  public static boolean isChecklistName(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    return (lower.endsWith(".md") || lower.endsWith(".markdown"))
        && !lower.startsWith(".")
        && !lower.startsWith("_")
        && !lower.matches("readme\\.(md|markdown)");
  }

  /**
   * Reads every project under {@code input}.
   *
   * @param input the input folder
   * @param shownAs how to name the input folder in messages, e.g. {@code checklists}
   * @throws IOException when the folder itself cannot be listed
   */
  public Inventory read(Path input, String shownAs) throws IOException {
    return read(input, shownAs, slug -> true);
  }

  /**
   * {@link #read(Path, String)}, reading only the projects whose slug {@code wanted} accepts: the
   * others are found but not read, and their files' problems are not reported.
   */
  public Inventory read(Path input, String shownAs, Predicate<String> wanted) throws IOException {
    Discovery discovery = discover(input, shownAs);
    List<Problem> problems = new ArrayList<>(discovery.problems);
    List<ProjectInput> projects = new ArrayList<>();
    for (ProjectFiles files : discovery.projects()) {
      if (!wanted.test(files.slug())) {
        continue;
      }
      ProjectRead read = read(files);
      problems.addAll(read.problems());
      if (read.project() != null) {
        projects.add(read.project());
      }
    }
    problems.sort(Problem.ORDER);
    return new Inventory(projects, problems);
  }

  /**
   * Finds the projects of an input folder and their checklist files without reading them, so that a
   * build can read, analyze and render one project at a time. Files directly in the input folder
   * are read here already, because their project's slug comes from their text.
   *
   * @throws IOException when the folder itself cannot be listed
   */
  public Discovery discover(Path input, String shownAs) throws IOException {
    Path root = input.toRealPath();
    List<Problem> problems = new ArrayList<>();
    List<Path> topFiles = new ArrayList<>();
    List<Path> folders = new ArrayList<>();
    for (Path entry : list(root)) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".") || name.startsWith("_")) {
        continue;
      }
      if (!inside(root, entry)) {
        if (Files.isDirectory(entry) || isChecklistName(name)) {
          problems.add(linkProblem(entry, shown(shownAs, name)));
        }
        continue;
      }
      if (Files.isDirectory(entry)) {
        folders.add(entry);
      } else if (isChecklistName(name) && Files.isRegularFile(entry)) {
        topFiles.add(entry);
      } else if (isChecklistName(name)) {
        problems.add(notRegular(shown(shownAs, name)));
      }
    }

    Map<String, List<Candidate>> bySlug = new TreeMap<>();
    Map<String, String> slugOwners = new HashMap<>();
    Map<Path, String> owners = folderOwners(root, folders);
    for (Path folder : folders) {
      String folderName = folder.getFileName().toString();
      String owner = owners.get(realPath(folder));
      if (!owner.equals(folderName)) {
        problems.add(
            Problem.error(
                "LINKED_FOLDER",
                shown(shownAs, folderName),
                0,
                "is a link to "
                    + (owner.isEmpty()
                        ? "the input folder itself"
                        : shown(shownAs, owner) + ", which is read already")
                    + "; it is not read again, so remove the link"));
        continue;
      }
      List<Path> entries;
      try {
        entries = list(folder);
      } catch (IOException | SecurityException e) {
        problems.add(
            Problem.error(
                "UNREADABLE",
                shown(shownAs, folderName),
                0,
                "cannot be listed (" + FileDecoder.reason(e) + "); its checklists are skipped"));
        continue;
      }
      String slug =
          uniqueSlug(Slugs.slugify(folderName), folderName, slugOwners, shownAs, problems);
      List<Candidate> candidates = bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
      for (Path file : entries) {
        String name = file.getFileName().toString();
        String relative = folderName + "/" + name;
        if (!isChecklistName(name) || Files.isDirectory(file)) {
          continue;
        }
        if (!inside(root, file)) {
          problems.add(linkProblem(file, shown(shownAs, relative)));
          continue;
        }
        if (!Files.isRegularFile(file)) {
          problems.add(notRegular(shown(shownAs, relative)));
          continue;
        }
        candidates.add(new Candidate(slug, file, relative, shown(shownAs, relative)));
      }
    }
    Map<String, List<Read>> parsedTop = new TreeMap<>();
    if (!topFiles.isEmpty()) {
      List<Candidate> top = new ArrayList<>();
      for (Path file : topFiles) {
        String name = file.getFileName().toString();
        top.add(new Candidate(null, file, name, shown(shownAs, name)));
      }
      List<Read> reads = parseAll(top, true, new Interner());
      List<Read> single = new ArrayList<>();
      for (Read read : reads) {
        problems.addAll(read.problems);
        if (read.snapshot != null) {
          single.add(read);
        }
      }
      if (!single.isEmpty()) {
        String slug =
            uniqueSlug(
                singleProjectSlug(single, root),
                "(files directly in the input folder)",
                slugOwners,
                shownAs,
                problems);
        parsedTop.put(slug, single);
        bySlug.computeIfAbsent(slug, k -> new ArrayList<>());
      }
    }
    List<ProjectFiles> projects = new ArrayList<>();
    bySlug.forEach(
        (slug, files) ->
            projects.add(new ProjectFiles(slug, files, parsedTop.getOrDefault(slug, List.of()))));
    return new Discovery(root, projects, problems);
  }

  /**
   * How deep below an input folder without reviews {@link #noChecklists} looks for folders that
   * have some.
   */
  static final int SUGGESTION_DEPTH = 4;

  /**
   * How many folders {@link #noChecklists} looks at, at most, so that a home folder given as the
   * input stays quick.
   */
  static final int SUGGESTION_FOLDERS = 5_000;

  /**
   * The error for an input folder that gave no review: it names the folder and the folders below it
   * (up to {@link #SUGGESTION_DEPTH} levels) that would, as {@code --input}.
   *
   * @param problems what reading the input found: when it found errors, the files are there but
   *     none could be used, and the message says so rather than that there is none
   */
  public static Problem noChecklists(Path input, String shownAs, List<Problem> problems) {
    boolean unreadable = problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR);
    StringBuilder message =
        new StringBuilder(
            unreadable
                ? "gave no review: none of its checklists could be used (each has an error of its own)"
                : "holds no dated checklist (a YYYY-MM-DD.md file, in it or in a folder per project)");
    message.append(", so nothing was built and the output was left as it was");
    Map<String, int[]> found = datedFolders(input);
    if (!found.isEmpty()) {
      List<Map.Entry<String, int[]>> best = new ArrayList<>(found.entrySet());
      best.sort(
          Comparator.comparing((Map.Entry<String, int[]> e) -> -e.getValue()[0])
              .thenComparing(Map.Entry::getKey));
      message.append("; did you mean ");
      for (int i = 0; i < Math.min(3, best.size()); i++) {
        int[] counts = best.get(i).getValue();
        message
            .append(i == 0 ? "" : ", or ")
            .append("--input ")
            .append(shown(shownAs, best.get(i).getKey()))
            .append(" (")
            .append(counts[0])
            .append(" dated checklist")
            .append(counts[0] == 1 ? "" : "s")
            .append(" in ")
            .append(counts[1])
            .append(counts[1] == 1 ? " folder)" : " folders)");
      }
      message.append('?');
    }
    return Problem.error("NO_CHECKLISTS", shownAs.isEmpty() ? "." : shownAs, 0, message.toString());
  }

  /**
   * The folders below {@code input} that would give reviews as the input: the parent of each
   * folder, two or more levels down, that holds checklists named by date. By relative path: how
   * many such checklists, and in how many folders. Links are not followed, hidden folders skipped.
   */
  private static Map<String, int[]> datedFolders(Path input) {
    Map<String, int[]> found = new TreeMap<>();
    List<Path> level = List.of(input);
    int visited = 0;
    for (int depth = 0; depth <= SUGGESTION_DEPTH && !level.isEmpty(); depth++) {
      List<Path> next = new ArrayList<>();
      for (Path folder : level) {
        if (++visited > SUGGESTION_FOLDERS) {
          return found;
        }
        int dated = 0;
        try {
          for (Path entry : list(folder)) {
            String name = entry.getFileName().toString();
            if (name.startsWith(".") || name.startsWith("_")) {
              continue;
            }
            if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
              next.add(entry);
            } else if (isChecklistName(name)
                && DATE_PREFIX.matcher(name).find()
                && Files.isRegularFile(entry, LinkOption.NOFOLLOW_LINKS)) {
              dated++;
            }
          }
        } catch (IOException | SecurityException e) {
          continue;
        }
        if (dated > 0 && depth >= 2) {
          int[] counts =
              found.computeIfAbsent(
                  input.relativize(folder.getParent()).toString().replace('\\', '/'),
                  k -> new int[2]);
          counts[0] += dated;
          counts[1]++;
        }
      }
      level = next;
    }
    return found;
  }

  /**
   * Reads and parses one discovered project's files: at most {@link #MAX_REVIEWS} of them, the
   * newest by the date their names start with, and one {@code TOO_MANY_REVIEWS} warning when some
   * are left out.
   */
  public ProjectRead read(ProjectFiles files) throws IOException {
    List<Problem> problems = new ArrayList<>();
    List<Read> reads = new ArrayList<>(files.parsed);
    List<Candidate> candidates = newest(files, problems);
    for (Read read : parseAll(candidates, true, new Interner())) {
      problems.addAll(read.problems);
      if (read.snapshot != null) {
        reads.add(read);
      }
    }
    List<Snapshot> reviews = dedupe(reads, problems);
    if (reviews.size() > MAX_REVIEWS) {
      problems.add(
          tooManyReviews(
              files,
              reviews.size(),
              reviews.size() - MAX_REVIEWS,
              reviews.get(reviews.size() - MAX_REVIEWS - 1).date().toString()));
      reviews = new ArrayList<>(reviews.subList(reviews.size() - MAX_REVIEWS, reviews.size()));
    }
    problems.sort(Problem.ORDER);
    ProjectInput project =
        reviews.isEmpty()
            ? null
            : new ProjectInput(files.slug(), displayName(files.slug(), reviews), reviews);
    return new ProjectRead(project, problems);
  }

  /**
   * The projects of an input folder, found but not read.
   *
   * @param root the input folder's real path
   * @param projects by slug
   * @param problems what was found while listing
   */
  public record Discovery(Path root, List<ProjectFiles> projects, List<Problem> problems) {
    public Discovery {
      projects = List.copyOf(projects);
      problems = List.copyOf(problems);
    }
  }

  /** One project's checklist files, found but not yet read. */
  public static final class ProjectFiles {
    private final String slug;
    private final List<Candidate> candidates;
    private final List<Read> parsed;

    private ProjectFiles(String slug, List<Candidate> candidates, List<Read> parsed) {
      this.slug = slug;
      this.candidates = List.copyOf(candidates);
      this.parsed = List.copyOf(parsed);
    }

    /** The project's slug. */
    public String slug() {
      return slug;
    }

    /** The files, for fingerprints: real files under the input folder. */
    public List<Path> files() {
      List<Path> all = new ArrayList<>();
      candidates.forEach(c -> all.add(c.file()));
      parsed.forEach(r -> all.add(r.candidate().file()));
      all.sort(null);
      return all;
    }
  }

  /**
   * One project read.
   *
   * @param project its reviews, or null when none could be used
   * @param problems what was found while reading its files
   */
  public record ProjectRead(ProjectInput project, List<Problem> problems) {
    public ProjectRead {
      problems = List.copyOf(problems);
    }
  }

  /** Reads one file on its own, whatever its name; a missing date is a warning, not an error. */
  public FileResult readOne(Path file, String shown) {
    Candidate candidate = new Candidate(null, file, file.getFileName().toString(), shown);
    Read read;
    try {
      read = parseAll(new ArrayList<>(List.of(candidate)), false, new Interner()).get(0);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return new FileResult(read.snapshot, read.problems);
  }

  /**
   * A checklist that is not a file of the input folder, such as a file's state at a git commit.
   *
   * @param bytes its content; one byte more than {@code input.maxFileBytes} is enough to tell that
   *     it is too large
   * @param shown how messages name it, e.g. {@code docs/PRR.md@1a2b3c4}; also its snapshot's source
   * @param date its review date, which the document's own date does not override
   * @param dateOrigin what the date is, for the warning when the document disagrees, e.g. {@code
   *     "the commit date"}
   */
  public record Text(byte[] bytes, String shown, LocalDate date, String dateOrigin) {
    public Text {
      Objects.requireNonNull(bytes, "bytes");
      Objects.requireNonNull(shown, "shown");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(dateOrigin, "dateOrigin");
    }
  }

  /**
   * Decodes and parses texts as files are (strict UTF-8, size limit, parse time limit) on up to
   * {@code jobs} threads, sharing one copy of the texts they repeat.
   *
   * @return one result per text, in the order given
   */
  public List<FileResult> readTexts(List<Text> texts) throws IOException {
    List<Candidate> candidates = new ArrayList<>();
    for (Text text : texts) {
      candidates.add(new Candidate(null, null, text.shown(), text.shown(), text));
    }
    Map<Text, FileResult> results = new IdentityHashMap<>();
    for (Read read : parseAll(candidates, true, new Interner())) {
      results.put(read.candidate().text(), new FileResult(read.snapshot(), read.problems()));
    }
    return texts.stream().map(results::get).toList();
  }

  /** A project of the given reviews, oldest first, named as a folder's project is. */
  public ProjectInput project(String slug, List<Snapshot> reviews) {
    return new ProjectInput(slug, displayName(slug, reviews), reviews);
  }

  /**
   * One file read on its own.
   *
   * @param snapshot the review, or null when the file could not be used
   * @param problems what was found, errors included
   */
  public record FileResult(Snapshot snapshot, List<Problem> problems) {
    public FileResult {
      problems = List.copyOf(problems);
    }
  }

  /**
   * The order problems are reported in.
   *
   * @deprecated the order belongs to the model: use {@link Problem#ORDER}; kept only so that
   *     branches written before the move still compile when merged
   */
  @Deprecated public static final Comparator<Problem> PROBLEM_ORDER = Problem.ORDER;

  /**
   * Parses the candidates, in order of their paths, on up to {@link #jobs} threads of {@link
   * #parseThread}; one project's files share {@code texts}, which keeps one copy of the texts its
   * reviews repeat.
   */
  private List<Read> parseAll(List<Candidate> candidates, boolean dateRequired, Interner texts)
      throws IOException {
    candidates.sort(Comparator.comparing(Candidate::relative));
    if (candidates.isEmpty()) {
      return List.of();
    }
    ExecutorService pool =
        Executors.newFixedThreadPool(Math.min(jobs, candidates.size()), InputReader::parseThread);
    try {
      List<Future<Read>> pending = new ArrayList<>();
      for (Candidate candidate : candidates) {
        pending.add(pool.submit(() -> parseOne(candidate, dateRequired, texts)));
      }
      List<Read> reads = new ArrayList<>();
      for (Future<Read> read : pending) {
        reads.add(read.get());
      }
      return reads;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while reading the input", e);
    } catch (ExecutionException e) {
      throw new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
  }

  /** A daemon thread with a stack deep enough for flexmark on nested Markdown. */
  private static Thread parseThread(Runnable task) {
    Thread thread = new Thread(null, task, "readiness-parse", PARSE_STACK_BYTES);
    thread.setDaemon(true);
    return thread;
  }

  private Read parseOne(Candidate candidate, boolean dateRequired, Interner texts) {
    FileDecoder.Decoded decoded =
        candidate.text != null
            ? FileDecoder.decode(candidate.text.bytes(), candidate.shown, maxFileBytes)
            : files.read(candidate.file, candidate.shown, maxFileBytes);
    if (decoded.error() != null) {
      return new Read(candidate, null, List.of(decoded.error()));
    }
    ParsedDocument parsed = cache.get(decoded.sha256(), candidate.relative, texts);
    try {
      if (parsed == null) {
        parsed = parser.parse(candidate.relative, decoded.text(), texts);
        cache.put(decoded.sha256(), candidate.relative, parsed);
      }
    } catch (ParseTimeLimitException e) {
      return unparsable(
          candidate,
          "took longer than "
              + e.limit().toSeconds()
              + " s to parse, so it is skipped; split it or shorten its longest lines");
    } catch (StackOverflowError e) {
      return unparsable(
          candidate,
          "is too deeply nested or repetitive for the Markdown parser (it ran out"
              + " of stack), so it is skipped; simplify its longest lines");
    } catch (OutOfMemoryError e) {
      return unparsable(candidate, "needs more memory to parse than the build has; split it");
    } catch (RuntimeException | AssertionError e) {
      return unparsable(
          candidate,
          "could not be parsed as Markdown ("
              + e.getClass().getSimpleName()
              + "); please report this with the file");
    }
    List<Problem> problems = new ArrayList<>();
    for (Problem p : parsed.problems()) {
      problems.add(new Problem(p.severity(), p.code(), candidate.shown, p.line(), p.message()));
    }
    if (problems.stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR)) {
      return new Read(candidate, null, problems);
    }
    Snapshot snapshot = parsed.snapshot();
    LocalDate date = snapshot.date();
    if (candidate.text != null) {
      if (date != null && !date.equals(candidate.text.date())) {
        problems.add(
            Problem.warning(
                "DATE_MISMATCH",
                candidate.shown,
                parsed.dateLine(),
                "the document says "
                    + date
                    + " but "
                    + candidate.text.dateOrigin()
                    + " is "
                    + candidate.text.date()
                    + "; "
                    + candidate.text.dateOrigin()
                    + " wins, so correct the document's date"));
      }
      return new Read(
          candidate,
          snapshot.withDate(candidate.text.date(), 0).withSha256(decoded.sha256()),
          problems);
    }
    Matcher prefix = DATE_PREFIX.matcher(candidate.file.getFileName().toString());
    boolean named = prefix.find();
    if (named) {
      LocalDate fromName;
      try {
        fromName =
            LocalDate.of(
                Integer.parseInt(prefix.group(1)),
                Integer.parseInt(prefix.group(2)),
                Integer.parseInt(prefix.group(3)));
      } catch (DateTimeException e) {
        problems.add(
            Problem.error(
                "BAD_DATE",
                candidate.shown,
                0,
                "the file name's date "
                    + prefix.group()
                    + " is not a calendar date; rename the file to a real YYYY-MM-DD date"));
        return new Read(candidate, null, problems);
      }
      if (!PlausibleDates.contains(fromName)) {
        problems.add(
            Problem.warning(
                "IMPLAUSIBLE_DATE",
                candidate.shown,
                0,
                "the file name's date "
                    + fromName
                    + " is outside "
                    + PlausibleDates.RANGE
                    + ", so charts and timelines leave the review out; if it is a"
                    + " typo, rename the file to the review's real date"));
      }
      if (date != null && !date.equals(fromName)) {
        problems.add(
            Problem.warning(
                "DATE_MISMATCH",
                candidate.shown,
                parsed.dateLine(),
                "the document says "
                    + date
                    + " but the file name says "
                    + fromName
                    + "; the file name wins, so correct one of them"));
      }
      date = fromName;
    }
    if (date == null) {
      if (dateRequired) {
        problems.add(
            Problem.error(
                "NO_DATE",
                candidate.shown,
                0,
                "has no review date; name it YYYY-MM-DD.md or add a \"**Date**: YYYY-MM-DD\" line"));
        return new Read(candidate, null, problems);
      }
      problems.add(
          Problem.warning(
              "NO_DATE",
              candidate.shown,
              0,
              "has no review date; name it YYYY-MM-DD.md or add a \"**Date**: YYYY-MM-DD\" line"));
    }
    return new Read(
        candidate,
        snapshot.withDate(date, named ? 0 : snapshot.dateLine()).withSha256(decoded.sha256()),
        problems);
  }

  /**
   * The most reviews read for one project. Each review costs memory and a page and a PDF, and every
   * chart of the project draws each one: 100,000 generated files in one folder would take the whole
   * build down. 3,000 is more than eight years of daily reviews.
   */
  public static final int MAX_REVIEWS = 3_000;

  /**
   * The candidates to parse: all of them when there are at most {@link #MAX_REVIEWS}; else those
   * without a date in their name and the newest by that date, with a warning naming the project's
   * folder.
   */
  private static List<Candidate> newest(ProjectFiles files, List<Problem> problems) {
    List<Candidate> all = new ArrayList<>(files.candidates);
    int room = MAX_REVIEWS - files.parsed.size();
    if (all.size() <= room) {
      return all;
    }
    List<Candidate> dated = new ArrayList<>();
    List<Candidate> kept = new ArrayList<>();
    for (Candidate c : all) {
      (DATE_PREFIX.matcher(c.file.getFileName().toString()).find() ? dated : kept).add(c);
    }
    dated.sort(
        Comparator.comparing((Candidate c) -> c.file.getFileName().toString().substring(0, 10))
            .thenComparing(Candidate::relative));
    int keep = Math.max(0, Math.min(dated.size(), room - kept.size()));
    int dropped = dated.size() - keep;
    if (dropped > 0) {
      problems.add(
          tooManyReviews(
              files,
              all.size() + files.parsed.size(),
              dropped,
              dated.get(dropped - 1).file.getFileName().toString().substring(0, 10)));
      kept.addAll(dated.subList(dropped, dated.size()));
      return kept;
    }
    return all;
  }

  private static Problem tooManyReviews(
      ProjectFiles files, int total, int dropped, String lastDropped) {
    String where =
        files.candidates.isEmpty()
            ? files.parsed.get(0).candidate.shown
            : files.candidates.get(0).shown;
    int slash = where.lastIndexOf('/');
    String folder = slash < 0 ? "(files directly in the input folder)" : where.substring(0, slash);
    return Problem.warning(
        "TOO_MANY_REVIEWS",
        folder,
        0,
        "holds "
            + String.format(Locale.ROOT, "%,d", total)
            + " reviews, more than the "
            + String.format(Locale.ROOT, "%,d", MAX_REVIEWS)
            + " readiness reads for one"
            + " project; the "
            + String.format(Locale.ROOT, "%,d", dropped)
            + " oldest (up to "
            + lastDropped
            + ") are left out, so move them to an archive folder");
  }

  /** Keeps the first file of each date (by name) and reports the others, naming both files. */
  private static List<Snapshot> dedupe(List<Read> reads, List<Problem> problems) {
    List<Read> sorted = new ArrayList<>(reads);
    sorted.sort(
        Comparator.comparing((Read r) -> r.snapshot.date())
            .thenComparing(r -> r.candidate.relative));
    List<Snapshot> kept = new ArrayList<>();
    Read previous = null;
    for (Read read : sorted) {
      if (previous != null && previous.snapshot.date().equals(read.snapshot.date())) {
        problems.add(
            Problem.error(
                "DUPLICATE_DATE",
                read.candidate.shown,
                0,
                "has the same review date "
                    + read.snapshot.date()
                    + " as "
                    + previous.candidate.shown
                    + "; only "
                    + previous.candidate.shown
                    + " is used, so redate or remove one"));
        continue;
      }
      kept.add(read.snapshot);
      previous = read;
    }
    return kept;
  }

  private String singleProjectSlug(List<Read> reads, Path root) {
    if (soleProject != null) {
      return soleProject;
    }
    Snapshot latest =
        reads.stream().map(Read::snapshot).max(Comparator.comparing(Snapshot::date)).orElseThrow();
    if (latest.project() != null) {
      return Slugs.slugify(latest.project());
    }
    return Slugs.slugify(root.getFileName() == null ? "project" : root.getFileName().toString());
  }

  /**
   * A project's name as its files give it: the newest front matter {@code project:}, else the
   * latest review's {@code **Project**:} line, else the slug. A name in {@code readiness.yaml} wins
   * over it; the analysis applies that.
   */
  private static String displayName(String slug, List<Snapshot> reviews) {
    for (int i = reviews.size() - 1; i >= 0; i--) {
      if (reviews.get(i).frontMatter().get("project") instanceof String s && !s.isBlank()) {
        return s.strip();
      }
    }
    String latest = reviews.get(reviews.size() - 1).project();
    return latest != null ? latest : slug;
  }

  private static String uniqueSlug(
      String slug,
      String owner,
      Map<String, String> owners,
      String shownAs,
      List<Problem> problems) {
    String unique = slug;
    for (int n = 2; owners.containsKey(unique); n++) {
      unique = slug + "-" + n;
    }
    if (!unique.equals(slug)) {
      problems.add(
          Problem.warning(
              "SLUG_CLASH",
              shown(shownAs, owner),
              0,
              "has the same slug \""
                  + slug
                  + "\" as "
                  + shown(shownAs, owners.get(slug))
                  + "; it is published as \""
                  + unique
                  + "\", so rename one"));
    }
    owners.put(unique, owner);
    return unique;
  }

  private static List<Path> list(Path folder) throws IOException {
    List<Path> entries = new ArrayList<>();
    try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder)) {
      stream.forEach(entries::add);
    }
    entries.sort(Comparator.comparing(p -> p.getFileName().toString()));
    return entries;
  }

  private static boolean inside(Path root, Path entry) {
    try {
      return entry.toRealPath().startsWith(root);
    } catch (IOException | SecurityException e) {
      return false;
    }
  }

  private static Read unparsable(Candidate candidate, String reason) {
    return new Read(
        candidate, null, List.of(Problem.error("UNPARSABLE", candidate.shown, 0, reason)));
  }

  private static Problem notRegular(String shown) {
    return Problem.error(
        "NOT_A_FILE", shown, 0, "is not a regular file (a pipe, socket or device); it is not read");
  }

  /**
   * The folder whose name a project is read under, by real path: a folder itself rather than a link
   * to it, else the first by name; the input folder is its own (named ""), never a project.
   */
  private static Map<Path, String> folderOwners(Path root, List<Path> folders) {
    Map<Path, String> owners = new HashMap<>();
    owners.put(root, "");
    for (boolean links : new boolean[] {false, true}) {
      for (Path folder : folders) {
        if (Files.isSymbolicLink(folder) == links) {
          owners.putIfAbsent(realPath(folder), folder.getFileName().toString());
        }
      }
    }
    return owners;
  }

  /** The real path of a folder, or the folder itself when it cannot be resolved. */
  private static Path realPath(Path folder) {
    try {
      return folder.toRealPath();
    } catch (IOException | SecurityException e) {
      return folder.toAbsolutePath().normalize();
    }
  }

  private static Problem linkProblem(Path entry, String shown) {
    String reason;
    if (Files.exists(entry)) {
      reason = "is a link to a place outside the input folder; it is not read";
    } else {
      try {
        entry.toRealPath();
        reason = "cannot be resolved; it is not read";
      } catch (NoSuchFileException e) {
        reason = "is a link to something that does not exist; it is not read";
      } catch (IOException | SecurityException e) {
        reason =
            "is a link that cannot be followed (" + FileDecoder.reason(e) + "); it is not read";
      }
    }
    return Problem.error("OUTSIDE_INPUT", shown, 0, reason);
  }

  private static String shown(String shownAs, String relative) {
    return shownAs.isEmpty() ? relative : shownAs.replaceAll("/+$", "") + "/" + relative;
  }

  private record Candidate(String slug, Path file, String relative, String shown, Text text) {
    Candidate(String slug, Path file, String relative, String shown) {
      this(slug, file, relative, shown, null);
    }
  }

  private record Read(Candidate candidate, Snapshot snapshot, List<Problem> problems) {}
}
