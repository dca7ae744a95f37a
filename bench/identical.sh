#!/usr/bin/env bash
# Do two builds of kompetanse give the same machine output?
#
#     bash bench/identical.sh OLD_BINARY [NEW_BINARY]
#
# Runs both binaries over the shipped examples and over generated
# organisations (1M assessment rows, and a small one with --edge-cases), for
# every command and view in every machine format (json, csv), and also the
# human formats, and compares stdout, stderr and the exit code byte for
# byte. NEW_BINARY defaults to target/release/kompetanse (built here).
# Prints one line per difference and a summary; exit 1 when anything differs.
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
ORGS=("$ROOT/examples/tiny/org.toml" "$ROOT/examples/virksomhet-x/org.toml"
    "$DATA/identical-edge/org.toml" "$DATA/identical-1m/org.toml")
VIEWS=("gap" "gap --by person" "gap --by unit" "gap --by skill" "gap --by driver"
    "plan" "balance" "balance --by unit" "check")
SAME=0 DIFF=0
for org in "${ORGS[@]}"; do
    for view in "${VIEWS[@]}"; do
        for fmt in json csv markdown table; do
            [[ $view == check && $fmt != table ]] && continue
            args=($view "$org" --as-of 2026-11-26)
            [[ $view != check ]] && args+=(--format "$fmt")
            for side in old new; do
                bin=$OLD; [[ $side == new ]] && bin=$NEW
                set +e
                "$bin" "${args[@]}" >"$WORK/$side.out" 2>"$WORK/$side.err"
                echo $? >"$WORK/$side.rc"
                set -e
            done
            if cmp -s "$WORK/old.out" "$WORK/new.out" && cmp -s "$WORK/old.err" "$WORK/new.err" \
                && cmp -s "$WORK/old.rc" "$WORK/new.rc"; then
                SAME=$((SAME + 1))
            else
                DIFF=$((DIFF + 1))
                echo "differs: kompetanse ${args[*]}"
                diff <(cat "$WORK/old.rc" "$WORK/old.err" "$WORK/old.out") \
                    <(cat "$WORK/new.rc" "$WORK/new.err" "$WORK/new.out") | head -8 || true
            fi
        done
    done
done
echo "identical: $SAME runs, different: $DIFF"
[[ $DIFF == 0 ]]
