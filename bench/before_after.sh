#!/usr/bin/env bash
# Before/after timings of two kompetanse builds, in one run.
#
#     bash bench/before_after.sh OLD_BINARY [NEW_BINARY]
#
# On the generated 1M-row organisation (the one bench/compare.sh uses), runs
# each command with the old and the new binary in alternation (old, new, old,
# new, ...: both see the same machine noise), RUNS times each after one
# warm-up, and prints a markdown table of median wall times, the new/old
# ratio, each build's ratio to `wc -l` of the same assessment file, and peak
# RSS. NEW_BINARY defaults to target/release/kompetanse (built here).
#
# Environment: RUNS (default 9), KOMPETANSE_BENCH_DIR (data cache, default
# ${TMPDIR:-/tmp}/kompetanse-bench).

set -euo pipefail
if [[ $# -lt 1 ]]; then sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; exit 2; fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OLD=$(realpath "$1")
if [[ $# -ge 2 ]]; then NEW=$(realpath "$2"); else
    (cd "$ROOT" && cargo build --release --quiet --bin kompetanse)
    NEW=$ROOT/target/release/kompetanse
fi
GEN=$ROOT/target/release/examples/generate
[[ -x $GEN ]] || (cd "$ROOT" && cargo build --release --quiet --example generate)
RUNS=${RUNS:-9}
DATA=${KOMPETANSE_BENCH_DIR:-${TMPDIR:-/tmp}/kompetanse-bench}
DIR=$DATA/identical-1m
[[ -f $DIR/org.toml ]] || "$GEN" --people 62500 --skills 20 --needs 200 --out "$DIR" >/dev/null 2>&1
ORG=$DIR/org.toml
WORK=$(mktemp -d "${TMPDIR:-/tmp}/kompetanse-ba.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
TIME_BIN=/usr/bin/time
[[ -x $TIME_BIN ]] || TIME_BIN=

now_us() { local t=${EPOCHREALTIME//[.,]/}; echo $((10#$t)); }
# one_run FILE CMD...: appends wall µs to FILE (and peak KiB to FILE.rss)
one_run() {
    local file=$1 t0 t1; shift
    t0=$(now_us)
    if [[ -n $TIME_BIN ]]; then
        "$TIME_BIN" -f '%M' -o "$WORK/rss" "$@" >/dev/null 2>&1 || true
        tail -n1 "$WORK/rss" >>"$file.rss"
    else "$@" >/dev/null 2>&1 || true; fi
    t1=$(now_us)
    echo $((t1 - t0)) >>"$file"
}
median_ms() { sort -n "$1" | awk '{ v[NR] = $1 } END { m = (NR % 2) ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2; printf "%.1f", m / 1000 }'; }
max_mib() { if [[ -f $1.rss ]]; then sort -n "$1.rss" | tail -n1 | awk '{ printf "%.1f", $1 / 1024 }'; else echo n/a; fi; }

views=("gap --format json -q" "gap --format csv -q" "balance --format json -q"
    "gap --by person --format json -q" "plan --format json -q" "check")
for ((i = 0; i <= RUNS; i++)); do
    out=$WORK/wc; [[ $i == 0 ]] && out=$WORK/warm
    one_run "$out" wc -l "$DIR/assessments.csv"
    for k in "${!views[@]}"; do
        read -r -a args <<<"${views[k]}"
        for side in old new; do
            bin=$OLD; [[ $side == new ]] && bin=$NEW
            out=$WORK/$side.$k; [[ $i == 0 ]] && out=$WORK/warm
            one_run "$out" "$bin" "${args[0]}" "$ORG" "${args[@]:1}" --as-of 2026-11-26
        done
    done
done
wc_ms=$(median_ms "$WORK/wc")
rows=$(($(wc -l <"$DIR/assessments.csv") - 1))
echo "### before/after: $rows assessment rows, medians of $RUNS alternating runs"
echo
echo "- machine: $(nproc) CPUs; old: $OLD; new: $NEW"
echo "- \`wc -l assessments.csv\`: $wc_ms ms"
echo
echo "| command | old ms | new ms | new / old | old / wc -l | new / wc -l | old RSS MiB | new RSS MiB |"
echo "|---|---:|---:|---:|---:|---:|---:|---:|"
for k in "${!views[@]}"; do
    o=$(median_ms "$WORK/old.$k") n=$(median_ms "$WORK/new.$k")
    printf '| `%s` | %s | %s | %s | %s | %s | %s | %s |\n' "${views[k]}" "$o" "$n" \
        "$(awk -v a="$n" -v b="$o" 'BEGIN { printf "%.2fx", a / b }')" \
        "$(awk -v a="$o" -v b="$wc_ms" 'BEGIN { printf "%.1fx", a / b }')" \
        "$(awk -v a="$n" -v b="$wc_ms" 'BEGIN { printf "%.1fx", a / b }')" \
        "$(max_mib "$WORK/old.$k")" "$(max_mib "$WORK/new.$k")"
done
