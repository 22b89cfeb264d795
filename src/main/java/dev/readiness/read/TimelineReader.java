package dev.readiness.read;

import dev.readiness.model.PlannedWeek;
import dev.readiness.model.PlannedWeek.PlannedTask;
import dev.readiness.read.DocumentLines.Entry;
import dev.readiness.read.DocumentLines.HeadingAt;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the planned weeks: under every heading that says "timeline", each {@code **Week N:**} (or
 * {@code **Weeks N-M:**}) line and the outermost list entries up to the next one, as tasks with an
 * estimate when they end in {@code (N days)}.
 */
final class TimelineReader {
  private static final Pattern DAYS =
      Pattern.compile("\\s*\\((\\d{1,3}(?:\\.\\d+)?)\\s*days?\\)", Pattern.CASE_INSENSITIVE);

  private TimelineReader() {}

  static List<PlannedWeek> read(DocumentLines d) {
    List<PlannedWeek> weeks = new ArrayList<>();
    for (HeadingAt heading : d.headings) {
      if (!heading.plain().toLowerCase(Locale.ROOT).contains("timeline")) {
        continue;
      }
      int end = d.regionEnd(heading);
      List<int[]> starts = new ArrayList<>();
      List<Matcher> found = new ArrayList<>();
      for (int n = heading.line() + 1; n <= end; n++) {
        Matcher m = d.opaque[n] ? null : SnapshotParser.WEEK.matcher(d.lines[n - 1]);
        if (m != null && m.matches()) {
          starts.add(new int[] {n});
          found.add(m);
        }
      }
      for (int w = 0; w < found.size(); w++) {
        Matcher m = found.get(w);
        int from = starts.get(w)[0];
        int to = w + 1 < found.size() ? starts.get(w + 1)[0] - 1 : end;
        List<PlannedTask> tasks = new ArrayList<>();
        for (Entry e : DocumentLines.outermost(d.entriesBetween(from, to))) {
          Matcher days = DAYS.matcher(e.plain());
          Double estimate = null;
          String text = e.plain();
          if (days.find()) {
            estimate = Double.parseDouble(days.group(1));
            text = (text.substring(0, days.start()) + text.substring(days.end())).strip();
          }
          tasks.add(new PlannedTask(d.texts.of(text), estimate, e.line()));
        }
        int week = Integer.parseInt(m.group(1));
        int lastWeek = m.group(2) == null ? week : Math.max(week, Integer.parseInt(m.group(2)));
        weeks.add(
            new PlannedWeek(
                week,
                lastWeek,
                SnapshotParser.inlinePlain(SnapshotParser.stripSpaceEnd(m.group(3))),
                from,
                tasks));
      }
    }
    return weeks;
  }
}
