package dev.readiness.render.pdf;

import com.lowagie.text.Chunk;
import com.lowagie.text.Element;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPCellEvent;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import dev.readiness.Version;
import dev.readiness.analyze.BlockerStatus;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.ProjectReport;
import dev.readiness.analyze.ReportData;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.ReviewDiff;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.analyze.Timeline;
import dev.readiness.model.DeclaredStatus;
import dev.readiness.model.Part;
import dev.readiness.model.PlannedWeek;
import dev.readiness.model.Problem;
import dev.readiness.model.Provenance;
import dev.readiness.model.Signature;
import dev.readiness.model.Snapshot;
import dev.readiness.render.chart.ChartFactory;
import dev.readiness.render.pdf.Composer.Entry;
import dev.readiness.render.pdf.Composer.Figure;
import dev.readiness.render.pdf.Typesetter.Style;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.CategoryDataset;

/**
 * The PDF of one review: cover with the figures and the gate verdict, contents, summary table and
 * chart, every section with its items, blockers, changes since the previous review, warnings,
 * recommended timeline, the rest of the document, and the sign-off block.
 */
final class ReviewDocument {
  /**
   * Lines of the text before the first section that the cover shows: the title, header lines,
   * rules.
   */
  private static final Pattern COVER_LINE =
      Pattern.compile("^\\s*(# .*|[-_*\\s]{3,}|\\*\\*[^*]+(?::\\*\\*|\\*\\*\\s*:).*)?\\s*$");

  /**
   * Warnings a review's PDF leaves out because they are counted to the build's date or to later
   * reviews (the next review came late, the date is in the future), so that the PDF of a review
   * stays the same from build to build; the site, the history PDF and {@code readiness check} show
   * them.
   */
  static final Set<String> TIMING = Set.of("REVIEW_OVERDUE", "FUTURE_DATE");

  private static final Pattern SIGN_OFF_LINE =
      Pattern.compile("^\\s*(#{1,6} .*|[-_*\\s]{3,}|\\*\\*[^*]+(?::\\*\\*|\\*\\*\\s*:).*)?\\s*$");

  private final ReportData data;
  private final ProjectReport project;
  private final Review review;
  private final int index;
  private final Snapshot snapshot;
  private final String date;
  private final List<Part> notes = new ArrayList<>();

  /** The review's warnings but those of {@link #TIMING}. */
  private final List<Problem> warnings;

  private Composer out;

  ReviewDocument(ReportData data, ProjectReport project, Review review) {
    this.data = data;
    this.project = project;
    this.review = review;
    this.snapshot = review.snapshot();
    int at = -1;
    for (int i = 0; i < project.reviews().size(); i++) {
      if (project.reviews().get(i) == review) {
        at = i;
      }
    }
    this.index = at;
    this.date = review.date() == null ? "undated" : review.date().toString();
    this.warnings = review.warnings().stream().filter(w -> !TIMING.contains(w.code())).toList();
    for (Part part : snapshot.parts()) {
      if (part.section() == 0 && isNotes(part)) {
        notes.add(part);
      }
    }
  }

  /** Writes the PDF; characters no font has are reported to {@code missing}. */
  byte[] render(PageSetup setup, MissingGlyphs missing) throws IOException {
    List<Entry> entries = plan();
    String subject =
        "Production readiness review of "
            + project.name()
            + " on "
            + date
            + ": "
            + Format.percent(review.percent())
            + " computed ("
            + review.done()
            + " of "
            + review.total()
            + " items)"
            + (review.statedScore() == null
                ? ""
                : ", stated " + Format.number(review.statedScore()))
            + ", release gate "
            + (review.verdict().pass() ? "passed" : "not passed");
    Composer.Metadata metadata =
        new Composer.Metadata(
            project.name() + " — readiness review " + date,
            subject,
            author(),
            "production readiness, release gate, " + project.slug() + ", " + date,
            Version.generator());
    Instant created =
        review.date() == null
            ? Instant.EPOCH
            : review.date().atStartOfDay(ZoneOffset.UTC).toInstant();
    out =
        new Composer(
            setup,
            "review/" + project.slug() + "/" + date,
            created,
            String.valueOf(snapshot.sha256()),
            metadata,
            new Composer.Heads(
                project.name() + " · review " + date, "Production readiness review", madeFrom()));
    out.outline(entries);
    cover(entries);
    summary();
    sections();
    blockers();
    changes();
    warnings();
    timeline();
    notes();
    signOff();
    missing.report(out, review.file(), "review PDF");
    return out.finish();
  }

  /** A stated score as {@code 52/100}, or {@code n/a} as everywhere else. */
  static String score(Double stated) {
    return stated == null ? Format.number(null) : Format.number(stated) + "/100";
  }

  private String author() {
    if (project.owner() != null) {
      return project.owner();
    }
    String owner = snapshot.header().get("Owner");
    return owner == null || owner.isBlank() ? Version.generator() : owner;
  }

  /**
   * What the PDF was made from, for its footer: the file by name and its hash, and the tool; never
   * when.
   */
  private String madeFrom() {
    String name = review.file().substring(review.file().lastIndexOf('/') + 1);
    return "Made from "
        + name
        + (snapshot.sha256() == null ? "" : " (SHA-256 " + shortHash(snapshot.sha256()) + ")")
        + " by "
        + Version.generator();
  }

  /** The first 12 hex digits of a SHA-256, as git shortens an id: enough to tell files apart. */
  static String shortHash(String sha256) {
    return sha256.substring(0, Math.min(12, sha256.length()));
  }

  private List<Entry> plan() {
    List<Entry> entries = new ArrayList<>();
    entries.add(new Entry("overview", "Overview", 0));
    entries.add(new Entry("summary", "Summary by section", 0));
    entries.add(new Entry("sections", "Sections", 0));
    for (SectionFigures f : review.sections()) {
      entries.add(sectionEntry(f));
    }
    entries.add(new Entry("blockers", "Open blockers (" + review.blockers().size() + ")", 0));
    ReviewDiff diff = project.diffInto(index);
    entries.add(
        new Entry(
            "changes",
            diff == null ? "Changes since the previous review" : "Changes since " + diff.from(),
            0));
    entries.add(new Entry("warnings", "Warnings (" + warnings.size() + ")", 0));
    entries.add(new Entry("timeline", "Recommended timeline", 0));
    if (!notes.isEmpty()) {
      entries.add(new Entry("notes", "Notes and the rest of the document", 0));
      for (int i = 0; i < notes.size(); i++) {
        entries.add(new Entry("n" + (i + 1), noteTitle(notes.get(i)), 1));
      }
    }
    entries.add(new Entry("signoff", "Sign-off", 0));
    return entries;
  }

  private void cover(List<Entry> entries) {
    out.heading(new Entry("overview", "PRODUCTION READINESS REVIEW", 0), Styles.KICKER, 0, 6);
    out.paragraph(project.name(), Styles.TITLE, 0, 4);
    if (snapshot.title() != null && !snapshot.title().equals(project.name())) {
      out.paragraph(snapshot.title(), Styles.H3.color(Styles.MUTED), 0, 2);
    }
    StringBuilder line = new StringBuilder("Review of " + date);
    if (snapshot.version() != null) {
      line.append("  ·  version ").append(snapshot.version());
    }
    if (snapshot.provenance() != null && snapshot.provenance().draft()) {
      line.append("  ·  DRAFT: uncommitted changes, not a commit");
    }
    out.paragraph(line.toString(), Styles.BODY.color(Styles.MUTED), 2, 0);
    String source =
        review.file()
            + (snapshot.sha256() == null ? "" : "  ·  SHA-256 " + shortHash(snapshot.sha256()));
    out.paragraph(source, Styles.SMALL, 1, 0);

    boolean drifting = review.scoreDrifting();
    out.figures(
        List.of(
            new Figure(
                "COMPUTED",
                Format.percent(review.percent()),
                review.done() + " of " + review.total() + " items checked",
                Styles.ACCENT),
            new Figure(
                "STATED",
                score(review.statedScore()),
                review.statedScore() == null
                    ? "the checklist states no overall score"
                    : "overall score as written",
                review.statedScore() == null ? Styles.MUTED : Styles.STATED),
            new Figure(
                "DRIFT",
                Format.signed(review.scoreDrift()),
                review.scoreDrift() == null
                    ? "no stated score to compare"
                    : "points, computed minus stated",
                drifting ? Styles.BAD : Styles.INK)));
    out.verdict(null, review.verdict(), data.settings().gate());
    facts();
    out.subheading("Contents", Styles.H3, 10, 0, 0);
    out.contents(entries.subList(1, entries.size()));
  }

  private void facts() {
    List<String[]> facts = new ArrayList<>();
    facts.add(new String[] {"Open blockers", Integer.toString(review.blockers().size())});
    facts.add(new String[] {"Warnings", Integer.toString(warnings.size())});
    facts.add(
        new String[] {
          "Sign-off",
          snapshot.signOff().isEmpty()
              ? "no sign-off section"
              : review.signed() + " of " + snapshot.signOff().size() + " signed"
        });
    facts.add(new String[] {"Next review", nextReview()});
    if (snapshot.lastUpdated() != null) {
      facts.add(new String[] {"Last updated", snapshot.lastUpdated().toString()});
    }
    ReviewDiff diff = project.diffInto(index);
    facts.add(
        new String[] {
          "Previous review", diff == null || diff.from() == null ? "none" : diff.from().toString()
        });
    Provenance origin = snapshot.provenance();
    if (origin != null) {
      facts.add(
          origin.draft()
              ? new String[] {"Draft", "uncommitted changes in the working tree"}
              : new String[] {"Commit", origin.shortId() + " by " + origin.author(), origin.url()});
    }
    if (project.owner() != null) {
      facts.add(new String[] {"Owner", project.owner()});
    }
    if (project.ticket() != null) {
      facts.add(new String[] {"Ticket", project.ticket()});
    }
    snapshot
        .header()
        .forEach(
            (key, value) -> {
              if (!shownElsewhere(key, value)) {
                facts.add(new String[] {key.equals("Date") ? "Date in the file" : key, value});
              }
            });
    PdfPTable table = new PdfPTable(new float[] {0.9f, 1.6f, 0.9f, 1.6f});
    table.setWidthPercentage(100);
    table.setSpacingAfter(6);
    for (String[] fact : facts) {
      table.addCell(plainCell(fact[0], Styles.SMALL.bold()));
      PdfPCell value = plainCell(fact[1], Styles.TABLE);
      if (fact.length > 2 && fact[2] != null) {
        for (Element e : value.getPhrase()) {
          if (e instanceof Chunk chunk) {
            chunk.setAnchor(fact[2]); // the commit's web address (commitUrl)
          }
        }
      }
      table.addCell(value);
    }
    if (facts.size() % 2 == 1) {
      table.addCell(plainCell("", Styles.SMALL));
      table.addCell(plainCell("", Styles.SMALL));
    }
    out.add(table);
  }

  /** Whether a header line's value is on the cover already. */
  private boolean shownElsewhere(String key, String value) {
    return switch (key) {
      case "Date" -> value.strip().equals(date);
      case "Version" -> value.strip().equals(snapshot.version());
      case "Owner" -> value.strip().equals(project.owner());
      case "Last Updated" -> snapshot.lastUpdated() != null;
      case "Next Review" -> snapshot.nextReview() != null;
      default -> false;
    };
  }

  private PdfPCell plainCell(String text, Style style) {
    PdfPCell cell = out.cell(text, style, Element.ALIGN_LEFT);
    cell.setPaddingLeft(0);
    return cell;
  }

  private String nextReview() {
    // Only the date: whether it was kept depends on later reviews or on today.
    return snapshot.nextReview() == null ? "not stated" : snapshot.nextReview().toString();
  }

  private void summary() {
    out.newPage();
    out.heading(new Entry("summary", "Summary by section", 0), Styles.H1, 0, 6);
    out.paragraph(
        "Computed figures count the checked boxes; stated figures are what the checklist says of itself. "
            + "Drift is computed minus stated, in points; "
            + (data.settings().gate().maxDrift() == null
                ? "the gate sets no limit, so none is flagged."
                : "more than "
                    + Format.number(data.settings().gate().maxDrift())
                    + " (the gate's maxDrift) is flagged."),
        Styles.SMALL,
        0,
        4);
    PdfPTable table = out.table(3f, 0.9f, 1.2f, 1.3f, 0.8f, 0.8f, 1.3f);
    out.head(table, "Section", "Done", "Computed", "", "Stated", "Drift", "Declared");
    for (SectionFigures f : review.sections()) {
      table.addCell(
          out.cell(
              f.section().label().isBlank() ? "(before the first section)" : f.section().label(),
              Styles.TABLE,
              Element.ALIGN_LEFT));
      table.addCell(out.cell(f.done() + "/" + f.total(), Styles.TABLE, Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(Format.percent(f.percent()), Styles.TABLE.bold(), Element.ALIGN_RIGHT));
      table.addCell(bar(f.percent()));
      table.addCell(
          out.cell(
              Format.percent(f.statedPercent()),
              Styles.TABLE.color(f.statedPercent() == null ? Styles.MUTED : Styles.STATED),
              Element.ALIGN_RIGHT));
      table.addCell(
          out.cell(
              Format.signed(f.drift()),
              f.drifting()
                  ? Styles.TABLE.bold().color(Styles.BAD)
                  : Styles.TABLE.color(f.drift() == null ? Styles.MUTED : Styles.INK),
              Element.ALIGN_RIGHT));
      table.addCell(declared(f.section().declared()));
    }
    table.addCell(out.cell("All sections", Styles.TABLE.bold(), Element.ALIGN_LEFT));
    table.addCell(
        out.cell(review.done() + "/" + review.total(), Styles.TABLE.bold(), Element.ALIGN_RIGHT));
    table.addCell(
        out.cell(Format.percent(review.percent()), Styles.TABLE.bold(), Element.ALIGN_RIGHT));
    table.addCell(bar(review.percent()));
    table.addCell(
        out.cell(
            score(review.statedScore()),
            Styles.TABLE.bold().color(review.statedScore() == null ? Styles.MUTED : Styles.STATED),
            Element.ALIGN_RIGHT));
    boolean drifting = review.scoreDrifting();
    table.addCell(
        out.cell(
            Format.signed(review.scoreDrift()),
            drifting
                ? Styles.TABLE.bold().color(Styles.BAD)
                : Styles.TABLE
                    .bold()
                    .color(review.scoreDrift() == null ? Styles.MUTED : Styles.INK),
            Element.ALIGN_RIGHT));
    table.addCell(out.cell("", Styles.TABLE, Element.ALIGN_LEFT));
    out.add(table);
    if (!review.sections().isEmpty()) {
      float height = Math.min(50 + 20f * review.sections().size(), 420);
      out.keepSpace(height + 30);
      out.subheading("Done and open items per section", Styles.H3, 8, 2, 0);
      JFreeChart chart = ChartFactory.sectionBars(review);
      out.add(out.chart(chart, out.width(), height, figures(chart)));
    }
  }

  /**
   * What a category chart shows, which with its size decides its drawing: the kind, and its
   * dataset's rows, columns and values.
   */
  private static Object figures(JFreeChart chart) {
    CategoryDataset d = ((CategoryPlot) chart.getPlot()).getDataset();
    List<Object> key = new ArrayList<>(List.of("sectionBars"));
    for (int r = 0; r < d.getRowCount(); r++) {
      for (int c = 0; c < d.getColumnCount(); c++) {
        key.add(List.of(d.getRowKey(r), d.getColumnKey(c), String.valueOf(d.getValue(r, c))));
      }
    }
    return key;
  }

  private PdfPCell declared(DeclaredStatus status) {
    if (status == null) {
      return out.cell("–", Styles.TABLE.color(Styles.MUTED), Element.ALIGN_LEFT);
    }
    Mark mark =
        switch (status) {
          case COMPLETE -> Mark.CHECK;
          case AT_RISK -> Mark.WARNING;
          case IN_PROGRESS -> Mark.SQUARE;
          case NOT_DONE -> Mark.CROSS;
        };
    Phrase phrase = out.type.phrase(11);
    phrase.add(out.type.markChunk(mark, Styles.TABLE.size()));
    phrase.addAll(out.type.chunks(" " + status.key().replace('-', ' '), Styles.TABLE));
    return out.cell(phrase, status.key(), Element.ALIGN_LEFT);
  }

  /** A cell that draws the percent as a bar. */
  private PdfPCell bar(Double percent) {
    PdfPCell cell = out.cell("", Styles.TABLE, Element.ALIGN_LEFT);
    cell.setCellEvent(new Bar(percent));
    return cell;
  }

  /** Draws a horizontal bar for a percent in a table cell. */
  private record Bar(Double percent) implements PdfPCellEvent {
    @Override
    public void cellLayout(PdfPCell cell, Rectangle position, PdfContentByte[] canvases) {
      if (percent == null) {
        return;
      }
      PdfContentByte canvas = canvases[PdfPTable.BACKGROUNDCANVAS];
      float x = position.getLeft() + 4;
      float width = position.getWidth() - 8;
      float y = position.getBottom() + position.getHeight() / 2 - 3;
      canvas.saveState();
      canvas.setColorFill(Styles.BAR_OPEN);
      canvas.rectangle(x, y, width, 6);
      canvas.fill();
      canvas.setColorFill(ChartFactory.DONE);
      canvas.rectangle(x, y, (float) (width * Math.min(100, percent) / 100), 6);
      canvas.fill();
      canvas.restoreState();
    }
  }

  private static Entry sectionEntry(SectionFigures f) {
    String label = f.section().label();
    return new Entry(
        "s" + f.section().position(),
        label.isBlank() ? "Items before the first section" : label,
        1);
  }

  private void sections() {
    out.newPage();
    out.heading(new Entry("sections", "Sections", 0), Styles.H1, 0, 4);
    if (review.sections().isEmpty()) {
      out.paragraph(
          "The checklist has no task items, so no sections to count; its text is under notes below.",
          Styles.BODY,
          0,
          6);
      return;
    }
    out.paragraph(
        "Every item as written, with its box; checked items are grey. Lines with a warning carry its code.",
        Styles.SMALL,
        0,
        4);
    MarkdownBlocks blocks = new MarkdownBlocks(out, snapshot.items(), warnings);
    for (SectionFigures f : review.sections()) {
      out.heading(sectionEntry(f), Styles.H2, 14, 2);
      sectionFigures(f);
      Part part =
          snapshot.parts().stream()
              .filter(p -> p.section() == f.section().position())
              .findFirst()
              .orElse(null);
      if (part != null) {
        blocks.render(
            part.markdown(), part.line(), !part.title().isEmpty(), part.title().isEmpty());
      }
    }
  }

  private void sectionFigures(SectionFigures f) {
    Phrase phrase = out.type.phrase(12);
    phrase.addAll(
        out.type.chunks(
            f.done() + " of " + f.total() + " done", Styles.SMALL.bold().color(Styles.INK)));
    phrase.addAll(
        out.type.chunks(
            "  ·  " + Format.percent(f.percent()) + " computed",
            Styles.SMALL.color(Styles.ACCENT)));
    if (f.statedPercent() != null) {
      phrase.addAll(
          out.type.chunks(
              "  ·  " + Format.percent(f.statedPercent()) + " stated",
              Styles.SMALL.color(Styles.STATED)));
    }
    if (f.drift() != null) {
      phrase.addAll(
          out.type.chunks(
              "  ·  drift " + Format.signed(f.drift()),
              f.drifting() ? Styles.SMALL.bold().color(Styles.BAD) : Styles.SMALL));
    }
    if (f.section().declared() != null) {
      phrase.addAll(
          out.type.chunks(
              "  ·  declared " + f.section().declared().key().replace('-', ' '), Styles.SMALL));
    }
    out.line(phrase, Composer.direction(f.section().label()) == PdfWriter.RUN_DIRECTION_RTL, 0, 5);
  }

  private void blockers() {
    out.keepSpace(160);
    out.heading(
        new Entry("blockers", "Open blockers (" + review.blockers().size() + ")", 0),
        Styles.H1,
        18,
        6);
    if (review.blockers().isEmpty()) {
      out.paragraph("No open blockers are listed.", Styles.BODY, 0, 6);
      return;
    }
    PdfPTable table = out.table(2.2f, 4f, 1.1f, 0.9f);
    out.head(table, "Blocker", "Detail", "First seen", "Age");
    for (BlockerStatus b : review.blockers()) {
      Phrase title = out.type.phrase(11);
      title.add(out.type.markChunk(Mark.CROSS, Styles.TABLE.size()));
      title.addAll(out.type.chunks(" " + b.blocker().title(), Styles.TABLE.bold()));
      table.addCell(out.cell(title, b.blocker().title(), Element.ALIGN_LEFT));
      table.addCell(out.cell(b.blocker().detail(), Styles.TABLE, Element.ALIGN_LEFT));
      table.addCell(
          out.cell(
              b.firstSeen() == null ? "–" : b.firstSeen().toString(),
              Styles.TABLE,
              Element.ALIGN_LEFT));
      String age =
          b.ageDays()
              + (b.ageDays() == 1 ? " day" : " days")
              + (b.earlierRuns() > 0
                  ? " (listed and resolved " + b.earlierRuns() + "× before)"
                  : "");
      table.addCell(out.cell(age, Styles.TABLE, Element.ALIGN_RIGHT));
    }
    out.add(table);
  }

  private void changes() {
    ReviewDiff diff = project.diffInto(index);
    out.keepSpace(160);
    out.heading(
        new Entry(
            "changes",
            diff == null ? "Changes since the previous review" : "Changes since " + diff.from(),
            0),
        Styles.H1,
        18,
        6);
    if (diff == null) {
      out.paragraph(
          "This is the first review of "
              + project.name()
              + "; there is no earlier review to compare with.",
          Styles.BODY,
          0,
          6);
      return;
    }
    String figures =
        "Checked items "
            + diff.doneBefore()
            + " → "
            + diff.doneAfter()
            + "  ·  computed "
            + Format.percent(diff.percentBefore())
            + " → "
            + Format.percent(diff.percentAfter())
            + " ("
            + Format.signed(diff.percentChange())
            + ")"
            + (diff.scoreBefore() == null && diff.scoreAfter() == null
                ? ""
                : "  ·  stated "
                    + Format.number(diff.scoreBefore())
                    + " → "
                    + Format.number(diff.scoreAfter())
                    + " ("
                    + Format.signed(diff.scoreChange())
                    + ")");
    out.paragraph(figures, Styles.BODY.bold(), 0, 6);
    if (diff.isEmpty()) {
      out.paragraph("No item, section or blocker changed.", Styles.BODY, 0, 6);
      return;
    }
    itemChanges("Checked since", diff.done());
    itemChanges("Reopened", diff.reopened());
    itemChanges("Added", diff.added());
    itemChanges("Removed", diff.removed());
    if (!diff.reworded().isEmpty()) {
      out.subheading("Reworded (" + diff.reworded().size() + ")", Styles.H4, 6, 2, 0);
      for (ReviewDiff.Rewording r : diff.reworded()) {
        Phrase phrase = itemPhrase(r.checked(), r.to());
        phrase.addAll(out.type.chunks("  was: " + r.from() + "  ·  " + r.section(), Styles.SMALL));
        out.text(phrase, r.to(), 0, out.type.boxIndent(), 0, 2.5f);
      }
    }
    names("Sections added", diff.sectionsAdded());
    names("Sections removed", diff.sectionsRemoved());
    names(
        "Sections renamed",
        diff.sectionsRenamed().stream().map(r -> r.from() + " → " + r.to()).toList());
    names("Blockers opened", diff.blockersOpened());
    names("Blockers resolved", diff.blockersResolved());
  }

  private void itemChanges(String title, List<ReviewDiff.ItemChange> changes) {
    if (changes.isEmpty()) {
      return;
    }
    out.subheading(title + " (" + changes.size() + ")", Styles.H4, 6, 2, 0);
    for (ReviewDiff.ItemChange c : changes) {
      Phrase phrase = itemPhrase(c.checked(), c.text());
      phrase.addAll(out.type.chunks("  ·  " + c.section(), Styles.SMALL));
      out.text(phrase, c.text(), 0, out.type.boxIndent(), 0, 2.5f);
    }
  }

  private Phrase itemPhrase(boolean checked, String text) {
    Phrase phrase = out.type.phrase(Styles.BODY.size() * 1.4f);
    phrase.add(
        out.type.markChunk(checked ? Mark.BOX_DONE : Mark.BOX_OPEN, Styles.BODY.size() * 1.1f));
    phrase.addAll(out.type.chunks(" " + text, Styles.BODY));
    return phrase;
  }

  private void names(String title, List<String> names) {
    if (names.isEmpty()) {
      return;
    }
    out.subheading(title + " (" + names.size() + ")", Styles.H4, 6, 2, 0);
    for (String name : names) {
      out.text(
          out.type.phrase("•  " + name, Styles.BODY),
          name,
          0,
          out.type.width("•  ", Styles.BODY),
          0,
          2.5f);
    }
  }

  private void warnings() {
    out.keepSpace(160);
    out.heading(new Entry("warnings", "Warnings (" + warnings.size() + ")", 0), Styles.H1, 18, 6);
    out.paragraph(
        "What the file itself says wrong. Whether its next review came on time is in the project's"
            + " history PDF and on the site.",
        Styles.SMALL,
        0,
        4);
    if (warnings.isEmpty()) {
      out.paragraph("No warnings.", Styles.BODY, 0, 6);
      return;
    }
    PdfPTable table = out.table(0.6f, 2.1f, 6f);
    out.head(table, "Line", "Code", "What to do");
    for (Problem p : warnings) {
      table.addCell(
          out.cell(
              p.line() > 0 ? Integer.toString(p.line()) : "–", Styles.TABLE, Element.ALIGN_RIGHT));
      Phrase code = out.type.phrase(11);
      code.add(out.type.markChunk(Mark.WARNING, Styles.TABLE.size()));
      code.addAll(out.type.chunks(" " + p.code(), Styles.TABLE.mono().color(Styles.WARN)));
      table.addCell(out.cell(code, p.code(), Element.ALIGN_LEFT));
      table.addCell(out.sentence(p.message(), Styles.TABLE));
    }
    out.add(table);
  }

  private void timeline() {
    out.keepSpace(160);
    out.heading(new Entry("timeline", "Recommended timeline", 0), Styles.H1, 18, 6);
    if (snapshot.timeline().isEmpty()) {
      out.paragraph("The checklist recommends no timeline.", Styles.BODY, 0, 6);
      return;
    }
    for (PlannedWeek week : snapshot.timeline()) {
      Timeline.PlannedWindow window = windowOf(week);
      String weeks =
          week.week() == week.lastWeek()
              ? "Week " + week.week()
              : "Weeks " + week.week() + "–" + week.lastWeek();
      StringBuilder title = new StringBuilder(weeks + ": " + week.label());
      out.subheading(title.toString(), Styles.H4, 7, 1, 0);
      if (window != null) {
        out.paragraph(
            window.start()
                + " to "
                + window.end()
                + "  ·  planned "
                + Format.number(window.plannedDays())
                + " days  ·  listed since the review of "
                + window.anchor(),
            Styles.SMALL,
            0,
            2);
      }
      for (PlannedWeek.PlannedTask task : week.tasks()) {
        String text =
            task.text() + (task.days() == null ? "" : " — " + Format.number(task.days()) + " days");
        out.text(
            out.type.phrase("•  " + text, Styles.BODY),
            text,
            0,
            out.type.width("•  ", Styles.BODY),
            0,
            2);
      }
    }
  }

  /** The window the project timeline anchors {@code week} in, as listed up to this review. */
  private Timeline.PlannedWindow windowOf(PlannedWeek week) {
    Timeline.PlannedWindow found = null;
    for (Timeline.PlannedWindow w : project.timeline().planned()) {
      if (w.week() == week.week()
          && w.lastWeek() == week.lastWeek()
          && w.label().equals(week.label())
          && (review.date() == null || !w.anchor().isAfter(review.date()))) {
        found = w;
      }
    }
    return found;
  }

  private void notes() {
    if (notes.isEmpty()) {
      return;
    }
    out.newPage();
    out.heading(new Entry("notes", "Notes and the rest of the document", 0), Styles.H1, 0, 4);
    out.paragraph(
        "The parts of the checklist that are not sections, as written.", Styles.SMALL, 0, 4);
    MarkdownBlocks blocks = new MarkdownBlocks(out, snapshot.items(), warnings);
    for (int i = 0; i < notes.size(); i++) {
      Part part = notes.get(i);
      out.heading(new Entry("n" + (i + 1), noteTitle(part), 1), Styles.H2, 12, 4);
      blocks.render(
          withoutFrontMatter(part), part.line(), !part.title().isEmpty(), part.title().isEmpty());
    }
  }

  private static String noteTitle(Part part) {
    return part.title().isEmpty() ? "Introduction" : part.title();
  }

  /** Whether a part that is not a section has anything the rest of the PDF does not show. */
  private boolean isNotes(Part part) {
    if (part.title().isEmpty()) {
      List<String> lines = withoutFrontMatter(part).lines().toList();
      return lines.stream().anyMatch(l -> !COVER_LINE.matcher(l).matches())
          || lines.stream().filter(l -> l.strip().startsWith("# ")).count() > 1;
    }
    if (snapshot.signOffLine() == part.line()) {
      return part.markdown().lines().anyMatch(l -> !SIGN_OFF_LINE.matcher(l).matches());
    }
    return true;
  }

  private String withoutFrontMatter(Part part) {
    String md = part.markdown();
    if (part.line() != 1 || snapshot.frontMatter().isEmpty() || !md.startsWith("---")) {
      return md;
    }
    String[] lines = md.split("\n", -1);
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].strip().equals("---") || lines[i].strip().equals("...")) {
        return "\n".repeat(i + 1)
            + String.join("\n", Arrays.copyOfRange(lines, i + 1, lines.length));
      }
    }
    return md;
  }

  private void signOff() {
    out.keepSpace(220);
    out.heading(new Entry("signoff", "Sign-off", 0), Styles.H1, 18, 6);
    List<Signature> signatures = snapshot.signOff();
    if (signatures.isEmpty()) {
      out.paragraph(
          "The checklist has no sign-off section. Approval of this review:", Styles.BODY, 0, 6);
      signatures = List.of(new Signature("Approved by", null, null, 0));
    } else {
      out.paragraph(
          review.signed() + " of " + signatures.size() + " roles signed in the checklist.",
          Styles.BODY,
          0,
          6);
    }
    PdfPTable table = out.table(1.6f, 2.2f, 1.2f, 2.4f);
    out.head(table, "Role", "Name", "Date", "Signature");
    for (Signature s : signatures) {
      table.addCell(signCell(s.role(), Styles.TABLE.bold()));
      table.addCell(signCell(s.name() == null ? "" : s.name(), Styles.TABLE));
      table.addCell(signCell(s.date() == null ? "" : s.date(), Styles.TABLE));
      PdfPCell line = signCell("", Styles.TABLE);
      line.setUseVariableBorders(true);
      line.setBorderColorBottom(Styles.INK);
      line.setBorderWidthBottom(0.9f);
      table.addCell(line);
    }
    table.setKeepTogether(true);
    out.add(table);
  }

  private PdfPCell signCell(String text, Style style) {
    PdfPCell cell = out.cell(text, style, Element.ALIGN_LEFT);
    cell.setMinimumHeight(30);
    cell.setVerticalAlignment(Element.ALIGN_BOTTOM);
    return cell;
  }
}
