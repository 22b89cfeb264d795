package dev.readiness.read;

import dev.readiness.model.Problem;
import dev.readiness.model.Snapshot;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A parsed checklist and what the parser noticed on the way.
 *
 * @param snapshot the model; its date is the document's own (front matter, else {@code **Date**:})
 * @param frontMatterDate the front matter's {@code date:}, or null
 * @param headerDate the header's {@code **Date**:} line, or null
 * @param dateLine line of the document's date, 0 when none
 * @param problems warnings found while parsing (malformed boxes, bad front matter, bad dates)
 */
public record ParsedDocument(
    Snapshot snapshot,
    LocalDate frontMatterDate,
    LocalDate headerDate,
    int dateLine,
    List<Problem> problems)
    implements Serializable {
  public ParsedDocument {
    Objects.requireNonNull(snapshot, "snapshot");
    problems = List.copyOf(problems);
  }
}
