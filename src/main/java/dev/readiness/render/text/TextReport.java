package dev.readiness.render.text;

import dev.readiness.analyze.BlockerStatus;
import dev.readiness.analyze.Format;
import dev.readiness.analyze.Review;
import dev.readiness.analyze.SectionFigures;
import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import java.util.Locale;

/** Renders analyzed figures as terminal text. */
public final class TextReport {
  private TextReport() {}

  /**
   * A one-review summary, as {@code readiness inspect} prints it; text from the checklist with its
   * control characters shown visibly.
   */
  public static String review(Review review) {
    Snapshot s = review.snapshot();
    StringBuilder out = new StringBuilder();
    String title = s.title() == null ? review.file() : s.title();
    out.append(visible(title));
    if (s.project() != null
        && !title.toLowerCase(Locale.ROOT).contains(s.project().toLowerCase(Locale.ROOT))) {
      out.append(" — ").append(visible(s.project()));
    }
    out.append('\n');
    out.append("file ").append(visible(review.file()));
    out.append("   date ").append(review.date() == null ? "none" : review.date());
    if (s.version() != null) {
      out.append("   version ").append(visible(s.version()));
    }
    out.append("\n\n");
    out.append(
        String.format(
            Locale.ROOT,
            "computed  %d of %d items checked = %s%n",
            review.done(),
            review.total(),
            Format.percent(review.percent())));
    out.append("stated    ")
        .append(
            review.statedScore() == null
                ? "no overall score"
                : Format.number(review.statedScore())
                    + "/100 (drift "
                    + Format.signed(review.scoreDrift())
                    + ")");
    out.append("\n\n");
    int width =
        review.sections().stream()
            .mapToInt(f -> visible(f.section().label()).length())
            .max()
            .orElse(10);
    width = Math.min(Math.max(width, 8), 48);
    out.append(
        String.format(
            Locale.ROOT,
            "%-" + width + "s  %9s  %6s  %6s  %s%n",
            "section",
            "done",
            "%",
            "stated",
            "declared"));
    for (SectionFigures f : review.sections()) {
      String label = Format.clip(visible(f.section().label()), width);
      out.append(
          String.format(
              Locale.ROOT,
              "%-" + width + "s  %9s  %6s  %6s  %s%s%n",
              label,
              f.done() + "/" + f.total(),
              Format.percent(f.percent()),
              f.statedPercent() == null ? "" : Format.percent(f.statedPercent()),
              f.section().declared() == null ? "" : f.section().declared().key(),
              f.drifting() ? "  drift " + Format.signed(f.drift()) : ""));
    }
    out.append('\n');
    out.append("blockers  ").append(review.blockers().size()).append(" open\n");
    for (BlockerStatus b : review.blockers()) {
      out.append("  - ").append(visible(b.blocker().title()));
      if (!b.blocker().detail().isEmpty()) {
        out.append(" — ").append(visible(b.blocker().detail()));
      }
      out.append(" (").append(b.ageDays()).append(" days)\n");
    }
    if (!s.signOff().isEmpty()) {
      out.append("sign-off  ")
          .append(review.signed())
          .append(" of ")
          .append(s.signOff().size())
          .append(" signed\n");
    }
    if (s.nextReview() != null) {
      out.append("next      ").append(s.nextReview()).append('\n');
    }
    out.append("gate      ")
        .append(
            review.verdict().pass()
                ? "pass"
                : "fail: " + visible(String.join("; ", review.verdict().reasons())))
        .append('\n');
    out.append('\n').append("warnings  ").append(review.warnings().size()).append('\n');
    for (Problem p : review.warnings()) {
      out.append("  ")
          .append(p.line() > 0 ? String.format(Locale.ROOT, "%4d", p.line()) : "   -")
          .append("  ")
          .append(p.code())
          .append("  ")
          .append(visible(p.message()))
          .append('\n');
    }
    return out.toString();
  }

  private static String visible(String text) {
    return TerminalText.visible(text);
  }
}
