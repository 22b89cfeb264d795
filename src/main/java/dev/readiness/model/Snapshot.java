package dev.readiness.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What one checklist file says, as written: one review of a project at one date.
 *
 * @param source the file, relative to the input folder, with forward slashes; for a review read
 *     from git history, {@code FILE@shortid} (see {@link Provenance})
 * @param date the review date (file name, front matter or {@code **Date**:} line), or null
 * @param project the project name the file states (front matter {@code project:} or {@code
 *     **Project**:}), or null
 * @param title the first H1, or null
 * @param header {@code **Key**: value} lines before the first H2, in order
 * @param frontMatter the YAML front matter, in order, or empty
 * @param sections checklist sections in order
 * @param parts every top-level block of the document in order
 * @param statedScore the {@code Overall Score: **N/100**} figure, or null
 * @param statedScoreLine its line, 0 when none
 * @param blockers open blockers as listed
 * @param timeline the recommended weeks
 * @param signOff the sign-off lines
 * @param signOffLine the line of the sign-off heading, 0 when there is none
 * @param risks items listed under a Risks heading
 * @param dependencies items listed under a Dependencies heading
 * @param assumptions items listed under an Assumptions heading
 * @param lastUpdated the {@code **Last Updated**:} date, or null
 * @param nextReview the {@code **Next Review**:} date, or null
 * @param nextReviewLine its line, 0 when none
 * @param version the {@code **Version**:} value, or null
 * @param dateLine the line the review date was read from, 0 when it came from the file name or
 *     there is none
 * @param sha256 the SHA-256 of the file's bytes in hex, as {@code sha256sum} prints it, or null
 *     when the text did not come from a file
 * @param provenance the commit a review read from git history comes from, or null for a file
 */
public record Snapshot(
    String source,
    LocalDate date,
    String project,
    String title,
    Map<String, String> header,
    Map<String, Object> frontMatter,
    List<Section> sections,
    List<Part> parts,
    Double statedScore,
    int statedScoreLine,
    List<Blocker> blockers,
    List<PlannedWeek> timeline,
    List<Signature> signOff,
    int signOffLine,
    List<String> risks,
    List<String> dependencies,
    List<String> assumptions,
    LocalDate lastUpdated,
    LocalDate nextReview,
    int nextReviewLine,
    String version,
    int dateLine,
    String sha256,
    Provenance provenance)
    implements Serializable {

  public Snapshot {
    Objects.requireNonNull(source, "source");
    header = Collections.unmodifiableMap(new LinkedHashMap<>(header));
    frontMatter = Collections.unmodifiableMap(new LinkedHashMap<>(frontMatter));
    sections = List.copyOf(sections);
    parts = List.copyOf(parts);
    blockers = List.copyOf(blockers);
    timeline = List.copyOf(timeline);
    signOff = List.copyOf(signOff);
    risks = List.copyOf(risks);
    dependencies = List.copyOf(dependencies);
    assumptions = List.copyOf(assumptions);
  }

  /**
   * A snapshot of text that did not come from a file: no {@link #sha256}, no {@link Provenance}.
   */
  public Snapshot(
      String source,
      LocalDate date,
      String project,
      String title,
      Map<String, String> header,
      Map<String, Object> frontMatter,
      List<Section> sections,
      List<Part> parts,
      Double statedScore,
      int statedScoreLine,
      List<Blocker> blockers,
      List<PlannedWeek> timeline,
      List<Signature> signOff,
      int signOffLine,
      List<String> risks,
      List<String> dependencies,
      List<String> assumptions,
      LocalDate lastUpdated,
      LocalDate nextReview,
      int nextReviewLine,
      String version,
      int dateLine) {
    this(
        source,
        date,
        project,
        title,
        header,
        frontMatter,
        sections,
        parts,
        statedScore,
        statedScoreLine,
        blockers,
        timeline,
        signOff,
        signOffLine,
        risks,
        dependencies,
        assumptions,
        lastUpdated,
        nextReview,
        nextReviewLine,
        version,
        dateLine,
        null,
        null);
  }

  /** Every item of every section, in document order. */
  public List<Item> items() {
    return sections.stream().flatMap(s -> s.items().stream()).toList();
  }

  /** Number of checked items. */
  public int done() {
    return sections.stream().mapToInt(Section::done).sum();
  }

  /** Number of open items whose status says partly done. */
  public int partial() {
    return sections.stream().mapToInt(Section::partial).sum();
  }

  /** Number of items. */
  public int total() {
    return sections.stream().mapToInt(Section::total).sum();
  }

  /**
   * This snapshot with another date, read from the same line, for callers that learn the date
   * elsewhere.
   */
  public Snapshot withDate(LocalDate newDate) {
    return withDate(newDate, dateLine);
  }

  /** This snapshot with another date read from {@code newDateLine} (0: the file name). */
  public Snapshot withDate(LocalDate newDate, int newDateLine) {
    return new Snapshot(
        source,
        newDate,
        project,
        title,
        header,
        frontMatter,
        sections,
        parts,
        statedScore,
        statedScoreLine,
        blockers,
        timeline,
        signOff,
        signOffLine,
        risks,
        dependencies,
        assumptions,
        lastUpdated,
        nextReview,
        nextReviewLine,
        version,
        newDateLine,
        sha256,
        provenance);
  }

  /** This snapshot with the SHA-256 of the file it was read from. */
  public Snapshot withSha256(String fileSha256) {
    return new Snapshot(
        source,
        date,
        project,
        title,
        header,
        frontMatter,
        sections,
        parts,
        statedScore,
        statedScoreLine,
        blockers,
        timeline,
        signOff,
        signOffLine,
        risks,
        dependencies,
        assumptions,
        lastUpdated,
        nextReview,
        nextReviewLine,
        version,
        dateLine,
        fileSha256,
        provenance);
  }

  /** This snapshot as read from git history: named {@code newSource}, from {@code origin}. */
  public Snapshot withProvenance(String newSource, Provenance origin) {
    return new Snapshot(
        newSource,
        date,
        project,
        title,
        header,
        frontMatter,
        sections,
        parts,
        statedScore,
        statedScoreLine,
        blockers,
        timeline,
        signOff,
        signOffLine,
        risks,
        dependencies,
        assumptions,
        lastUpdated,
        nextReview,
        nextReviewLine,
        version,
        dateLine,
        sha256,
        Objects.requireNonNull(origin, "origin"));
  }
}
