#!/usr/bin/env bash
# The recall evaluation (bench/recall/sites.toml, or another sites file): fetches the pinned
# version of each crate listed there from crates.io with cargo, lints each crate's published
# source, and prints per site whether the expected finding (code and level at that line, or none)
# is there, then the recall over the run-time-controlled sites and how many of the other sites got
# their verdict. Needs the crates.io registry, so `cargo test` does not run it.
# Usage: bench/recall/run.sh [--sites SITES.toml] [PATH-TO-cargo-tlslint]
# --sites picks another sites file in the same format, e.g. bench/recall/heldout.toml (the
# held-out set, labelled before the tool was run on it); default: bench/recall/sites.toml. The
# binary defaults to target/release/cargo-tlslint of this repository, built if missing.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
sites="$here/bench/recall/sites.toml"
if [ "${1:-}" = "--sites" ]; then
  [ -n "${2:-}" ] || { echo "--sites needs a file" >&2; exit 2; }
  sites="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  shift 2
fi
bin="${1:-$here/target/release/cargo-tlslint}"
if [ ! -x "$bin" ]; then
  (cd "$here" && cargo build --release --quiet)
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

# One tab-separated line per site: crate, version, file, line, code, level, runtime.
awk '
  function flush() { if (crate != "") print crate "\t" version "\t" file "\t" line "\t" code "\t" level "\t" runtime }
  /^\[\[site\]\]/ { flush(); crate = version = file = line = code = level = runtime = "" ; next }
  /^[a-z]+ = / {
    key = $1; value = $0; sub(/^[a-z]+ = /, "", value); gsub(/^"|"$/, "", value)
    if (key == "crate") crate = value; else if (key == "version") version = value
    else if (key == "file") file = value; else if (key == "line") line = value
    else if (key == "code") code = value; else if (key == "level") level = value
    else if (key == "runtime") runtime = value
  }
  END { flush() }
' "$sites" > "$work/sites.tsv"

registry="${CARGO_HOME:-$HOME/.cargo}/registry/src"
cut -f1,2 "$work/sites.tsv" | sort -u | while IFS=$'\t' read -r crate version; do
  pkg="$work/fetch/$crate"
  mkdir -p "$pkg/src"
  : > "$pkg/src/lib.rs"
  printf '[package]\nname = "fetch-%s"\nversion = "0.0.0"\nedition = "2021"\n\n[dependencies]\n%s = { version = "=%s", default-features = false }\n' \
    "$crate" "$crate" "$version" > "$pkg/Cargo.toml"
  (cd "$pkg" && cargo fetch --quiet)
  dir="$(find "$registry" -mindepth 2 -maxdepth 2 -type d -name "$crate-$version" | head -n 1)"
  [ -n "$dir" ] || { echo "no source for $crate $version" >&2; exit 1; }
  "$bin" tlslint --include-tests --message-format short --color never "$dir" 2> "$work/$crate-$version.out" >/dev/null || true
  printf '%s\n' "$dir" > "$work/$crate-$version.dir"
done

found=0; runtime_total=0; right=0; other_total=0
while IFS=$'\t' read -r crate version file line code level runtime; do
  dir="$(cat "$work/$crate-$version.dir")"
  out="$work/$crate-$version.out"
  at="$dir/$file:$line:"
  if [ "$code" = "none" ]; then
    if grep -qF -- "$at" "$out"; then ok=0; else ok=1; fi
  elif grep -F -- "$at" "$out" | grep -qF -- " ${level}[${code}]"; then ok=1; else ok=0; fi
  if [ "$ok" = 1 ]; then verdict=found; else verdict=MISSED; fi
  got="$(grep -F -- "$at" "$out" | sed 's/^[^ ]* //' | cut -c1-60 | paste -sd ';' - || true)"
  printf '%-7s %s %s %s:%s expected %s %s; got: %s\n' "$verdict" "$crate" "$version" "$file" "$line" "$code" "$level" "${got:-nothing}"
  if [ "$runtime" = true ]; then
    runtime_total=$((runtime_total + 1)); found=$((found + ok))
  else
    other_total=$((other_total + 1)); right=$((right + ok))
  fi
done < "$work/sites.tsv"
crates=$(cut -f1 "$work/sites.tsv" | sort -u | wc -l)
echo "run-time-controlled sites found: $found/$runtime_total ($((found * 100 / runtime_total))%) in $crates crates"
echo "other sites with the expected verdict: $right/$other_total"
