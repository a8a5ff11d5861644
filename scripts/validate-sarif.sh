#!/usr/bin/env bash
# Validates SARIF files with Microsoft's official SARIF validator (@microsoft/sarif-multitool,
# installed from the npm registry into a temporary directory) using the SARIF rules and the
# GitHub ingestion rules (`--rule-kind "Sarif;Gh"`). Fails when the validator reports an error.
#
#   scripts/validate-sarif.sh [FILE.sarif ...]     (default: tests/golden/formats/*.sarif)
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [ "$#" -eq 0 ]; then
  set -- "$root"/tests/golden/formats/*.sarif
fi

tool_dir="$(mktemp -d)"
trap 'rm -rf "$tool_dir"' EXIT
npm install --silent --no-audit --no-fund --prefix "$tool_dir" @microsoft/sarif-multitool >/dev/null
# The package's `bin` wrapper re-joins the arguments through a shell (splitting "Sarif;Gh" at
# the `;`), so run the platform's native executable that the package resolves to.
multitool="$(cd "$tool_dir" && node -p 'require("@microsoft/sarif-multitool")')"

status=0
for file in "$@"; do
  out="$tool_dir/$(basename "$file").validation.sarif"; rm -f "$out"
  "$multitool" validate --rule-kind "Sarif;Gh" --output "$out" "$file" >"$tool_dir/log.txt" 2>&1 || true
  cat "$tool_dir/log.txt"
  if [ ! -s "$out" ]; then
    echo "error: the validator wrote no report for $file" >&2
    status=1
    continue
  fi
  errors="$(node -e '
    const log = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
    const bad = [];
    for (const run of log.runs || []) {
      for (const n of (run.invocations || []).flatMap(i => [...(i.toolExecutionNotifications || []), ...(i.toolConfigurationNotifications || [])])) {
        if (n.level === "error") bad.push("tool: " + (n.message && n.message.text));
      }
      for (const r of run.results || []) {
        if ((r.level || "warning") === "error") bad.push(r.ruleId + ": " + (r.message && (r.message.text || JSON.stringify(r.message.arguments))));
      }
    }
    console.log(bad.join("\n"));
  ' "$out")"
  if [ -n "$errors" ]; then
    echo "error: $file is not valid SARIF for GitHub:" >&2
    echo "$errors" >&2
    status=1
  else
    echo "ok: $file (SARIF 2.1.0, rule kinds Sarif;Gh, no error)"
  fi
done
exit "$status"
