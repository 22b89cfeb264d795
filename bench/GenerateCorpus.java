// Benchmark corpus generator for readiness (JDK 17 only, single-file program).
//
//   java bench/GenerateCorpus.java --projects P --weeks W --out DIR
//        [--seed N] [--start YYYY-MM-DD] [--from FILE] [--only K]
//
// Writes DIR/<slug>/<YYYY-MM-DD>.md for P projects (svc-001, svc-002, ...) with W weekly
// reviews each, grown from the seed checklist: every week a few open boxes get checked, now
// and then a checked box is reopened, and the **Date**/**Last Updated**/**Next Review** lines
// move on. Each file starts with YAML front matter (title, date) so Hugo renders the same
// files. Same arguments give byte-identical output; project k's reviews depend only on
// (seed, k, start), not on P or W, so `--projects P --weeks W+1 --only 1` writes svc-001 of the
// same corpus with one more review (the runner's incremental mode uses this).
// Files that already hold the right bytes are not rewritten (their mtime stays).

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

public class GenerateCorpus {

  static final String SEED_IN_REPO = "checklists/mahavishnu/2026-02-02.md";
  static final String SEED_SHARED = "../shared/seed/production-readiness-checklist.md";

  // A GFM task item: list marker, box, rest. Group 1 = up to '[', 2 = state, 3 = after ']'.
  static final Pattern TASK =
      Pattern.compile("^(\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\[)([ xX])(\\].*)$");
  // A completion stamp item: the whole text is **Date**: YYYY-MM-DD.
  static final Pattern STAMP =
      Pattern.compile(
          "^\\s*(?:[-*+]|\\d{1,9}[.)])\\s+\\[[ xX]\\]\\s+\\*\\*Date\\*\\*:\\s*(\\d{4}-\\d{2}-\\d{2})\\s*$");
  static final Pattern HEADER_DATE =
      Pattern.compile("^(\\*\\*Date\\*\\*:\\s*)(\\d{4}-\\d{2}-\\d{2})(.*)$");
  static final Pattern PROJECT = Pattern.compile("^(\\*\\*Project\\*\\*:\\s*)(.*)$");
  static final Pattern LAST_UPDATED =
      Pattern.compile("^(\\*\\*Last Updated\\*\\*:\\s*)(\\d{4}-\\d{2}-\\d{2})(.*)$");
  static final Pattern NEXT_REVIEW =
      Pattern.compile("^(\\*\\*Next Review\\*\\*:\\s*)(\\d{4}-\\d{2}-\\d{2})(.*)$");
  static final Pattern FENCE = Pattern.compile("^\\s{0,3}(```|~~~).*$");

  /** The seed, split into lines, with the positions the generator edits. */
  static final class Seed {
    final String[] lines; // without line terminators
    final String eol; // "\n" or "\r\n", as in the seed
    final int[] tasks; // line indexes of task items that may toggle
    final boolean[] initialDone; // their state in the seed
    final List<Integer> stamps = new ArrayList<>();
    int headerDate = -1, project = -1;
    final List<Integer> lastUpdated = new ArrayList<>(), nextReview = new ArrayList<>();
    LocalDate seedDate; // the header's **Date**, if any

    Seed(String text) {
      if (text.startsWith("\uFEFF")) text = text.substring(1);
      eol = text.contains("\r\n") ? "\r\n" : "\n";
      String[] raw = text.split("\r?\n", -1);
      // drop the empty string after a final newline; it is re-added on output
      lines =
          raw.length > 0 && raw[raw.length - 1].isEmpty()
              ? Arrays.copyOf(raw, raw.length - 1)
              : raw;
      List<Integer> taskList = new ArrayList<>();
      boolean inFence = false, beforeH2 = true;
      for (int i = 0; i < lines.length; i++) {
        String l = lines[i];
        if (FENCE.matcher(l).matches()) {
          inFence = !inFence;
          continue;
        }
        if (inFence) continue;
        if (l.startsWith("## ")) beforeH2 = false;
        if (STAMP.matcher(l).matches()) {
          stamps.add(i);
          continue;
        }
        if (TASK.matcher(l).matches()) {
          taskList.add(i);
          continue;
        }
        Matcher m;
        if (beforeH2 && headerDate < 0 && (m = HEADER_DATE.matcher(l)).matches()) {
          headerDate = i;
          seedDate = LocalDate.parse(m.group(2));
        } else if (beforeH2 && project < 0 && PROJECT.matcher(l).matches()) {
          project = i;
        } else if (LAST_UPDATED.matcher(l).matches()) {
          lastUpdated.add(i);
        } else if (NEXT_REVIEW.matcher(l).matches()) {
          nextReview.add(i);
        }
      }
      tasks = taskList.stream().mapToInt(Integer::intValue).toArray();
      initialDone = new boolean[tasks.length];
      for (int t = 0; t < tasks.length; t++) {
        Matcher m = TASK.matcher(lines[tasks[t]]);
        m.matches();
        initialDone[t] = !m.group(2).equals(" ");
      }
    }
  }

  public static void main(String[] args) throws IOException {
    int projects = -1, weeks = -1, only = 0;
    long seed = 42;
    LocalDate start = LocalDate.of(2026, 2, 2);
    Path out = null, from = null;
    try {
      for (int i = 0; i < args.length; i++) {
        String a = args[i];
        switch (a) {
          case "--projects":
            projects = Integer.parseInt(value(args, ++i, a));
            break;
          case "--weeks":
            weeks = Integer.parseInt(value(args, ++i, a));
            break;
          case "--seed":
            seed = Long.parseLong(value(args, ++i, a));
            break;
          case "--start":
            start = LocalDate.parse(value(args, ++i, a));
            break;
          case "--out":
            out = Paths.get(value(args, ++i, a));
            break;
          case "--from":
            from = Paths.get(value(args, ++i, a));
            break;
          case "--only":
            only = Integer.parseInt(value(args, ++i, a));
            break;
          case "-h":
          case "--help":
            usage(null);
            return;
          default:
            throw new IllegalArgumentException("unknown option: " + a);
        }
      }
      if (projects < 1 || weeks < 1 || out == null)
        throw new IllegalArgumentException(
            "--projects N (>= 1), --weeks N (>= 1) and --out DIR are required");
      if (only < 0 || only > projects)
        throw new IllegalArgumentException("--only K needs 1 <= K <= --projects");
    } catch (IllegalArgumentException | DateTimeParseException e) {
      usage(e.getMessage());
      System.exit(2);
      return;
    }
    if (from == null) from = defaultSeed();
    if (!Files.isRegularFile(from)) {
      System.err.println("GenerateCorpus: seed not found: " + from + " (use --from FILE)");
      System.exit(2);
    }
    Seed s = new Seed(new String(Files.readAllBytes(from), StandardCharsets.UTF_8));
    if (s.tasks.length == 0) {
      System.err.println("GenerateCorpus: the seed has no task items: " + from);
      System.exit(2);
    }

    long t0 = System.nanoTime();
    int width = Math.max(3, Integer.toString(projects).length());
    long written = 0, unchanged = 0, bytes = 0;
    for (int p = only > 0 ? only : 1; p <= (only > 0 ? only : projects); p++) {
      String slug = String.format("svc-%0" + width + "d", p);
      String name = String.format("Service %0" + width + "d", p);
      Path dir = out.resolve(slug);
      Files.createDirectories(dir);
      for (Review r : project(s, seed, p, weeks, start)) {
        byte[] data = render(s, slug, name, r, start).getBytes(StandardCharsets.UTF_8);
        Path f = dir.resolve(r.date + ".md");
        bytes += data.length;
        if (Files.isRegularFile(f)
            && Files.size(f) == data.length
            && Arrays.equals(Files.readAllBytes(f), data)) {
          unchanged++;
        } else {
          Files.write(f, data);
          written++;
        }
      }
    }
    System.out.printf(
        "GenerateCorpus: %s x %d weeks from %s -> %s: %d files written, %d unchanged, %.1f MB, %d ms%n",
        only > 0 ? "project " + only + " of " + projects : projects + " projects",
        weeks,
        from,
        out,
        written,
        unchanged,
        bytes / 1e6,
        (System.nanoTime() - t0) / 1_000_000);
  }

  /** One review: its date and the state of every toggleable box. */
  record Review(LocalDate date, boolean[] done) {}

  /**
   * The W reviews of project p. Week 0 is the seed's state; each later week changes a few boxes.
   */
  static List<Review> project(Seed s, long seed, int p, int weeks, LocalDate start) {
    // Mix seed and project number so that each project has its own, P-independent stream.
    SplittableRandom rng = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + p));
    int pace = rng.nextInt(1, 4); // this team's typical boxes per week: 1..3
    double reopenChance = 0.05 + rng.nextDouble() * 0.15;
    boolean[] done = s.initialDone.clone();
    List<Review> reviews = new ArrayList<>(weeks);
    for (int w = 0; w < weeks; w++) {
      if (w > 0) {
        int k = rng.nextInt(0, 2 * pace + 1); // a few boxes checked: 0..2*pace
        for (int j = 0; j < k; j++) flip(done, rng, false);
        if (rng.nextDouble() < reopenChance) flip(done, rng, true); // now and then one reopened
      }
      reviews.add(new Review(start.plusWeeks(w), done.clone()));
    }
    return reviews;
  }

  /** Flips one random box that is currently {@code from} (checked: reopen; open: check). */
  static void flip(boolean[] done, SplittableRandom rng, boolean from) {
    int n = 0;
    for (boolean d : done) if (d == from) n++;
    if (n == 0) return;
    int pick = rng.nextInt(n);
    for (int i = 0; i < done.length; i++) {
      if (done[i] == from && pick-- == 0) {
        done[i] = !from;
        return;
      }
    }
  }

  static String render(Seed s, String slug, String name, Review r, LocalDate start) {
    String[] lines = s.lines.clone();
    String date = r.date.toString();
    for (int t = 0; t < s.tasks.length; t++) {
      if (r.done[t] == s.initialDone[t]) continue;
      Matcher m = TASK.matcher(lines[s.tasks[t]]);
      m.matches();
      lines[s.tasks[t]] = m.group(1) + (r.done[t] ? "x" : " ") + m.group(3);
    }
    if (s.headerDate >= 0)
      lines[s.headerDate] = replaceDate(HEADER_DATE, lines[s.headerDate], date);
    if (s.project >= 0) {
      Matcher m = PROJECT.matcher(lines[s.project]);
      m.matches();
      lines[s.project] = m.group(1) + name;
    }
    for (int i : s.lastUpdated) lines[i] = replaceDate(LAST_UPDATED, lines[i], date);
    for (int i : s.nextReview)
      lines[i] = replaceDate(NEXT_REVIEW, lines[i], r.date.plusWeeks(1).toString());
    // Completion stamps keep their place and state; their dates shift with --start.
    if (s.seedDate != null && !s.seedDate.equals(start)) {
      long shift = start.toEpochDay() - s.seedDate.toEpochDay();
      for (int i : s.stamps) {
        Matcher m = STAMP.matcher(lines[i]);
        m.matches();
        String d = LocalDate.parse(m.group(1)).plusDays(shift).toString();
        lines[i] = lines[i].substring(0, m.start(1)) + d + lines[i].substring(m.end(1));
      }
    }
    StringBuilder b = new StringBuilder(16_384);
    b.append("---")
        .append(s.eol)
        .append("title: \"")
        .append(slug)
        .append(' ')
        .append(date)
        .append('"')
        .append(s.eol)
        .append("date: ")
        .append(date)
        .append(s.eol)
        .append("---")
        .append(s.eol);
    for (String l : lines) b.append(l).append(s.eol);
    return b.toString();
  }

  static String replaceDate(Pattern p, String line, String date) {
    Matcher m = p.matcher(line);
    m.matches();
    return m.group(1) + date + m.group(3);
  }

  /** SplitMix64 finalizer. */
  static long mix(long z) {
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** checklists/mahavishnu/2026-02-02.md in the repository, else ../shared/seed/... beside it. */
  static Path defaultSeed() {
    Path root = repoRoot();
    Path inRepo = root.resolve(SEED_IN_REPO);
    return Files.isRegularFile(inRepo) ? inRepo : root.resolve(SEED_SHARED).normalize();
  }

  /**
   * The repository root: two levels above this source file, else the nearest directory, from the
   * working directory up, that holds bench/GenerateCorpus.java.
   */
  static Path repoRoot() {
    String src = System.getProperty("jdk.launcher.sourcefile"); // set by `java File.java`
    if (src != null) {
      Path bench = Paths.get(src).toAbsolutePath().getParent();
      if (bench != null && bench.getParent() != null) return bench.getParent();
    }
    Path cwd = Paths.get("").toAbsolutePath();
    for (Path d = cwd; d != null; d = d.getParent()) {
      if (Files.isRegularFile(d.resolve("bench/GenerateCorpus.java"))) return d;
    }
    return cwd;
  }

  static String value(String[] args, int i, String opt) {
    if (i >= args.length) throw new IllegalArgumentException(opt + " needs a value");
    return args[i];
  }

  static void usage(String error) {
    if (error != null) System.err.println("GenerateCorpus: " + error);
    (error != null ? System.err : System.out)
        .println(
            "usage: java bench/GenerateCorpus.java --projects P --weeks W --out DIR\n"
                + "                                      [--seed N] [--start YYYY-MM-DD] [--from FILE] [--only K]\n"
                + "  --seed N     random seed (default 42)\n"
                + "  --start D    date of the first review (default 2026-02-02), one review every 7 days\n"
                + "  --only K     write project K (1-based) only, as it is in the P-project corpus\n"
                + "  --from FILE  seed checklist (default "
                + SEED_IN_REPO
                + " if present, else "
                + SEED_SHARED
                + ",\n"
                + "               both relative to the repository root)");
  }
}
