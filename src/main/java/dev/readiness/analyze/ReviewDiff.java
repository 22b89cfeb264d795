package dev.readiness.analyze;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * What changed between two consecutive reviews of a project.
 *
 * @param from the earlier review's date (null for a diff of files given by hand)
 * @param to the later review's date
 * @param done items checked since (open before, checked now), reworded ones included
 * @param reopened items unchecked since
 * @param added items new in the later review
 * @param removed items gone from the later review
 * @param reworded items whose text changed but that are the same item
 * @param sectionsAdded titles of new sections
 * @param sectionsRemoved titles of sections gone
 * @param sectionsRenamed sections that continue under another title or number
 * @param blockersOpened blocker titles new in the later review
 * @param blockersResolved blocker titles gone from the later review
 * @param doneBefore checked items before
 * @param doneAfter checked items after
 * @param percentBefore computed percent before, or null
 * @param percentAfter computed percent after, or null
 * @param percentChange after minus before, or null
 * @param scoreBefore stated score before, or null
 * @param scoreAfter stated score after, or null
 * @param scoreChange after minus before, or null
 */
public record ReviewDiff(
    LocalDate from,
    LocalDate to,
    List<ItemChange> done,
    List<ItemChange> reopened,
    List<ItemChange> added,
    List<ItemChange> removed,
    List<Rewording> reworded,
    List<String> sectionsAdded,
    List<String> sectionsRemoved,
    List<SectionRename> sectionsRenamed,
    List<String> blockersOpened,
    List<String> blockersResolved,
    int doneBefore,
    int doneAfter,
    Double percentBefore,
    Double percentAfter,
    Double percentChange,
    Double scoreBefore,
    Double scoreAfter,
    Double scoreChange) {

  public ReviewDiff {
    done = List.copyOf(done);
    reopened = List.copyOf(reopened);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
    reworded = List.copyOf(reworded);
    sectionsAdded = List.copyOf(sectionsAdded);
    sectionsRemoved = List.copyOf(sectionsRemoved);
    sectionsRenamed = List.copyOf(sectionsRenamed);
    blockersOpened = List.copyOf(blockersOpened);
    blockersResolved = List.copyOf(blockersResolved);
  }

  /** Whether nothing changed in items, sections or blockers. */
  public boolean isEmpty() {
    return done.isEmpty()
        && reopened.isEmpty()
        && added.isEmpty()
        && removed.isEmpty()
        && reworded.isEmpty()
        && sectionsAdded.isEmpty()
        && sectionsRemoved.isEmpty()
        && sectionsRenamed.isEmpty()
        && blockersOpened.isEmpty()
        && blockersResolved.isEmpty();
  }

  /**
   * One item in a diff.
   *
   * @param section the label of its section (in the later review where it exists there)
   * @param text the item's plain text
   * @param markdown the item's Markdown
   * @param checked whether its box is checked (in the later review, or the earlier one if removed)
   * @param line its line (in the later review, or the earlier one if removed)
   * @param partial whether its status says partly done (a status-table row marked ⚠️ or 🟡)
   */
  public record ItemChange(
      String section, String text, String markdown, boolean checked, int line, boolean partial) {
    public ItemChange {
      Objects.requireNonNull(section, "section");
      Objects.requireNonNull(text, "text");
    }

    /** A change of an item that is not partly done. */
    public ItemChange(String section, String text, String markdown, boolean checked, int line) {
      this(section, text, markdown, checked, line, false);
    }
  }

  /**
   * An item whose text changed.
   *
   * @param section the label of its section in the later review
   * @param from the earlier text
   * @param to the later text
   * @param checked whether it is checked in the later review
   * @param line its line in the later review
   */
  public record Rewording(String section, String from, String to, boolean checked, int line) {}

  /**
   * A section that continues under another heading.
   *
   * @param from the earlier label
   * @param to the later label
   */
  public record SectionRename(String from, String to) {}
}
