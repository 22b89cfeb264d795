package dev.readiness.analyze;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.readiness.config.Settings;
import dev.readiness.model.Blocker;
import dev.readiness.read.SnapshotParser;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BlockerKeyTest {
  private static List<String> distinct(String... listings) {
    List<Blocker> blockers = new ArrayList<>();
    for (String listing : listings) {
      String[] parts = listing.split(" \\| ", -1);
      blockers.add(new Blocker(parts[0], parts.length > 1 ? parts[1] : "", blockers.size() + 1));
    }
    return BlockerKey.distinct(blockers).stream().map(Blocker::title).toList();
  }

  @Test
  void dropsTheSecondListingOfABlockerWithTheSameTitle() {
    assertEquals(
        List.of("Load Testing"),
        distinct("Load Testing | not run", "load testing ❌ | still not run"));
  }

  @Test
  void dropsAListingThatRepeatsAShorterTitleWithMoreWords() {
    assertEquals(
        List.of("Tests Failing", "Code Graph Analyzer"),
        distinct(
            "Tests Failing | 49.6% pass rate",
            "Code Graph Analyzer | DOESN'T EXIST",
            "Tests failing (49.6% pass rate)",
            "Code Graph Analyzer doesn't exist (BLOCKS ALL ADAPTERS)"));
  }

  @Test
  void dropsAListingInOtherWordsWhenNearlyAllItsWordsRepeat() {
    assertEquals(
        List.of("Dependencies Missing"),
        distinct(
            "Dependencies Missing | opensearchpy, prefect, agno not installed",
            "Dependencies not installed (opensearchpy, prefect, agno)"));
  }

  @Test
  void keepsBlockersThatOnlyShareTheirFirstWords() {
    assertEquals(
        List.of("Tests failing in CI", "Tests failing in staging", "Security", "Security review"),
        distinct("Tests failing in CI", "Tests failing in staging", "Security", "Security review"));
  }

  @Test
  void countsTheOpenBlockersOfTheCorpusProgressFileOnce() {
    String text =
        dev.readiness.Fixtures.resource(
            "corpus/lesleslie__mahavishnu__PROGRESS@2026-01-25T0729.md");
    Review review =
        new Analyzer(Settings.DEFAULTS, LocalDate.of(2026, 1, 26))
            .single(new SnapshotParser().parse("p.md", text).snapshot(), "p.md", List.of());
    assertEquals(5, review.blockers().size());
    assertEquals(
        List.of(30, 31, 32, 33, 34),
        review.blockers().stream().map(b -> b.blocker().line()).toList());
  }
}
