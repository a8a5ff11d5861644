#!/usr/bin/env bash
# The benchmark: cargo-tlslint over the benchmark corpus (~470 crates, 7 million lines, pinned by
# bench/corpus/Cargo.lock and downloaded by bench/fetch-corpus.sh on first use) against ripgrep searching the same files for the rules' trigger
# words, alternated run by run so that both see the same machine state. Reports median wall
# times, their ratio, and peak RSS. Usage: bench/run.sh [RUNS] (default 5). Needs rg, python3.
set -euo pipefail
runs="${1:-5}"
here="$(cd "$(dirname "$0")/.." && pwd)"
corpus="${TLSLINT_CORPUS:-/tmp/tlslint-corpus}"
if [ ! -f "$corpus/.complete" ]; then
  "$here/bench/fetch-corpus.sh" "$corpus"
fi
command -v rg >/dev/null || { echo "ripgrep (rg) is needed for the baseline" >&2; exit 2; }
(cd "$here" && cargo build --release --quiet)
bin="$here/target/release/cargo-tlslint"
patterns="$(mktemp)"
trap 'rm -f "$patterns"' EXIT
# Every literal of every needle (a needle joins literals with ` && ` and ` || `), one pattern each.
"$bin" tlslint --print-needles | python3 -c '
import re, sys
esc = lambda t: re.escape(t).replace("\\ ", " ")  # the regex crate rejects an escaped space
literals = set()
for needle in sys.stdin.read().splitlines():
    for part in needle.split(" && "):
        for lit in part.split(" || "):
            literals.add(lit.strip())
for lit in sorted(literals):
    print("(?i:%s)" % esc(lit[4:]) if lit.startswith("(?i)") else esc(lit))
' > "$patterns"
files=$(find "$corpus" -name '*.rs' | wc -l)
bytes=$(find "$corpus" -name '*.rs' -print0 | du -cb --files0-from=- | tail -1 | cut -f1)
echo "corpus: $files .rs files, $((bytes / 1048576)) MiB; $(nproc) cores; $runs alternated runs"
measure() { /usr/bin/time -f "%e %M" "$@" >/dev/null 2>"$tmp_time" || true; tail -1 "$tmp_time"; }
tmp_time="$(mktemp)"
tl=(); rgt=(); tl_rss=0; rg_rss=0
for _ in $(seq "$runs"); do
  read -r t m < <(measure "$bin" tlslint --include-tests -q "$corpus"); tl+=("$t"); [ "$m" -gt "$tl_rss" ] && tl_rss=$m
  read -r t m < <(measure rg -c -f "$patterns" "$corpus" --type rust); rgt+=("$t"); [ "$m" -gt "$rg_rss" ] && rg_rss=$m
done
# The dependency audit: the benchmark application's lockfile (~470 packages) with the corpus as
# its `cargo vendor` directory, timed on its own line.
bench_ws="${TLSLINT_BENCH_WORKSPACE:-$here/bench/corpus}"
dep=(); dep_rss=0
if [ -f "$bench_ws/Cargo.lock" ]; then
  ws="$(mktemp -d)"
  cp -r "$bench_ws/." "$ws/"
  for _ in $(seq "$runs"); do
    read -r t m < <(cd "$ws" && measure "$bin" tlslint -q --vendor-dir "$corpus"); dep+=("$t"); [ "$m" -gt "$dep_rss" ] && dep_rss=$m
  done
fi
rm -f "$tmp_time"
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
mt=$(median "${tl[@]}"); mr=$(median "${rgt[@]}")
echo "cargo-tlslint: median ${mt}s (runs: ${tl[*]}), peak RSS $((tl_rss / 1024)) MiB"
echo "ripgrep:       median ${mr}s (runs: ${rgt[*]}), peak RSS $((rg_rss / 1024)) MiB"
if [ "${#dep[@]}" -gt 0 ]; then
  echo "dependency audit ($(grep -c '^\[\[package\]\]' "$ws/Cargo.lock") [[package]] entries): median $(median "${dep[@]}")s (runs: ${dep[*]}), peak RSS $((dep_rss / 1024)) MiB"
  (cd "$ws" && "$bin" tlslint -q -v --vendor-dir "$corpus" 2>&1 >/dev/null | grep '^tlslint: dependency audit: [0-9]' || true)
  rm -rf "$ws"
fi
python3 -c "print('ratio tlslint/rg: %.2f' % ($mt / $mr))"
"$bin" tlslint --include-tests -q -v "$corpus" 2>&1 >/dev/null | grep '^tlslint:' || true
