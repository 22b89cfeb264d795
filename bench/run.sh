#!/usr/bin/env bash
# Benchmark runner: readiness against Hugo on a generated corpus.
#
#   bench/run.sh [--mode full|incremental|noop|weekly] [--runs N] [--warmup N]
#                [--tools both|readiness|hugo] SIZE
#
# SIZE is `small` (10 projects x 52 weeks), `large` (100 x 104) or two numbers `P W`.
# weekly: build P x W, then RUNS times "a week later, every project adds its next review",
# then one review in one project, then nothing changed; checks no old review's file is rewritten.
# See bench/README.md. Everything generated goes under $BENCH_DIR (default /tmp/readiness-bench).
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
BENCH_DIR=${BENCH_DIR:-/tmp/readiness-bench}
JAVA=${JAVA:-java}
JAVA_OPTS=${JAVA_OPTS:-}                      # extra JVM options for readiness, e.g. -Xmx1g
HUGO=${HUGO:-hugo}
JAR=${READINESS_JAR:-$ROOT/target/readiness.jar}
SEED=${BENCH_SEED:-42}
KEEP_OUTPUT=${KEEP_OUTPUT:-0}                 # 1: keep every run's output folder

MODE=full
RUNS=3
WARMUP=0
TOOLS=both
SIZE=()

usage() {
  sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
  echo "Environment: BENCH_DIR JAVA JAVA_OPTS HUGO READINESS_JAR BENCH_SEED KEEP_OUTPUT"
}

die() { echo "run.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case $1 in
    --mode)  MODE=${2:?--mode needs a value}; shift 2 ;;
    --runs)  RUNS=${2:?--runs needs a value}; shift 2 ;;
    --warmup) WARMUP=${2:?--warmup needs a value}; shift 2 ;;
    --tools) TOOLS=${2:?--tools needs a value}; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *)  SIZE+=("$1"); shift ;;
  esac
done

case ${#SIZE[@]}:${SIZE[*]:-} in
  1:small) P=10;  W=52 ;;
  1:large) P=100; W=104 ;;
  2:*)     P=${SIZE[0]}; W=${SIZE[1]} ;;
  *) usage >&2; die "give a size: small, large or P W" ;;
esac
[[ $P =~ ^[1-9][0-9]*$ && $W =~ ^[1-9][0-9]*$ ]] || die "P and W must be positive integers"
[[ $RUNS =~ ^[1-9][0-9]*$ ]] || die "--runs must be a positive integer"
[[ $WARMUP =~ ^[0-9]+$ ]] || die "--warmup must be a non-negative integer"
case $MODE in full|incremental|noop|weekly) ;; *) die "--mode must be full, incremental, noop or weekly" ;; esac
case $TOOLS in both|readiness|hugo) ;; *) die "--tools must be both, readiness or hugo" ;; esac
if [ "$MODE" != full ] && [ "$TOOLS" = hugo ]; then
  die "--mode $MODE measures readiness only"
fi

[ -x /usr/bin/time ] || die "/usr/bin/time is missing (Debian: apt-get install -y time)"

NAME=${P}x${W}-s${SEED}
CORPUS=$BENCH_DIR/corpus-$NAME
RUN_ID=$(date -u +%Y%m%dT%H%M%SZ)-$NAME-$MODE
LOGS=$BENCH_DIR/logs/$RUN_ID
OUT=$BENCH_DIR/out/$NAME-$MODE
RESULTS=$LOGS/results.tsv
mkdir -p "$LOGS" "$OUT"

gen() { "$JAVA" "$ROOT/bench/GenerateCorpus.java" --seed "$SEED" "$@"; }

# --- corpus ---------------------------------------------------------------------------------
# The marker sits beside the corpus, not in it: a stray file in the input folder would change
# what readiness reads.
if [ ! -f "$CORPUS.done" ]; then
  echo "== generating corpus $P x $W (seed $SEED) in $CORPUS"
  gen --projects "$P" --weeks "$W" --out "$CORPUS"
  touch "$CORPUS.done"
fi

# --- which tools can run ----------------------------------------------------------------------
USE_READINESS=0
USE_HUGO=0
if [ "$TOOLS" != hugo ]; then
  if [ -f "$JAR" ]; then
    USE_READINESS=1
  else
    echo "!! readiness: $JAR not found - readiness is NOT measured (build it: mvn -q -DskipTests package)"
  fi
fi
if [ "$TOOLS" != readiness ] && [ "$MODE" = full ]; then
  if command -v "$HUGO" >/dev/null 2>&1; then
    USE_HUGO=1
  else
    echo "!! hugo: '$HUGO' not found - Hugo is NOT measured (Debian: apt-get install -y hugo)"
  fi
fi
if [ "$MODE" != full ] && [ $USE_READINESS = 0 ]; then
  echo "!! nothing to measure in --mode $MODE without readiness"
  exit 1
fi

read -r -a JOPTS <<<"$JAVA_OPTS"
# readiness runs as users run it: through the ./readiness launcher (class-data sharing archive,
# heap limit, headless), unless READINESS_JAR names another jar, which runs with plain java -jar.
if [ -z "${READINESS_JAR:-}" ] && [ $USE_READINESS = 1 ]; then
  # Untimed: lets the launcher rebuild a stale jar, and its first build make the class-data
  # sharing archive, now rather than inside a timed run.
  warm_dir=$(mktemp -d)
  env -u JAVA_HOME PATH="$(dirname "$(command -v "$JAVA")"):$PATH" "$ROOT/readiness" build --quiet \
    --input "$ROOT/checklists" --output "$warm_dir/site" >/dev/null
  rm -rf "$warm_dir"
fi
# readiness_cmd / hugo_cmd INPUT OUTPUT: set CMD to the command line that builds INPUT into OUTPUT.
readiness_cmd() {
  if [ -z "${READINESS_JAR:-}" ]; then
    # The launcher runs JAVA_HOME's java, else the first on PATH: put $JAVA's folder first.
    CMD=(env -u JAVA_HOME "PATH=$(dirname "$(command -v "$JAVA")"):$PATH" "READINESS_JAVA_OPTS=$JAVA_OPTS"
         "$ROOT/readiness" build --input "$1" --output "$2")
  else
    CMD=("$JAVA" -Djava.awt.headless=true ${JOPTS[@]+"${JOPTS[@]}"} -jar "$JAR" build --input "$1" --output "$2")
  fi
}
hugo_cmd() {
  CMD=("$HUGO" --source "$ROOT/bench/hugo" --contentDir "$1" --destination "$2"
       --cacheDir "$BENCH_DIR/hugo-cache" --noBuildLock --quiet)
}
# Hugo writes resources/ beside its config unless told otherwise; keep the repository clean.
export HUGO_RESOURCEDIR=$BENCH_DIR/hugo-resources

FAILED=0
# measure RUN TOOL LABEL OUTDIR CMD...: runs CMD under /usr/bin/time -v, appends a row to
# $RESULTS. A run counts as ok when CMD exits 0 and OUTDIR/index.html exists afterwards.
# The pages column counts index.html files in OUTDIR (not timed): a check that nothing
# was silently skipped (Hugo: reviews + projects + 1).
measure() {
  local run=$1 tool=$2 label=$3 outdir=$4; shift 4
  local log=$LOGS/$label rc=0
  echo "$*" >"$log.cmd"
  sync   # flush the previous run's writes so they are not billed to this one
  /usr/bin/time -v -o "$log.time" "$@" >"$log.out" 2>"$log.err" || rc=$?
  local wall rss
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {
           n = split($2, t, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + t[i]; printf "%.2f", s }' "$log.time")
  rss=$(awk -F': ' '/Maximum resident set size/ { printf "%.0f", $2 / 1024 }' "$log.time")
  local status=ok
  if [ $rc -ne 0 ]; then
    status="FAILED(exit $rc)"
    FAILED=1
    echo "!! $tool run $run failed with exit $rc; last lines of $log.err:"
    tail -n 5 "$log.err" | sed 's/^/   | /'
  elif [ ! -f "$outdir/index.html" ]; then
    status="NO-OUTPUT"
    FAILED=1
    echo "!! $tool run $run exited 0 but wrote no $outdir/index.html; not counted"
  fi
  local pages=0
  [ -d "$outdir" ] && pages=$(find "$outdir" -name index.html | wc -l)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$run" "$tool" "${wall:-?}" "${rss:-?}" "$status" "$pages" >>"$RESULTS"
  printf '   run %-3s %-10s %8s s %8s MiB %7s pages  %s\n' "$run" "$tool" "${wall:-?}" "${rss:-?}" "$pages" "$status"
}

# untimed RUN: a build whose time is not recorded (warm-up / baseline for incremental modes).
untimed() {
  local label=$1 log=$LOGS/$1; shift
  echo "$*" >"$log.cmd"
  if ! "$@" >"$log.out" 2>"$log.err"; then
    echo "!! untimed build $label failed; last lines of $log.err:"
    tail -n 5 "$log.err" | sed 's/^/   | /'
    return 1
  fi
}

fresh() { rm -rf "$1"; }   # a fresh (absent) output folder for the next run

echo "== $MODE, $P projects x $W weeks ($(find "$CORPUS" -name '*.md' | wc -l) reviews), $RUNS runs"
echo "   machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load $(cut -d' ' -f1-3 /proc/loadavg)"
if [ $USE_HUGO = 1 ]; then hugo_cmd "$CORPUS" "$OUT/hugo-N"; echo "   hugo:      ${CMD[*]}"; fi
case $MODE in
  full) readiness_cmd "$CORPUS" "$OUT/readiness-N" ;;
  noop) readiness_cmd "$CORPUS" "$OUT/site" ;;
  incremental|weekly) readiness_cmd "$BENCH_DIR/work/corpus-$NAME" "$OUT/site" ;;
esac
if [ $USE_READINESS = 1 ]; then echo "   readiness: ${CMD[*]}"; fi
echo "   logs:      $LOGS"
printf 'run\ttool\twall_s\tpeak_mib\tstatus\tpages\n' >"$RESULTS"

case $MODE in
full)
  for i in $(seq 1 "$WARMUP"); do
    echo "   warm-up $i (not recorded)"
    if [ $USE_READINESS = 1 ]; then
      fresh "$OUT/warmup"; readiness_cmd "$CORPUS" "$OUT/warmup"; untimed "warmup-readiness-$i" "${CMD[@]}" || true
    fi
    if [ $USE_HUGO = 1 ]; then
      fresh "$OUT/warmup"; hugo_cmd "$CORPUS" "$OUT/warmup"; untimed "warmup-hugo-$i" "${CMD[@]}" || true
    fi
    fresh "$OUT/warmup"
  done
  for i in $(seq 1 "$RUNS"); do
    if [ $USE_READINESS = 1 ]; then
      fresh "$OUT/readiness-$i"
      readiness_cmd "$CORPUS" "$OUT/readiness-$i"
      measure "$i" readiness "readiness-$i" "$OUT/readiness-$i" "${CMD[@]}"
      [ "$KEEP_OUTPUT" = 1 ] || [ "$i" = "$RUNS" ] || rm -rf "$OUT/readiness-$i"
    fi
    if [ $USE_HUGO = 1 ]; then
      fresh "$OUT/hugo-$i"
      hugo_cmd "$CORPUS" "$OUT/hugo-$i"
      measure "$i" hugo "hugo-$i" "$OUT/hugo-$i" "${CMD[@]}"
      [ "$KEEP_OUTPUT" = 1 ] || [ "$i" = "$RUNS" ] || rm -rf "$OUT/hugo-$i"
    fi
  done
  ;;
noop)
  # One untimed build, then RUNS rebuilds of the unchanged corpus into the same output.
  fresh "$OUT/site"
  readiness_cmd "$CORPUS" "$OUT/site"
  untimed baseline "${CMD[@]}" || exit 1
  for i in $(seq 1 "$RUNS"); do
    readiness_cmd "$CORPUS" "$OUT/site"
    measure "$i" readiness "noop-$i" "$OUT/site" "${CMD[@]}"
  done
  ;;
incremental)
  # A copy of the corpus, built once untimed; then each run adds the next weekly review of
  # the first project and rebuilds into the same output.
  WORK=$BENCH_DIR/work/corpus-$NAME
  EXT=$BENCH_DIR/work/extra-$NAME
  rm -rf "$WORK" "$EXT"
  mkdir -p "$(dirname "$WORK")"
  cp -a "$CORPUS" "$WORK"
  gen --projects "$P" --weeks $((W + RUNS)) --only 1 --out "$EXT" >/dev/null
  slug=$(basename "$(find "$EXT" -mindepth 1 -maxdepth 1 -type d)")
  mapfile -t extra < <(find "$EXT/$slug" -name '*.md' -printf '%f\n' | sort | tail -n "$RUNS")
  fresh "$OUT/site"
  readiness_cmd "$WORK" "$OUT/site"
  untimed baseline "${CMD[@]}" || exit 1
  for i in $(seq 1 "$RUNS"); do
    cp "$EXT/$slug/${extra[$((i - 1))]}" "$WORK/$slug/"
    readiness_cmd "$WORK" "$OUT/site"
    measure "$i" readiness "incremental-$i" "$OUT/site" "${CMD[@]}"
  done
  ;;
weekly)
  # The job users run every week. The corpus's reviews are 7 days apart from 2026-02-02; the
  # build clock (SOURCE_DATE_EPOCH) is the day after the latest review, and moves on a week with
  # every weekly step, as it does in real life.
  WORK=$BENCH_DIR/work/corpus-$NAME
  EXT=$BENCH_DIR/work/extra-$NAME
  rm -rf "$WORK" "$EXT"
  mkdir -p "$(dirname "$WORK")"
  cp -a "$CORPUS" "$WORK"
  gen --projects "$P" --weeks $((W + RUNS + 1)) --out "$EXT" >/dev/null
  epoch_of_week() { echo $(( $(date -u -d 2026-02-02 +%s) + ($1 - 1) * 7 * 86400 + 86400 )); }
  # stat_reviews OUT: one line per file of every review folder (path, inode, mtime, size).
  stat_reviews() { (cd "$1" && find projects -mindepth 3 -type f -printf '%p %i %T@ %s\n' | sort); }
  # rewritten BEFORE AFTER LATEST_DATE: files of reviews dated before LATEST_DATE that differ.
  rewritten() { awk -v d="$3" '{ split($1, p, "/"); if (p[3] < d) print }' "$1" | sort >"$1.old"
                comm -23 "$1.old" "$2" | wc -l; }
  week_date() { date -u -d "2026-02-02 + $(( ($1 - 1) * 7 )) days" +%F; }
  fresh "$OUT/site"
  export SOURCE_DATE_EPOCH; SOURCE_DATE_EPOCH=$(epoch_of_week "$W")
  readiness_cmd "$WORK" "$OUT/site"
  untimed baseline "${CMD[@]}" || exit 1
  for i in $(seq 1 "$RUNS"); do
    wk=$((W + i)); day=$(week_date "$wk")
    for d in "$EXT"/*/; do cp "$d$day.md" "$WORK/$(basename "$d")/"; done
    stat_reviews "$OUT/site" >"$LOGS/before-weekly-$i"
    SOURCE_DATE_EPOCH=$(epoch_of_week "$wk")
    readiness_cmd "$WORK" "$OUT/site"
    measure "weekly-$i" readiness "weekly-$i" "$OUT/site" "${CMD[@]}"
    stat_reviews "$OUT/site" >"$LOGS/after-weekly-$i"
    # Reviews older than the one that was latest before this step must keep every file as it was.
    n=$(rewritten "$LOGS/before-weekly-$i" "$LOGS/after-weekly-$i" "$(week_date $((wk - 1)))")
    echo "   weekly-$i: $n files of older reviews rewritten (target 0)"
    printf 'weekly-%s\trewritten\t%s\n' "$i" "$n" >>"$LOGS/rewritten.tsv"
  done
  # One more review in one project, the same day.
  wk=$((W + RUNS + 1)); day=$(week_date "$wk"); first=$(basename "$(ls -d "$EXT"/*/ | head -n 1)")
  cp "$EXT/$first/$day.md" "$WORK/$first/"
  readiness_cmd "$WORK" "$OUT/site"
  measure "one" readiness "one-review" "$OUT/site" "${CMD[@]}"
  for i in $(seq 1 "$RUNS"); do
    readiness_cmd "$WORK" "$OUT/site"
    measure "noop-$i" readiness "noop-$i" "$OUT/site" "${CMD[@]}"
  done
  ;;
esac

# --- summary -----------------------------------------------------------------------------------
median() { sort -g | awk '{ a[NR] = $1 } END {
  if (NR == 0) print "n/a"; else if (NR % 2) printf "%.2f\n", a[(NR + 1) / 2];
  else printf "%.2f\n", (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }
col() { awk -F'\t' -v t="$1" -v c="$2" 'NR > 1 && $2 == t && $5 == "ok" { print $c }' "$RESULTS"; }

echo
echo "== results: $MODE, $P x $W, load after $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-4s %-10s %9s %9s %7s  %s\n' run tool "wall s" "peak MiB" pages status
awk -F'\t' 'NR > 1 { printf "%-4s %-10s %9s %9s %7s  %s\n", $1, $2, $3, $4, $6, $5 }' "$RESULTS"
if [ "$MODE" = weekly ]; then
  for step in weekly one noop; do
    printf 'median %-10s %9s\n' "$step" "$(awk -F'\t' -v s="$step" 'NR > 1 && $5 == "ok" && ($1 == s || index($1, s "-") == 1) { print $3 }' "$RESULTS" | median)"
  done
  echo "older reviews' files rewritten: $(awk -F'\t' '{ n += $3 } END { print n + 0 }' "$LOGS/rewritten.tsv") (target 0)"
fi
for t in readiness hugo; do
  if [ "$MODE" != weekly ] && [ -n "$(col "$t" 3)" ]; then
    printf 'median %-10s %9s %9s\n' "$t" "$(col "$t" 3 | median)" "$(col "$t" 4 | median)"
  fi
done
if [ "$MODE" = full ] && [ -n "$(col readiness 3)" ] && [ -n "$(col hugo 3)" ]; then
  # ratio per run (readiness_i / hugo_i), then the median of those ratios
  ratio=$(awk -F'\t' 'NR > 1 && $5 == "ok" { w[$2 "," $1] = $3 }
    END { for (k in w) { split(k, p, ","); if (p[1] == "readiness" && (("hugo," p[2]) in w) && w["hugo," p[2]] > 0)
          print w[k] / w["hugo," p[2]] } }' "$RESULTS" | median)
  echo "median ratio readiness/hugo (wall, per run): $ratio"
elif [ "$MODE" = full ]; then
  echo "median ratio readiness/hugo: n/a (needs successful runs of both)"
fi
echo "raw results: $RESULTS"
exit $FAILED
