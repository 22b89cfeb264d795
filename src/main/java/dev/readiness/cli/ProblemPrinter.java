package dev.readiness.cli;

import dev.readiness.BuildSummary;
import dev.readiness.analyze.ReportData;
import dev.readiness.model.Problem;
import dev.readiness.model.WarningCodes;
import dev.readiness.render.text.TerminalText;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Prints the problems of a build for a release manager. Errors come first, one line each in the
 * {@code file:line: error: message [CODE]} form. Warnings are grouped by file: the latest review of
 * each project (the one still being worked on) gets a header and one indented line per warning,
 * {@code line CODE message}; the content warnings of the older reviews of a folder share a single
 * line with their counts by code (a two-year history is a hundred files of settled warnings),
 * unless {@code --verbose} asks for every warning in full. A problem with an older file itself
 * ({@link WarningCodes.Kind#FILE}) is always listed under the file's name. Text from checklists and
 * file names is shown through {@link TerminalText}.
 */
final class ProblemPrinter {
  /** How much to print. */
  enum Detail {
    /** Errors only. */
    QUIET,
    /** Errors, the latest reviews' warnings in full, older reviews' warnings counted by folder. */
    NORMAL,
    /** Errors and every warning in full. */
    VERBOSE
  }

  private ProblemPrinter() {}

  /** Prints errors, then warnings grouped by file, at the given detail. */
  static void print(BuildSummary summary, PrintWriter err, Detail detail) {
    printErrors(summary.problems(), err);
    if (detail == Detail.QUIET) {
      return;
    }
    Map<String, List<Problem>> byFile = new LinkedHashMap<>();
    for (Problem p : summary.problems()) {
      if (p.severity() == Problem.Severity.WARNING) {
        byFile.computeIfAbsent(p.file(), f -> new ArrayList<>()).add(p);
      }
    }
    Set<String> latest = new HashSet<>(summary.latestFiles());
    Set<String> reviews = new HashSet<>(summary.reviewFiles());
    Map<String, List<Problem>> olderByFolder = new LinkedHashMap<>();
    Map<String, Integer> olderFiles = new HashMap<>();
    Map<String, List<Problem>> shown = new LinkedHashMap<>();
    for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
      String file = e.getKey();
      boolean older = detail != Detail.VERBOSE && reviews.contains(file) && !latest.contains(file);
      List<Problem> folded = new ArrayList<>();
      List<Problem> named = new ArrayList<>();
      for (Problem p : e.getValue()) {
        (older && WarningCodes.kind(p.code()) == WarningCodes.Kind.CONTENT ? folded : named).add(p);
      }
      if (!folded.isEmpty()) {
        olderByFolder.computeIfAbsent(folder(file), f -> new ArrayList<>()).addAll(folded);
        olderFiles.merge(folder(file), 1, Integer::sum);
      }
      shown.put(file, named);
    }
    boolean summarized = !olderFiles.isEmpty();
    for (Map.Entry<String, List<Problem>> e : shown.entrySet()) {
      String file = e.getKey();
      List<Problem> folderWarnings = olderByFolder.remove(folder(file));
      if (folderWarnings != null && reviews.contains(file) && !latest.contains(file)) {
        int files = olderFiles.get(folder(file));
        err.println(
            visible(folder(file))
                + ": "
                + count(folderWarnings.size())
                + " in "
                + files
                + " older "
                + (files == 1 ? "review" : "reviews")
                + " ("
                + byCode(folderWarnings)
                + ")");
      } else if (folderWarnings != null) {
        olderByFolder.put(folder(file), folderWarnings);
      }
      if (!e.getValue().isEmpty()) {
        printGroup(file, e.getValue(), err);
      }
    }
    if (summarized) {
      err.println(
          "(older reviews' content warnings are counted; run with --verbose to list each of them)");
    }
  }

  /** Prints every error, one line each. */
  static void printErrors(List<Problem> problems, PrintWriter err) {
    problems.stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR)
        .forEach(p -> err.println(line(p)));
  }

  /**
   * A problem's one-line form, {@code file:line: error: message [CODE]}, with control characters
   * from the checklist or its name shown visibly (see {@link TerminalText}).
   */
  static String line(Problem p) {
    return visible(p.toString());
  }

  /** Prints one file's warnings under a header, one indented {@code line CODE message} each. */
  static void printGroup(String file, List<Problem> warnings, PrintWriter err) {
    err.println(visible(file) + ": " + count(warnings.size()));
    int width = warnings.stream().mapToInt(p -> p.code().length()).max().orElse(0);
    for (Problem p : warnings) {
      String line = p.line() > 0 ? String.valueOf(p.line()) : "-";
      err.println(
          String.format(
              Locale.ROOT, "  %5s  %-" + width + "s  %s", line, p.code(), visible(p.message())));
    }
  }

  private static String visible(String text) {
    return TerminalText.visible(text);
  }

  /**
   * The folder part of a file as named in messages: {@code checklists/orion} of {@code
   * checklists/orion/x.md}.
   */
  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "." : file.substring(0, slash);
  }

  static long errors(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
  }

  /** The errors of reviews that were read: warnings that {@code warnings:} raised to errors. */
  static long raisedWarnings(ReportData data) {
    Set<String> reviews = new HashSet<>();
    data.projects().forEach(p -> p.reviews().forEach(r -> reviews.add(r.file())));
    return data.problems().stream()
        .filter(p -> p.severity() == Problem.Severity.ERROR && reviews.contains(p.file()))
        .count();
  }

  static long warnings(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
  }

  private static String count(int n) {
    return n + " warning" + (n == 1 ? "" : "s");
  }

  /**
   * Counts by code, most frequent first: {@code 9 STATED_DRIFT, 3 COMPLETE_WITH_OPEN, 1 UNSIGNED}.
   */
  private static String byCode(List<Problem> warnings) {
    Map<String, Long> counts =
        new TreeMap<>(
            warnings.stream().collect(Collectors.groupingBy(Problem::code, Collectors.counting())));
    return counts.entrySet().stream()
        .sorted(
            Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                .thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
