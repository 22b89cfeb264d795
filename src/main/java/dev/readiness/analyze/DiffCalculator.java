package dev.readiness.analyze;

import dev.readiness.analyze.ReviewDiff.ItemChange;
import dev.readiness.analyze.ReviewDiff.Rewording;
import dev.readiness.analyze.ReviewDiff.SectionRename;
import dev.readiness.model.Blocker;
import dev.readiness.model.Item;
import dev.readiness.model.Section;
import dev.readiness.model.Snapshot;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Computes the {@link ReviewDiff} between two reviews of the same checklist. */
public final class DiffCalculator {
  private DiffCalculator() {}

  /** The changes from {@code before} to {@code after}. */
  public static ReviewDiff diff(Snapshot before, Snapshot after) {
    return step(before, after).diff();
  }

  /** The diff with the section pairing it was computed from. */
  static Step step(Snapshot before, Snapshot after) {
    Objects.requireNonNull(before, "before");
    Objects.requireNonNull(after, "after");
    Map<Section, Section> sections = Matching.sections(before.sections(), after.sections());
    Map<Item, Item> items = new IdentityHashMap<>();
    Set<Item> reworded = Matching.identitySet();
    for (Section a : before.sections()) {
      Section b = sections.get(a);
      if (b != null) {
        items.putAll(Matching.items(a.items(), b.items(), reworded));
      }
    }
    Map<Item, Section> sectionOf = new IdentityHashMap<>();
    for (Section s : before.sections()) {
      s.items().forEach(i -> sectionOf.put(i, s));
    }
    for (Section s : after.sections()) {
      s.items().forEach(i -> sectionOf.put(i, s));
    }
    Map<Item, Item> back = new IdentityHashMap<>();
    items.forEach((a, b) -> back.put(b, a));

    List<ItemChange> done = new ArrayList<>();
    List<ItemChange> reopened = new ArrayList<>();
    List<ItemChange> added = new ArrayList<>();
    List<Rewording> rewordings = new ArrayList<>();
    for (Item b : after.items()) {
      Item a = back.get(b);
      String section = sectionOf.get(b).label();
      if (a == null) {
        added.add(change(section, b));
        continue;
      }
      if (!a.done() && b.done()) {
        done.add(change(section, b));
      } else if (a.done() && !b.done()) {
        reopened.add(change(section, b));
      }
      if (reworded.contains(a)) {
        rewordings.add(new Rewording(section, a.text(), b.text(), b.done(), b.line()));
      }
    }
    List<ItemChange> removed = new ArrayList<>();
    for (Item a : before.items()) {
      if (!items.containsKey(a)) {
        removed.add(change(sectionOf.get(a).label(), a));
      }
    }

    List<String> sectionsRemoved = new ArrayList<>();
    List<SectionRename> renamed = new ArrayList<>();
    Set<Section> continued = Matching.identitySet();
    for (Section a : before.sections()) {
      Section b = sections.get(a);
      if (b == null) {
        sectionsRemoved.add(a.label());
      } else {
        continued.add(b);
        if (!Matching.titleKey(a).equals(Matching.titleKey(b))
            || !Objects.equals(a.number(), b.number())) {
          renamed.add(new SectionRename(a.label(), b.label()));
        }
      }
    }
    List<String> sectionsAdded =
        after.sections().stream().filter(s -> !continued.contains(s)).map(Section::label).toList();

    Set<String> blockersBefore = blockerKeys(before);
    Set<String> blockersAfter = blockerKeys(after);
    List<String> opened =
        BlockerKey.distinct(after.blockers()).stream()
            .filter(x -> !blockersBefore.contains(BlockerKey.of(x)))
            .map(Blocker::title)
            .distinct()
            .toList();
    List<String> resolved =
        BlockerKey.distinct(before.blockers()).stream()
            .filter(x -> !blockersAfter.contains(BlockerKey.of(x)))
            .map(Blocker::title)
            .distinct()
            .toList();

    Double percentBefore = Percent.of(before.done(), before.total());
    Double percentAfter = Percent.of(after.done(), after.total());
    ReviewDiff diff =
        new ReviewDiff(
            before.date(),
            after.date(),
            done,
            reopened,
            added,
            removed,
            rewordings,
            sectionsAdded,
            sectionsRemoved,
            renamed,
            opened,
            resolved,
            before.done(),
            after.done(),
            percentBefore,
            percentAfter,
            Percent.difference(percentAfter, percentBefore),
            before.statedScore(),
            after.statedScore(),
            Percent.difference(after.statedScore(), before.statedScore()));
    return new Step(diff, sections);
  }

  private static ItemChange change(String section, Item item) {
    return new ItemChange(
        section, item.text(), item.markdown(), item.done(), item.line(), item.partial());
  }

  private static Set<String> blockerKeys(Snapshot snapshot) {
    Set<String> keys = new LinkedHashSet<>();
    BlockerKey.distinct(snapshot.blockers()).forEach(b -> keys.add(BlockerKey.of(b)));
    return keys;
  }

  /** A diff and the section pairing behind it. */
  record Step(ReviewDiff diff, Map<Section, Section> sections) {}
}
