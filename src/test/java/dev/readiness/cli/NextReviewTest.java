package dev.readiness.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class NextReviewTest {
  private static final LocalDate MARCH_9 = LocalDate.of(2026, 3, 9);
  private static final LocalDate MARCH_16 = LocalDate.of(2026, 3, 16);

  @Test
  void movesHeaderDateLastUpdatedAndNextReviewByThePreviousCadence() {
    String text =
        """
        # Readiness

        **Date**: 2026-03-09
        **Owner**: ops

        ## Section 1: Security

        - [x] RBAC configured
        - [x] **Date**: 2026-02-02
        - [ ] Pen test

        ## Sign-Off

        **Technical Lead**: Jane Doe Date: 2026-03-09

        **Last Updated**: 2026-03-09
        **Next Review**: 2026-03-23
        """;
    NextReview.Result r = NextReview.of(text, MARCH_9, LocalDate.of(2026, 3, 23), MARCH_16);
    assertEquals(14, r.cadenceDays());
    assertEquals(LocalDate.of(2026, 3, 30), r.nextReview());
    assertEquals(List.of("Date", "Last Updated", "Next Review"), r.moved());
    assertEquals(
        text.replace("**Date**: 2026-03-09", "**Date**: 2026-03-16")
            .replace("**Last Updated**: 2026-03-09", "**Last Updated**: 2026-03-16")
            .replace("**Next Review**: 2026-03-23", "**Next Review**: 2026-03-30"),
        r.text());
  }

  @Test
  void keepsCompletionStampsSignOffDatesAndCode() {
    String text =
        """
        **Date**: 2026-03-09

        ## Section 2

        **Date**: 2026-03-01
        - [x] **Date**: 2026-03-01

        ```
        **Last Updated**: 2026-01-01
        ```
        """;
    NextReview.Result r = NextReview.of(text, MARCH_9, null, MARCH_16);
    assertEquals(text.replaceFirst("2026-03-09", "2026-03-16"), r.text());
    assertEquals(List.of("Date"), r.moved());
  }

  @Test
  void defaultsToAWeekWhenNoNextReviewIsNamed() {
    NextReview.Result r = NextReview.of("**Next Review**: TBD\n", MARCH_9, null, MARCH_16);
    assertEquals(7, r.cadenceDays());
    assertEquals(LocalDate.of(2026, 3, 23), r.nextReview());
    assertEquals(
        "**Next Review**: TBD\n", r.text(), "a value that is not a date is left as written");
    assertEquals(List.of(), r.moved());
  }

  @Test
  void keepsCrlfBomAndBoldColonStyleAndMovesFrontMatterDate() {
    String text =
        "\uFEFF---\r\nproject: Orion\r\ndate: \"2026-03-09\"\r\n---\r\n# Orion\r\n**Date:** 2026-03-09\r\n"
            + "## Section 1\r\n- [ ] a\r\n**Last updated**: 2026-03-09 (by ops)\r\n**Next Review**: 2026-03-16";
    NextReview.Result r = NextReview.of(text, MARCH_9, MARCH_16, LocalDate.of(2026, 3, 20));
    assertEquals(
        "\uFEFF---\r\nproject: Orion\r\ndate: \"2026-03-20\"\r\n---\r\n# Orion\r\n**Date:** 2026-03-20\r\n"
            + "## Section 1\r\n- [ ] a\r\n**Last updated**: 2026-03-20 (by ops)\r\n**Next Review**: 2026-03-27",
        r.text());
    assertEquals(List.of("front matter date", "Date", "Last Updated", "Next Review"), r.moved());
  }
}
