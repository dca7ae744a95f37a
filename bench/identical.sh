#!/usr/bin/env bash
# Do two builds of kompetanse give the same machine output?
#
#     bash bench/identical.sh OLD_BINARY [NEW_BINARY]
#
# Runs both binaries over the shipped examples, a generated organisation
# with --edge-cases and the small cases in bench/identical/ (an activity
# log with goals done and certificates expiring, people out of order),
# for every command and view (gap --by each, plan, plan --mentor,
# balance, market, progress --since, report, check, baseline
# comparisons of gap and balance, a person's own page and a unit's team
# page, the matrix and who) in every format (json, csv and its excel
# dialect, markdown, table, html, and xlsx written with -o, whose bytes are
# compared too), the human formats in the default language and with --lang
# nb and --lang en, tables also narrow (--width 60). A generated
# organisation of 1M assessment rows runs gap, plan and report in json, csv
# and table only, to stay fast. Compares stdout, stderr, the exit code and
# any written file byte for byte. NEW_BINARY defaults to
# target/release/kompetanse (built here). Prints one line per difference
# and a summary; exit 1 when anything differs. QUICK=1 leaves the 1M rows out.
# IGNORE_STYLE=1 compares HTML pages without their stylesheet (for a change
# that is deliberately only the stylesheet's).
#
# Used for refactors that must not change behaviour: build the old commit's
# binary (git worktree add /tmp/old <commit>; cargo build --release there),
# then run this script.
#
# Environment: KOMPETANSE_BENCH_DIR caches generated data
# (default ${TMPDIR:-/tmp}/kompetanse-bench).

set -euo pipefail
if [[ $# -lt 1 ]]; then sed -n '2,/^$/{s/^# \{0,1\}//;p}' "$0"; exit 2; fi
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
OLD=$(realpath "$1")
if [[ $# -ge 2 ]]; then NEW=$(realpath "$2"); else
    (cd "$ROOT" && cargo build --release --quiet --bin kompetanse --example generate)
    NEW=$ROOT/target/release/kompetanse
fi
GEN=$ROOT/target/release/examples/generate
[[ -x $GEN ]] || (cd "$ROOT" && cargo build --release --quiet --example generate)
DATA=${KOMPETANSE_BENCH_DIR:-${TMPDIR:-/tmp}/kompetanse-bench}
mkdir -p "$DATA"
gen() { # dir args...
    local dir=$1; shift
    [[ -f $dir/org.toml ]] || "$GEN" "$@" --out "$dir" >/dev/null 2>&1
}
gen "$DATA/identical-1m" --people 62500 --skills 20 --needs 200
gen "$DATA/identical-edge" --people 2000 --skills 12 --needs 40 --edge-cases --seed 7

WORK=$(mktemp -d "${TMPDIR:-/tmp}/kompetanse-identical.XXXXXX")
trap 'rm -rf "$WORK"' EXIT
SAME=0 DIFF=0
# One run of both binaries; a file written with -o is "$WORK/out.EXT".
compare() { # args...
    for side in old new; do
        bin=$OLD; [[ $side == new ]] && bin=$NEW
        rm -f "$WORK"/out.*
        set +e
        (cd "$WORK" && "$bin" "$@" >"$WORK/$side.out" 2>"$WORK/$side.err")
        echo $? >"$WORK/$side.rc"
        set -e
        for f in "$WORK"/out.*; do [[ -e $f ]] && cat "$f" >>"$WORK/$side.out"; done
        # A deliberate change of the stylesheet: compare the pages without it.
        [[ -n ${IGNORE_STYLE:-} ]] && sed -i '/^<style>$/,/^<\/style>$/d' "$WORK/$side.out"
    done
    if cmp -s "$WORK/old.out" "$WORK/new.out" && cmp -s "$WORK/old.err" "$WORK/new.err" \
        && cmp -s "$WORK/old.rc" "$WORK/new.rc"; then
        SAME=$((SAME + 1))
    else
        DIFF=$((DIFF + 1))
        echo "differs: kompetanse $*"
        diff <(cat "$WORK/old.rc" "$WORK/old.err" "$WORK/old.out") \
            <(cat "$WORK/new.rc" "$WORK/new.err" "$WORK/new.out") | head -8 || true
    fi
}
SMALL=("$ROOT/examples/tiny/org.toml" "$ROOT/examples/virksomhet-x/org.toml"
    "$ROOT/examples/nordvik-kommune/org.toml" "$DATA/identical-edge/org.toml"
    "$ROOT/bench/identical/done-and-expiring/org.toml")
VIEWS=("gap" "gap --by person" "gap --by unit" "gap --by skill" "gap --by driver"
    "gap --by unit --min-group 3" "plan" "balance" "balance --by unit"
    "balance --by unit --min-group 3" "market" "progress --since 2026-01-01")
# The format options: machine formats once, human ones in each language.
FORMATS=("-f json" "-f csv" "-f csv --csv-dialect excel")
for lang in "" "--lang nb" "--lang en"; do
    FORMATS+=("-f markdown $lang" "-f table $lang" "-f table --width 60 $lang"
        "-f html $lang" "-o out.xlsx $lang")
done
AS_OF=(--as-of 2026-11-26)
for org in "${SMALL[@]}"; do
    compare check "$org" "${AS_OF[@]}"
    # Baselines: the old binary's JSON of an earlier date.
    "$OLD" gap "$org" --as-of 2025-06-01 -f json -q >"$WORK/base-gap.json" 2>/dev/null || true
    "$OLD" balance "$org" --as-of 2025-06-01 -f json -q >"$WORK/base-balance.json" 2>/dev/null || true
    views=("${VIEWS[@]}" "gap --baseline $WORK/base-gap.json"
        "balance --baseline $WORK/base-balance.json")
    [[ $org == */tiny/org.toml ]] && views+=("plan --mentor ada")
    for view in "${views[@]}"; do
        for fmt in "${FORMATS[@]}"; do
            compare $view "$org" "${AS_OF[@]}" $fmt
        done
    done
    for fmt in "-f json" "-o out.html" "-o out.xlsx" "-o out.html --lang nb" \
        "-o out.xlsx --lang nb" "-o out.html --lang en" "-o out.html --since 2026-01-01" \
        "-o out.html --since 2026-01-01 --lang nb" "-f table" "-f csv"; do
        compare report "$org" "${AS_OF[@]}" $fmt
    done
    # The pages of issue 23: two people's own pages, a unit's team page,
    # the matrix, and who holds the first skill of the balance at level 1.
    people=$("$OLD" gap --by person "$org" "${AS_OF[@]}" -f csv -q 2>/dev/null |
        awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' | head -2 || true)
    unit=$("$OLD" gap --by unit "$org" "${AS_OF[@]}" -f csv -q 2>/dev/null |
        awk -F, 'NR == 2 { print $1 }' || true)
    skill=$("$OLD" balance "$org" "${AS_OF[@]}" -f csv -q 2>/dev/null |
        awk -F, 'NR == 2 { print $2 }' || true)
    for lang in "" "--lang nb" "--lang en"; do
        for person in $people; do
            for fmt in "-f json" "-o out.html" "-o out.md" "-o out.xlsx"; do
                compare report "$org" "${AS_OF[@]}" --person "$person" $fmt $lang
            done
        done
        if [[ -n $unit ]]; then
            for fmt in "-f json" "-o out.html" "-o out.md"; do
                compare report "$org" "${AS_OF[@]}" --unit "$unit" $fmt $lang
            done
        fi
    done
    for fmt in "${FORMATS[@]}"; do
        compare matrix "$org" "${AS_OF[@]}" $fmt
        if [[ -n $skill ]]; then
            compare who "$org" "$skill>=1" "${AS_OF[@]}" $fmt
        fi
    done
done
if [[ ${QUICK:-0} != 1 ]]; then
    org=$DATA/identical-1m/org.toml
    for view in "gap" "plan" "report"; do
        for fmt in json csv table; do
            compare $view "$org" "${AS_OF[@]}" -f $fmt
        done
    done
fi
echo "identical: $SAME runs, different: $DIFF"
[[ $DIFF == 0 ]]
