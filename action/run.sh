#!/usr/bin/env bash
# The Action's last step: run cargo-tlslint by its path (never through the `cargo` proxy, which
# would honour the checkout's rust-toolchain.toml) and write the job summary.
#
# Format github: the annotation lines the binary prints on stdout go to the log (where the
# runner turns them into annotations) and are also read back here for the summary's tables of
# findings by rule and by file, and for the `errors`/`warnings` outputs; the human report is on
# stderr. Format sarif: the SARIF file, and a summary line saying where it is.
#
# Environment: TLSLINT_BIN, TLSLINT_ACTION_REF, TLSLINT_ACTION_REPOSITORY (install.sh's
# outputs); INPUT_ARGS, INPUT_CONFIG, INPUT_MANIFEST_PATH, INPUT_FORMAT, INPUT_SARIF_FILE (the
# inputs); GITHUB_OUTPUT, GITHUB_STEP_SUMMARY, RUNNER_TEMP.
set -euo pipefail
shopt -u patsub_replacement 2>/dev/null || true
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

# The most rows of the by-file table; the rest is counted in one line.
max_file_rows=100
tab=$'\t'
# A rule as the annotations' title spells it: its code and its name.
rule_title='^TLS[0-9]+ [a-z0-9_]+$'

# Decodes a workflow-command property (actions/toolkit's escaping) and makes it safe as text
# in a Markdown table cell: line breaks become spaces, and every character Markdown or HTML
# could read as markup is written as a character reference.
cell() {
  local s="$1" pair from to
  for pair in '%0D: ' '%0A: ' '%3A::' '%2C:,' '%25:%'; do
    from="${pair%%:*}"
    to="${pair#*:}"
    s=${s//"$from"/$to}
  done
  to='&amp;'
  s=${s//"&"/$to}
  for pair in '<:&lt;' '>:&gt;' '|:&#124;' '`:&#96;' '\:&#92;' '*:&#42;' '_:&#95;' '[:&#91;' \
    ']:&#93;' '~:&#126;' '$:&#36;' $'\t:&#9;'; do
    from="${pair%%:*}"
    to="${pair#*:}"
    s=${s//"$from"/$to}
  done
  printf '%s' "$s"
}

# Reads annotation lines (`::error file=…,title=TLS101 name::message`) from $1 and writes
# `level<TAB>title` lines to $2 and `file<TAB>level` lines to $3, the file escaped as a cell
# (the title too unless it is a rule's code and name).
collect() {
  local line level rest props prop file title resume=""
  while IFS= read -r line || [ -n "$line" ]; do
    # The human report is quoted between `::stop-commands::TOKEN` and `::TOKEN::`: nothing in
    # it is an annotation, whatever a line of the tree's text looks like.
    if [ -n "$resume" ]; then
      [ "$line" = "$resume" ] && resume=""
      continue
    fi
    case "$line" in
      "::stop-commands::"*) resume="::${line#::stop-commands::}::"; continue ;;
      "::error "*) level=error ;;
      "::warning "*) level=warning ;;
      *) continue ;;
    esac
    rest="${line#::* }"
    props="${rest%%::*}"
    file=""
    title=""
    while [ -n "$props" ]; do
      prop="${props%%,*}"
      case "$prop" in
        file=*) file="${prop#file=}" ;;
        title=*) title="${prop#title=}" ;;
      esac
      if [ "$prop" = "$props" ]; then props=""; else props="${props#*,}"; fi
    done
    if ! [[ "$title" =~ $rule_title ]]; then title="$(cell "$title")"; fi
    printf '%s\t%s\n' "$level" "$title" >> "$2"
    printf '%s\t%s\n' "$(cell "${file:-(no file)}")" "$level" >> "$3"
  done < "$1"
}

# A rule's two cells, code and name; the code links to the rule's documentation at the
# Action's version when the Action comes from a repository (and the names are plain).
rule_cells() {
  if ! [[ "$1" =~ $rule_title ]]; then
    printf '%s | ' "$1"
    return
  fi
  local code="${1%% *}" name="${1#* }"
  if [[ "${TLSLINT_ACTION_REPOSITORY:-}" =~ ^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+$ ]] &&
    [[ "${TLSLINT_ACTION_REF:-}" =~ ^[A-Za-z0-9_./-]+$ ]]; then
    printf '[%s](https://github.com/%s/blob/%s/docs/rules.md#%s-%s) | `%s`' "$code" \
      "$TLSLINT_ACTION_REPOSITORY" "$TLSLINT_ACTION_REF" "$(printf '%s' "$code" | tr 'A-Z' 'a-z')" \
      "$name" "$name"
  else
    printf '%s | `%s`' "$code" "$name"
  fi
}

plural() {
  if [ "$1" = 1 ]; then printf '1 %s' "$2"; else printf '%s %ss' "$1" "$2"; fi
}

# Writes the summary of the annotations in $1 for a run that exited with $2 to stdout, and
# sets $errors and $warnings.
summarize() {
  local annotations="$1" status="$2" by_rule by_file count rest level title file
  by_rule="$(mktemp "$work/rules.XXXXXX")"
  by_file="$(mktemp "$work/files.XXXXXX")"
  collect "$annotations" "$by_rule" "$by_file"
  errors="$(grep -c "^error$tab" "$by_rule" || true)"
  warnings="$(grep -c "^warning$tab" "$by_rule" || true)"
  local total=$((errors + warnings))
  echo "### cargo-tlslint"
  echo
  if [ "$status" -ge 2 ]; then
    echo "cargo-tlslint stopped with a tool error (exit status $status): see the step's log."
    echo
  fi
  if [ "$total" = 0 ]; then
    if [ "$status" -lt 2 ]; then echo "No findings in \`$(cell "$INPUT_MANIFEST_PATH")\`."; fi
    return 0
  fi
  echo "$(plural "$total" finding) in \`$(cell "$INPUT_MANIFEST_PATH")\`: $(plural "$errors" error), $(plural "$warnings" warning)."
  if [ "$errors" -gt 10 ] || [ "$warnings" -gt 10 ]; then
    echo "GitHub shows the first 10 errors and 10 warnings of a step as annotations; the log has them all."
  fi
  echo
  echo "| rule | name | level | findings |"
  echo "|---|---|---|---:|"
  LC_ALL=C sort "$by_rule" | uniq -c | LC_ALL=C sort -k1,1nr -k2 | while read -r count rest; do
    level=${rest%%"$tab"*}
    title=${rest#*"$tab"}
    echo "| $(rule_cells "$title") | $level | $count |"
  done
  echo
  echo "| file | errors | warnings |"
  echo "|---|---:|---:|"
  local prev="" e=0 w=0 rows=0 files=0
  # One `count file<TAB>level` line per file and level, sorted by file; a sentinel ends the
  # last file.
  { LC_ALL=C sort "$by_file" | uniq -c; printf '0 \t\n'; } | {
    while read -r count rest; do
      file=${rest%%"$tab"*}
      level=${rest#*"$tab"}
      if [ "$file" != "$prev" ] && [ -n "$prev" ]; then
        files=$((files + 1))
        if [ "$rows" -lt "$max_file_rows" ]; then
          echo "| $prev | $e | $w |"
          rows=$((rows + 1))
        fi
        e=0
        w=0
      fi
      prev="$file"
      case "$level" in
        error) e=$((e + count)) ;;
        warning) w=$((w + count)) ;;
      esac
    done
    if [ "$files" -gt "$rows" ]; then
      echo
      echo "… and $((files - rows)) more files (see the log)."
    fi
  }
  rm -f "$by_rule" "$by_file"
}

# Appends to the job summary when the runner provides one.
write_summary() {
  if [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat >> "$GITHUB_STEP_SUMMARY"; else cat > /dev/null; fi
}

split_args "${INPUT_ARGS:-}" ||
  die "the args input has an unterminated quote (arguments are split like a shell command line: quote one that has spaces)"
cmd=("${TLSLINT_BIN:?}" tlslint --manifest-path "${INPUT_MANIFEST_PATH:?}")
if [ -n "${INPUT_CONFIG:-}" ]; then cmd+=(--config "$INPUT_CONFIG"); fi
work="$(mktemp -d "$(unix_path "${RUNNER_TEMP:?}")/cargo-tlslint-run.XXXXXX")"
trap 'rm -rf "$work"' EXIT

case "${INPUT_FORMAT:-github}" in
  github)
    status=0
    "${cmd[@]}" --message-format github ${ARGS[@]+"${ARGS[@]}"} | tee "$work/annotations" || status=$?
    summarize "$work/annotations" "$status" > "$work/summary"
    write_summary < "$work/summary"
    {
      echo "errors=$errors"
      echo "warnings=$warnings"
    } >> "$GITHUB_OUTPUT"
    exit "$status"
    ;;
  sarif)
    # The path is in the checked-out tree, which the pull request controls: a symlink there is
    # removed, not written through, and the file is created afresh (noclobber).
    rm -f -- "${INPUT_SARIF_FILE:?}"
    (set -C; "${cmd[@]}" --message-format sarif --exit-zero ${ARGS[@]+"${ARGS[@]}"} > "$INPUT_SARIF_FILE")
    echo "sarif-file=$INPUT_SARIF_FILE" >> "$GITHUB_OUTPUT"
    echo "wrote $INPUT_SARIF_FILE"
    {
      echo "### cargo-tlslint"
      echo
      echo "SARIF written to \`$(cell "$INPUT_SARIF_FILE")\`; with github/codeql-action/upload-sarif its results appear under Security → Code scanning."
    } | write_summary
    ;;
  *)
    die "unknown format '$INPUT_FORMAT' (use github or sarif)"
    ;;
esac
