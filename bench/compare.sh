#!/usr/bin/env bash
# Whole-program timings of kompetanse on this machine, in one run.
#
#     bash bench/compare.sh [--huge]
#
# Builds release, generates (once, cached) a synthetic organisation of about
# 1 000 000 assessment rows (examples/generate.rs: --people 62500 --skills 20
# --needs 200), then prints two markdown tables:
#
#  1. commands on that organisation: median wall time over RUNS runs (after
#     one untimed warm-up run; the commands taken in turn, one run of each
#     a round, so that a machine whose speed drifts during the run moves
#     every command alike), its ratio to `kompetanse gap` and to
#     `wc -l assessments.csv` (the floor: reading the file once), and peak
#     RSS; plus whether gap's JSON equals the pandas baseline's
#     (bench/pandas_gap.py, compared by bench/check_baseline.py), and whether
#     DuckDB gives the same numbers (the same computation in SQL:
#     bench/duckdb_gap.py and .sql, compared by bench/check_duckdb.py).
#  2. scaling: `kompetanse gap` at 10k, 100k, 1M and 10M rows (people =
#     rows / 16, 20 skills); --huge adds 100M rows (about 3 GB of CSV).
#
# Environment:
#   RUNS=N              timed runs per command (default 5)
#   KOMPETANSE_BENCH_DIR  where generated data is cached
#                       (default ${TMPDIR:-/tmp}/kompetanse-bench)
#
# Commands that do not exist yet (`gap --by person`, `balance`, `plan`) are
# detected with a quick run on examples/tiny and shown as "n/a (not
# implemented)". Progress goes to stderr only when it is a terminal.
# Exit status: 0, or 1 when a command fails or gap and pandas disagree.

set -euo pipefail

usage() { sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; }

HUGE=0
for arg in "$@"; do
    case $arg in
    --huge) HUGE=1 ;;
    -h | --help) usage; exit 0 ;;
    *) echo "compare.sh: unknown argument '$arg' (use --huge or --help)" >&2; exit 2 ;;
    esac
done

RUNS=${RUNS:-5}
if ! [[ $RUNS =~ ^[1-9][0-9]*$ ]]; then
    echo "compare.sh: RUNS must be a positive whole number, not '$RUNS'" >&2
    exit 2
fi

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
DATA=${KOMPETANSE_BENCH_DIR:-${TMPDIR:-/tmp}/kompetanse-bench}
BIN=$ROOT/target/release/kompetanse
GEN=$ROOT/target/release/examples/generate
TINY=$ROOT/examples/tiny/org.toml
SKILLS=20
NEEDS=200

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kompetanse-compare.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
STATUS=0

progress() { if [[ -t 2 ]]; then printf '%s\n' "compare.sh: $*" >&2; fi; }
die() { printf '%s\n' "compare.sh: $*" >&2; exit 1; }

# --- tools -------------------------------------------------------------------

# Wall clock in microseconds, without forking where bash can help.
if [[ -n ${EPOCHREALTIME:-} ]]; then
    now_us() { local t=${EPOCHREALTIME//[.,]/}; echo $((10#$t)); }
else
    now_us() { echo $(($(date +%s%N) / 1000)); }
fi

# GNU time for peak RSS; installed when missing and possible, else RSS is n/a.
TIME_BIN=/usr/bin/time
if [[ ! -x $TIME_BIN ]] && command -v apt-get >/dev/null && [[ $(id -u) == 0 ]]; then
    progress "installing the Debian package 'time' for peak RSS"
    { apt-get install -y -qq time || { apt-get update -qq && apt-get install -y -qq time; }; } \
        >"$WORK/apt.log" 2>&1 || true
fi
if [[ ! -x $TIME_BIN ]] || ! "$TIME_BIN" -f '%M' -o /dev/null true 2>/dev/null; then
    TIME_BIN=
fi

HAVE_PANDAS=0
if python3 -c 'import pandas' 2>/dev/null; then HAVE_PANDAS=1; fi
HAVE_DUCKDB=0
if python3 -c 'import duckdb' 2>/dev/null; then HAVE_DUCKDB=1; fi

# --- build and data ----------------------------------------------------------

progress "building release"
(cd "$ROOT" && cargo build --release --quiet --bins --examples) || die "cargo build failed"

# generate PEOPLE: the cached organisation directory for PEOPLE people (its
# path on stdout), generated when missing or made by another generator.
generate() {
    local people=$1 dir=$DATA/people-$1-skills-$SKILLS-needs-$NEEDS
    local stamp
    stamp="--people $people --skills $SKILLS --needs $NEEDS --seed 1 generator $(sha256sum <"$ROOT/examples/generate.rs" | cut -c1-16)"
    if [[ ! -f $dir/.complete || $(<"$dir/.complete") != "$stamp" ]]; then
        progress "generating $people people x $SKILLS skills into $dir"
        rm -rf "$dir"
        mkdir -p "$dir"
        "$GEN" --people "$people" --skills "$SKILLS" --needs "$NEEDS" --seed 1 --out "$dir" \
            2>"$WORK/generate.log" || { cat "$WORK/generate.log" >&2; die "generate failed"; }
        printf '%s' "$stamp" >"$dir/.complete"
    fi
    echo "$dir"
}

# --- measuring ---------------------------------------------------------------

# measure OUT CMD...: one untimed warm-up run with stdout to OUT, then RUNS
# timed runs with stdout to /dev/null. Sets MED_MS (median wall ms), RSS_KB
# (largest peak RSS over all runs, or empty) and ERR (first stderr line of a
# failed run); returns 1 when a run fails.
# run_once OUT CMD...: one run, stdout to OUT; T_US its wall time in
# microseconds, RUN_RSS its peak RSS in KiB (empty without GNU time); on
# failure, ERR says why and the status is 1.
run_once() {
    local out=$1 t0 t1
    shift
    T_US='' RUN_RSS='' ERR=''
    t0=$(now_us)
    if [[ -n $TIME_BIN ]]; then
        "$TIME_BIN" -f '%M' -o "$WORK/rss" "$@" >"$out" 2>"$WORK/stderr" || {
            ERR="exit $?: $(head -n1 "$WORK/stderr")"
            return 1
        }
    else
        "$@" >"$out" 2>"$WORK/stderr" || {
            ERR="exit $?: $(head -n1 "$WORK/stderr")"
            return 1
        }
    fi
    t1=$(now_us)
    T_US=$((t1 - t0))
    if [[ -n $TIME_BIN ]]; then RUN_RSS=$(tail -n1 "$WORK/rss"); fi
}

# median_ms MICROSECONDS...: their median, in milliseconds.
median_ms() {
    printf '%s\n' "$@" | sort -n | awk '
        { v[NR] = $1 }
        END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'
}

# measure OUT CMD...: one warm-up run (stdout to OUT), then RUNS timed runs;
# MED_MS the median, RSS_KB the highest peak.
measure() {
    local out=$1 i
    shift
    local -a times=()
    MED_MS='' RSS_KB='' ERR=''
    for ((i = 0; i <= RUNS; i++)); do
        [[ $i == 0 ]] || out=/dev/null
        run_once "$out" "$@" || return 1
        [[ $i == 0 ]] || times+=("$T_US")
        if [[ -n $RUN_RSS ]] && { [[ -z $RSS_KB ]] || ((RUN_RSS > RSS_KB)); }; then RSS_KB=$RUN_RSS; fi
    done
    MED_MS=$(median_ms "${times[@]}")
}

ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2fx", a / b }'; }
mib() { if [[ -n $1 ]]; then awk -v k="$1" 'BEGIN { printf "%.1f", k / 1024 }'; else echo n/a; fi; }

# --- machine -----------------------------------------------------------------

model=$(awk -F': *' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null || true)
mem=$(awk '/^MemTotal/ { printf "%.1f GiB", $2 / 1048576; exit }' /proc/meminfo 2>/dev/null || true)
echo "## kompetanse benchmarks"
echo
echo "- machine: $(nproc) CPUs, ${model:-unknown CPU}, ${mem:-unknown memory}"
echo "- $(uname -sr), $(rustc --version 2>/dev/null || echo 'rustc ?'), $(python3 -c 'import sys; print("Python", sys.version.split()[0])' 2>/dev/null || echo 'no python3')$( ((HAVE_PANDAS)) && python3 -c 'import pandas; print(", pandas", pandas.__version__)' 2>/dev/null)"
echo "- revision: $(git -C "$ROOT" describe --always --dirty 2>/dev/null || echo unknown); medians of $RUNS runs after one warm-up; wall time by the shell clock, peak RSS by ${TIME_BIN:-nothing (GNU time missing)}"
echo "- data: $DATA (generated once, reused)"
echo

# --- table 1: commands on 1M rows --------------------------------------------

ORG_DIR=$(generate 62500)
ORG=$ORG_DIR/org.toml
rows=$(($(wc -l <"$ORG_DIR/assessments.csv") - 1))

# Subcommands that may not exist yet: a quick run on the tiny example.
implemented() { "$BIN" "$@" >/dev/null 2>&1; }

names=(
    "wc -l assessments.csv"
    "kompetanse gap ORG --format json -q"
    "kompetanse gap ORG --by person --format json -q"
    "kompetanse balance ORG --format json -q"
    "kompetanse check ORG -q"
    "kompetanse plan ORG --format json -q"
    "python3 bench/pandas_gap.py ORG"
    "python3 bench/duckdb_gap.py ORG (DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null || echo '?'))"
    "kompetanse report ORG -o report.html -q"
)
declare -a med rss note
for k in "${!names[@]}"; do med[k]='' rss[k]='' note[k]=''; done

# The rows' commands are taken in turn: a warm-up round (each command's
# stdout to its OUT, for the checks below), then RUNS rounds of one run of
# each, so that a machine that slows down or speeds up during the run
# moves every command alike and the ratios hold (issue 28).
declare -a outs cmds times queued=()
queue_row() { # queue_row INDEX OUT CMD...
    local k=$1
    outs[k]=$2
    shift 2
    cmds[k]=$(printf '%q ' "$@")
    times[k]=''
    queued+=("$k")
}

run_rows() {
    local i k out
    for ((i = 0; i <= RUNS; i++)); do
        progress "round $i of $RUNS (0: warm-up)"
        for k in "${queued[@]}"; do
            [[ -z ${note[k]} ]] || continue
            out=/dev/null
            [[ $i != 0 ]] || out=${outs[k]}
            if eval "run_once \"\$out\" ${cmds[k]}"; then
                [[ $i == 0 ]] || times[k]+=" $T_US"
                if [[ -n $RUN_RSS ]] && { [[ -z ${rss[k]} ]] || ((RUN_RSS > rss[k])); }; then rss[k]=$RUN_RSS; fi
            else
                note[k]="failed ($ERR)"
                STATUS=1
            fi
        done
    done
    for k in "${queued[@]}"; do
        # shellcheck disable=SC2086 # the times are words
        [[ -n ${note[k]} ]] || med[k]=$(median_ms ${times[k]})
    done
}

queue_row 0 /dev/null wc -l "$ORG_DIR/assessments.csv"
queue_row 1 "$WORK/gap.json" "$BIN" gap "$ORG" --format json -q
if implemented gap "$TINY" --by person --format json -q; then
    queue_row 2 /dev/null "$BIN" gap "$ORG" --by person --format json -q
else note[2]="n/a (not implemented)"; fi
if implemented balance "$TINY" --format json -q; then
    queue_row 3 /dev/null "$BIN" balance "$ORG" --format json -q
else note[3]="n/a (not implemented)"; fi
queue_row 4 /dev/null "$BIN" check "$ORG" -q
if implemented plan "$TINY" --format json -q; then
    queue_row 5 /dev/null "$BIN" plan "$ORG" --format json -q
else note[5]="n/a (not implemented)"; fi
if ((HAVE_PANDAS)); then
    queue_row 6 "$WORK/pandas.json" python3 "$ROOT/bench/pandas_gap.py" "$ORG"
else note[6]="n/a (pandas not installed)"; fi
if ((HAVE_DUCKDB)); then
    queue_row 7 "$WORK/duckdb.json" python3 "$ROOT/bench/duckdb_gap.py" "$ORG"
else note[7]="n/a (duckdb not installed: pip install duckdb)"; fi
# The report page (every report on one HTML page): issue 28 asks for it
# within 6x gap.
if implemented report "$TINY" -o "$WORK/tiny.html" -q; then
    queue_row 8 /dev/null "$BIN" report "$ORG" -o "$WORK/report.html" -q
else note[8]="n/a (not implemented)"; fi
run_rows
[[ -n ${med[1]} ]] || die "kompetanse gap failed on $ORG: ${note[1]}"

echo "### $rows assessment rows (62500 people x $SKILLS skills, $NEEDS needs)"
echo
echo "| command | median wall ms | vs gap | vs wc -l | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|"
for k in "${!names[@]}"; do
    if [[ -n ${med[k]} ]]; then
        echo "| \`${names[k]}\` | ${med[k]} | $(ratio "${med[k]}" "${med[1]}") | $(ratio "${med[k]}" "${med[0]:-${med[k]}}") | $(mib "${rss[k]}") |"
    else
        echo "| \`${names[k]}\` | ${note[k]} | | | |"
    fi
done
echo

if [[ -n ${med[6]} ]]; then
    if python3 "$ROOT/bench/check_baseline.py" "$WORK/gap.json" "$WORK/pandas.json" 2>"$WORK/check.log"; then
        echo "gap JSON vs pandas baseline: identical ($(tail -n1 "$WORK/check.log"))."
    else
        STATUS=1
        echo "gap JSON vs pandas baseline: DIFFERENT ($(tail -n1 "$WORK/check.log")); first differences:"
        echo
        head -n 10 "$WORK/check.log" | sed 's/^/    /'
    fi
else
    echo "gap JSON vs pandas baseline: not checked (${note[6]})."
fi
if [[ -n ${med[7]} ]]; then
    if python3 "$ROOT/bench/check_duckdb.py" "$WORK/gap.json" "$WORK/duckdb.json" 2>"$WORK/check.log"; then
        echo "gap JSON vs DuckDB: the same numbers ($(tail -n1 "$WORK/check.log"))."
    else
        STATUS=1
        echo "gap JSON vs DuckDB: DIFFERENT ($(tail -n1 "$WORK/check.log")); first differences:"
        echo
        head -n 10 "$WORK/check.log" | sed 's/^/    /'
    fi
else
    echo "gap JSON vs DuckDB: not checked (${note[7]})."
fi
echo

# --- table 2: scaling ----------------------------------------------------------

sizes=("10k 625" "100k 6250" "1M 62500" "10M 625000")
((HUGE)) && sizes+=("100M 6250000")

scale_rows=()
for size in "${sizes[@]}"; do
    read -r label people <<<"$size"
    dir=$(generate "$people")
    n=$(($(wc -l <"$dir/assessments.csv") - 1))
    progress "timing: kompetanse gap at $label rows"
    if measure /dev/null "$BIN" gap "$dir/org.toml" --format json -q; then
        rate=$(awk -v n="$n" -v ms="$MED_MS" 'BEGIN { printf "%.1f", n / ms / 1000 }')
        scale_rows+=("| $label | $people | $n | $MED_MS | $rate | $(mib "$RSS_KB") |")
    else
        STATUS=1
        scale_rows+=("| $label | $people | $n | failed ($ERR) | | |")
    fi
done
((HUGE)) || scale_rows+=("| 100M | 6250000 | | skipped (use --huge) | | |")

echo "### scaling: \`kompetanse gap ORG --format json -q\` ($SKILLS skills, $NEEDS needs)"
echo
echo "| rows | people | assessment rows | median wall ms | M rows/s | peak RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|"
printf '%s\n' "${scale_rows[@]}"

exit "$STATUS"
