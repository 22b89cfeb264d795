package dev.readiness.render.chart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.readiness.analyze.Timeline;
import dev.readiness.model.PlausibleDates;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

class GanttTest {
  private static final LocalDate TODAY = LocalDate.parse("2026-03-20");

  private static Timeline.ReviewEvent review(String date, String due) {
    LocalDate d = LocalDate.parse(date);
    LocalDate n = due == null ? null : LocalDate.parse(due);
    return new Timeline.ReviewEvent(
        d,
        n,
        null,
        n != null && n.isBefore(TODAY),
        n != null && n.isBefore(TODAY)
            ? (int) java.time.temporal.ChronoUnit.DAYS.between(n, TODAY)
            : 0);
  }

  private static Document xml(String svg) throws Exception {
    DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
    factory.setNamespaceAware(true);
    return factory.newDocumentBuilder().parse(new InputSource(new StringReader(svg)));
  }

  private static List<String> ticks(Document doc) {
    NodeList texts = doc.getElementsByTagNameNS(SvgWriter.NAMESPACE, "text");
    List<String> out = new java.util.ArrayList<>();
    for (int i = 0; i < texts.getLength(); i++) {
      var e = (org.w3c.dom.Element) texts.item(i);
      if (e.getAttribute("class").equals("g-tick")) {
        out.add(e.getTextContent());
      }
    }
    return out;
  }

  @Test
  void datesThousandsOfYearsApartAreLeftOutAndTheChartStaysSmall() throws Exception {
    Timeline timeline =
        new Timeline(
            List.of(
                review("0001-01-01", "9999-12-31"),
                review("2026-03-09", "2026-03-16"),
                review("2026-03-16", "9999-12-31")),
            List.of(),
            List.of());
    String svg = Gantt.svg(timeline, TODAY, "Timeline");
    assertTrue(svg.length() < 8_000, svg.length() + " characters");
    Document doc = xml(svg);
    assertEquals(List.of("03-07", "03-14"), ticks(doc).subList(0, 2));
    assertFalse(
        svg.contains("0001-01-01") || svg.contains("9999"), "out-of-window dates are not drawn");
    assertEquals(
        2,
        doc.getElementsByTagNameNS(SvgWriter.NAMESPACE, "path").getLength(),
        "two reviews drawn");
  }

  @Test
  void drawsExactlyTheDatesThePlausibleWindowHolds() throws Exception {
    // One rule for the reader's IMPLAUSIBLE_DATE warning and the chart: the fixed window, not a
    // span around the build date. 1975 and 2099 are neither warned about nor left out.
    Timeline timeline =
        new Timeline(
            List.of(
                review("1969-12-31", null),
                review("1975-06-02", null),
                review("2099-06-01", "2100-12-31"),
                review("2101-01-01", null)),
            List.of(),
            List.of());
    Document doc = xml(Gantt.svg(timeline, TODAY, "Timeline"));
    List<String> drawn = new java.util.ArrayList<>();
    NodeList titles = doc.getElementsByTagNameNS(SvgWriter.NAMESPACE, "title");
    for (int i = 0; i < titles.getLength(); i++) {
      if (!titles.item(i).getTextContent().startsWith("today")) {
        drawn.add(titles.item(i).getTextContent());
      }
    }
    assertEquals(
        List.of("next review due 2100-12-31", "review 1975-06-02", "review 2099-06-01"), drawn);
    assertTrue(PlausibleDates.contains(LocalDate.parse("2100-12-31")));
    assertFalse(PlausibleDates.contains(LocalDate.parse("1969-12-31")));
  }

  @Test
  void onlyImplausibleDatesGiveNoChart() {
    Timeline timeline =
        new Timeline(List.of(review("0001-01-01", "9999-12-31")), List.of(), List.of());
    assertEquals("", Gantt.svg(timeline, TODAY, "Timeline"));
  }

  @Test
  void sixYearsOfWeeklyReviewsAreTickedByHalfYearWithTheYearWritten() throws Exception {
    List<Timeline.ReviewEvent> reviews = new java.util.ArrayList<>();
    for (LocalDate d = LocalDate.parse("2020-05-18");
        d.isBefore(LocalDate.parse("2026-03-01"));
        d = d.plusWeeks(1)) {
      reviews.add(review(d.toString(), d.plusWeeks(1).toString()));
    }
    String svg = Gantt.svg(new Timeline(reviews, List.of(), List.of()), TODAY, "Timeline");
    List<String> ticks = ticks(xml(svg));
    assertEquals(
        List.of(
            "2020-07", "2021-01", "2021-07", "2022-01", "2022-07", "2023-01", "2023-07", "2024-01",
            "2024-07", "2025-01", "2025-07", "2026-01"),
        ticks);
  }

  @Test
  void textIsEscapedByConstruction() throws Exception {
    String label = "Timeline of <script>alert(1)</script> & \"co\" \u0001";
    Timeline timeline =
        new Timeline(List.of(review("2026-03-09", "2026-03-16")), List.of(), List.of());
    String svg = Gantt.svg(timeline, TODAY, label);
    Document doc = xml(svg);
    assertEquals(
        "Timeline of <script>alert(1)</script> & \"co\" \uFFFD",
        doc.getDocumentElement().getAttribute("aria-label"));
    String badge =
        Badge.svg(
            "readiness", "<b>52% & \"x\"", Badge.Tone.GOOD, "<img src=x onerror=alert(1)>\u0002");
    Document b = xml(badge);
    assertEquals(
        "<img src=x onerror=alert(1)>\uFFFD", b.getDocumentElement().getAttribute("aria-label"));
    assertEquals(
        "<b>52% & \"x\"",
        b.getElementsByTagNameNS(SvgWriter.NAMESPACE, "text").item(1).getTextContent());
    String spark = Sparkline.svg(java.util.Arrays.asList(10.0, null, 30.0), "a \"b\" <c> \u0003");
    assertEquals("a \"b\" <c> \uFFFD", xml(spark).getDocumentElement().getAttribute("aria-label"));
  }
}
