package dev.readiness;

import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.config.Settings;
import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.model.Snapshot;
import dev.readiness.render.OutputTree;
import dev.readiness.render.pdf.PdfRenderer;
import dev.readiness.render.site.SiteRenderer;
import dev.readiness.render.site.SiteRenderer.Unit;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What a build takes from the last build in the same output, and what it leaves for the next:
 * whether the output is up to date, and which units of outputs ({@link SiteRenderer.Unit}) can be
 * kept as they are because they would be made from exactly the same things.
 *
 * <p>Each unit has a key, a SHA-256 of everything its files are made from:
 *
 * <ul>
 *   <li>a review's chart and PDF: the tool (version and jar), the settings and options, the
 *       templates, the project's slug, name, owner and ticket, the other files in its folder, the
 *       path and SHA-256 of that review's file and of every review before it, and its verdict,
 *       blockers and warnings but those counted to today or to later reviews ({@link
 *       PdfRenderer#TIMING_WARNINGS});
 *   <li>a review's page: the same, all its warnings, its next-review event, and the date of the
 *       review after it ("latest" for the latest). Only the latest review's figures can depend on
 *       the build date (overdue, age, a date in the future), and they are in the key as the values
 *       shown, so a page is made again exactly when what it shows changes;
 *   <li>a project's history PDF: the same up to its latest review, with every review's timing;
 *   <li>a project's page, charts and badge: all of that and the build date (and the build time when
 *       {@code SOURCE_DATE_EPOCH} fixes it), which they show.
 * </ul>
 *
 * <p>The build date is in no review's key: in the weekly job (a week later, every project adds a
 * review) no file of an older review is written again (docs/architecture.md, "What a build keeps").
 */
final class BuildCache implements SiteRenderer.Kept {
  /**
   * What the output depends on besides the checklists.
   *
   * @param input the input folder, or null when every checklist comes from git
   * @param git one entry per git source: the key of the commits and contents its reviews come from
   * @param templates a folder of templates that override the bundled ones, or null
   * @param settings the settings in effect
   * @param pdf whether PDFs are written
   * @param shownAs how the input folder is named in messages and pages
   * @param clock the build clock
   */
  record Inputs(
      Path input,
      SortedMap<String, String> git,
      Path templates,
      Settings settings,
      boolean pdf,
      String shownAs,
      Clock clock) {
    Inputs {
      Objects.requireNonNull(git, "git");
      Objects.requireNonNull(settings, "settings");
      Objects.requireNonNull(shownAs, "shownAs");
      Objects.requireNonNull(clock, "clock");
    }
  }

  private final Path output;
  private final Inputs inputs;
  private final SortedMap<String, String> inputHashes;
  private final String fingerprint;
  private final BuildSummary upToDate;
  private final Map<String, String> previousUnits;
  private final Set<String> previousFiles;
  private final Map<String, String> keys = new HashMap<>();

  private BuildCache(
      Path output,
      Inputs inputs,
      SortedMap<String, String> inputHashes,
      String fingerprint,
      BuildSummary upToDate,
      Map<String, String> previousUnits,
      Set<String> previousFiles) {
    this.output = output;
    this.inputs = inputs;
    this.inputHashes = inputHashes;
    this.fingerprint = fingerprint;
    this.upToDate = upToDate;
    this.previousUnits = previousUnits;
    this.previousFiles = previousFiles;
  }

  /**
   * Hashes the input and reads what the last build in {@code output} recorded; with {@code clean},
   * nothing of it (nothing is up to date, nothing is kept).
   */
  static BuildCache open(Path output, Inputs inputs, boolean clean) throws IOException {
    SortedMap<String, String> inputHashes =
        inputs.input() == null
            ? new TreeMap<>()
            : new TreeMap<>(FileHashes.of(inputs.input().toRealPath()).hashes());
    inputHashes.putAll(inputs.git());
    String fingerprint = fingerprint(inputs, inputHashes);
    // The previous state repeats every warning of its build: tens of MB for a large portfolio,
    // not to be held while this build reads and renders.
    List<String> state = clean ? List.of() : BuildState.previous(output);
    BuildSummary upToDate = BuildState.upToDate(output, state, fingerprint);
    Map<String, String> units = BuildState.units(state);
    Set<String> files = units.isEmpty() ? Set.of() : new HashSet<>(OutputTree.manifest(output));
    return new BuildCache(output, inputs, inputHashes, fingerprint, upToDate, units, files);
  }

  /**
   * The last build's summary when nothing the output depends on changed and the output is whole.
   */
  Optional<BuildSummary> upToDate() {
    return Optional.ofNullable(upToDate);
  }

  /**
   * Works out the key of every unit of {@code data}; the cache then keeps a unit whose key the last
   * build recorded, with every file of it still in the output.
   */
  SiteRenderer.Kept kept(ReportData data) throws IOException {
    String pure = pureBase(inputs);
    String now = hash(pure, fixedOrDate(inputs.clock()));
    keys.clear();
    for (ProjectReport project : data.projects()) {
      String chain =
          hash(
              pure,
              "project " + project.slug(),
              "name " + project.name(),
              "owner " + project.owner(),
              "ticket " + project.ticket(),
              "others " + otherFiles(project));
      StringBuilder history = new StringBuilder();
      StringBuilder shown = new StringBuilder();
      List<Review> reviews = project.reviews();
      for (int i = 0; i < reviews.size(); i++) {
        Review review = reviews.get(i);
        String source = source(review);
        if (source == null) {
          break; // a review whose content has no known hash: neither it nor any later one is kept
        }
        chain = hash(chain, source);
        boolean latest = i == reviews.size() - 1;
        String timeless = timeless(review);
        String facts = facts(project, i);
        keys.put(Unit.reviewDocuments(project, review).id(), hash("documents", chain, timeless));
        keys.put(
            Unit.reviewPage(project, review).id(),
            hash("page", chain, facts, latest ? "latest" : "next " + reviews.get(i + 1).date()));
        history.append(latest ? timeless : facts).append('\n');
        shown.append(facts).append('\n');
      }
      if (keys.containsKey(Unit.reviewPage(project, project.latest()).id())) {
        keys.put(Unit.historyPdf(project).id(), hash("history", chain, history.toString()));
        keys.put(Unit.projectPages(project).id(), hash("project", now, chain, shown.toString()));
      }
    }
    return this;
  }

  @Override
  public boolean keeps(Unit unit) {
    String key = keys.get(unit.id());
    if (key == null || !key.equals(previousUnits.get(unit.id()))) {
      return false;
    }
    for (String file : unit.files(inputs.pdf())) {
      if (!previousFiles.contains(file)
          || !Files.isRegularFile(output.resolve(file), LinkOption.NOFOLLOW_LINKS)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the state file into {@code tree}, the last file of the build: the keys of every unit but
   * those rendering found a problem in (an output that could not be made, a PDF that lacked a font
   * for some characters): those are made again next time, so that the problem is reported again, or
   * gone once fixed.
   *
   * @param summary the build's summary, the state file counted in its files
   */
  void record(OutputTree tree, ReportData data, BuildSummary summary, List<Problem> renderProblems)
      throws IOException {
    Set<String> troubled = new HashSet<>();
    renderProblems.forEach(p -> troubled.add(p.file()));
    Map<String, String> kept = new TreeMap<>();
    boolean complete = true;
    for (ProjectReport project : data.projects()) {
      boolean folderTroubled = troubled.contains(SiteRenderer.shownFolder(project));
      for (Unit unit : List.of(Unit.historyPdf(project), Unit.projectPages(project))) {
        complete &= record(kept, unit, folderTroubled);
      }
      for (Review review : project.reviews()) {
        boolean reviewTroubled = troubled.contains(review.file());
        complete &= record(kept, Unit.reviewDocuments(project, review), reviewTroubled);
        complete &= record(kept, Unit.reviewPage(project, review), reviewTroubled);
      }
    }
    List<String> files = new ArrayList<>(tree.written());
    files.add(BuildState.FILE);
    tree.write(BuildState.FILE, BuildState.write(fingerprint, summary, files, kept, complete));
  }

  private boolean record(Map<String, String> kept, Unit unit, boolean troubled) {
    String key = keys.get(unit.id());
    if (troubled || key == null) {
      return false;
    }
    kept.put(unit.id(), key);
    return true;
  }

  /** What a review's chart and PDF show that is not in its file or the files before it. */
  private static String timeless(Review review) {
    StringBuilder out = new StringBuilder();
    out.append(review.verdict()).append('\n').append(review.blockers()).append('\n');
    review.warnings().stream()
        .filter(w -> !PdfRenderer.TIMING_WARNINGS.contains(w.code()))
        .forEach(w -> out.append(w).append('\n'));
    return out.toString();
  }

  /** What a review's page shows that is not in its file or the files before it. */
  private static String facts(ProjectReport project, int index) {
    Review review = project.reviews().get(index);
    StringBuilder out = new StringBuilder();
    out.append(review.verdict())
        .append('\n')
        .append(review.blockers())
        .append('\n')
        .append(project.timeline().reviews().get(index))
        .append('\n');
    review.warnings().forEach(w -> out.append(w).append('\n'));
    return out.toString();
  }

  /**
   * Where a review's content comes from, by content: its file's path and SHA-256 (as the input was
   * hashed, else as it was read), or for a review from git its label and its commit, path and blob;
   * null when no hash of it is known.
   */
  private String source(Review review) {
    Snapshot snapshot = review.snapshot();
    Provenance origin = snapshot.provenance();
    if (origin != null) {
      return "git " + review.file() + "\t" + origin;
    }
    String hash = inputHashes.get(snapshot.source());
    if (hash == null) {
      hash = snapshot.sha256();
    }
    return hash == null ? null : "file " + snapshot.source() + "\t" + hash;
  }

  /**
   * The path and hash of every file in the folders a project's reviews come from that is not one of
   * its reviews: a change to any of them makes every output of the project again.
   */
  private String otherFiles(ProjectReport project) {
    Set<String> reviews = new HashSet<>();
    Set<String> folders = new TreeSet<>();
    for (Review r : project.reviews()) {
      if (r.snapshot().provenance() != null) {
        continue;
      }
      String source = r.snapshot().source();
      reviews.add(source);
      folders.add(source.substring(0, source.lastIndexOf('/') + 1));
    }
    MessageDigest digest = FileHashes.sha256();
    for (String folder : folders) {
      SortedMap<String, String> files =
          folder.isEmpty() ? inputHashes : inputHashes.subMap(folder, folder + Character.MAX_VALUE);
      files.forEach(
          (name, hash) -> {
            if (!reviews.contains(name) && (!folder.isEmpty() || name.indexOf('/') < 0)) {
              update(digest, name + "\t" + hash);
            }
          });
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The fingerprint of the whole output: {@link #pureBase}, the build date and every input file.
   */
  private static String fingerprint(Inputs inputs, SortedMap<String, String> inputHashes)
      throws IOException {
    MessageDigest digest = FileHashes.sha256();
    update(digest, pureBase(inputs));
    update(digest, fixedOrDate(inputs.clock()));
    update(digest, "input " + inputHashes.size());
    inputHashes.forEach((name, hash) -> update(digest, name + "\t" + hash));
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * What every output depends on besides the checklists and the date: the tool (its version and its
   * jar), the options and settings, and the templates.
   */
  private static String pureBase(Inputs inputs) throws IOException {
    MessageDigest digest = FileHashes.sha256();
    update(digest, BuildState.HEADER);
    update(digest, Version.generator() + " " + Version.build());
    update(digest, inputs.settings().toString());
    update(digest, "pdf=" + inputs.pdf() + " shown=" + inputs.shownAs());
    if (inputs.templates() != null) {
      Map<String, String> files = FileHashes.of(inputs.templates().toRealPath()).hashes();
      update(digest, "templates " + files.size());
      files.forEach((name, hash) -> update(digest, name + "\t" + hash));
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  /**
   * The build's date, and its instant when the clock is fixed ({@code SOURCE_DATE_EPOCH}). With a
   * running clock the time is left out: a project's pages kept from an earlier build of the same
   * day show the time they were made.
   */
  private static String fixedOrDate(Clock clock) {
    Instant now = clock.instant();
    boolean fixed = clock.equals(Clock.fixed(now, clock.getZone()));
    return "date=" + LocalDate.ofInstant(now, ZoneOffset.UTC) + (fixed ? " instant=" + now : "");
  }

  private static String hash(String... parts) {
    MessageDigest digest = FileHashes.sha256();
    for (String part : parts) {
      update(digest, part.length() + ":" + part);
    }
    return HexFormat.of().formatHex(digest.digest());
  }

  private static void update(MessageDigest digest, String text) {
    digest.update(text.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }
}
