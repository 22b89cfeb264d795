package dev.readiness.cli;

import dev.readiness.BuildSummary;
import dev.readiness.model.Problem;
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
 * {@code line  CODE  message}; the older reviews of a folder share a single line with their counts
 * by code (a two-year history is a hundred files of settled warnings), unless {@code --verbose}
 * asks for every warning in full.
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
    for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
      String file = e.getKey();
      if (detail != Detail.VERBOSE && reviews.contains(file) && !latest.contains(file)) {
        olderByFolder.computeIfAbsent(folder(file), f -> new ArrayList<>()).addAll(e.getValue());
        olderFiles.merge(folder(file), 1, Integer::sum);
      }
    }
    for (Map.Entry<String, List<Problem>> e : byFile.entrySet()) {
      String file = e.getKey();
      if (detail != Detail.VERBOSE && reviews.contains(file) && !latest.contains(file)) {
        List<Problem> folderWarnings = olderByFolder.remove(folder(file));
        if (folderWarnings != null) {
          int files = olderFiles.get(folder(file));
          err.println(folder(file) + ": " + count(folderWarnings.size()) + " in " + files + " older "
              + (files == 1 ? "review" : "reviews") + " (" + byCode(folderWarnings) + ")");
        }
      } else {
        printGroup(file, e.getValue(), err);
      }
    }
    boolean summarized = !olderFiles.isEmpty();
    if (summarized) {
      err.println("(older reviews are counted; run with --verbose to list each of their warnings)");
    }
  }

  /** Prints every error, one line each. */
  static void printErrors(List<Problem> problems, PrintWriter err) {
    problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).forEach(err::println);
  }

  /** Prints one file's warnings under a header, one indented {@code line  CODE  message} each. */
  static void printGroup(String file, List<Problem> warnings, PrintWriter err) {
    err.println(file + ": " + count(warnings.size()));
    int width = warnings.stream().mapToInt(p -> p.code().length()).max().orElse(0);
    for (Problem p : warnings) {
      String line = p.line() > 0 ? String.valueOf(p.line()) : "-";
      err.println(String.format(Locale.ROOT, "  %5s  %-" + width + "s  %s", line, p.code(), p.message()));
    }
  }

  /** The folder part of a file as named in messages: {@code checklists/orion} of {@code checklists/orion/x.md}. */
  private static String folder(String file) {
    int slash = file.lastIndexOf('/');
    return slash < 0 ? "." : file.substring(0, slash);
  }

  static long errors(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.ERROR).count();
  }

  static long warnings(List<Problem> problems) {
    return problems.stream().filter(p -> p.severity() == Problem.Severity.WARNING).count();
  }

  private static String count(int n) {
    return n + " warning" + (n == 1 ? "" : "s");
  }

  /** Counts by code, most frequent first: {@code 9 STATED_DRIFT, 3 COMPLETE_WITH_OPEN, 1 UNSIGNED}. */
  private static String byCode(List<Problem> warnings) {
    Map<String, Long> counts = new TreeMap<>(
        warnings.stream().collect(Collectors.groupingBy(Problem::code, Collectors.counting())));
    return counts.entrySet().stream()
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()).thenComparing(Map.Entry.comparingByKey()))
        .map(e -> e.getValue() + " " + e.getKey())
        .collect(Collectors.joining(", "));
  }
}
