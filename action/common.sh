# shellcheck shell=bash
# Functions shared by the Action's steps (sourced by install.sh, build.sh and run.sh; defines
# functions only). Portable to every GitHub runner: bash 3.2 (macOS's /bin/bash) or later, and
# only tools that Linux, macOS (BSD tools, no sha256sum) and Windows (Git Bash) runners all
# have, or a fallback for each. No `eval`, and nothing from the checkout is run.

# Fails the step with an annotation (on stderr, which the runner reads for commands too, so
# that it shows even where stdout is captured).
die() {
  echo "::error title=cargo-tlslint::$*" >&2
  exit 2
}

# The path as this bash sees it: Git Bash's /d/a/_temp for D:\a\_temp on Windows, unchanged
# elsewhere.
unix_path() {
  if [ "${RUNNER_OS:-}" = Windows ] && command -v cygpath >/dev/null 2>&1; then
    cygpath -u "$1"
  else
    printf '%s\n' "$1"
  fi
}

# The path as native programs (cargo, actions/cache) see it: D:/a/_temp for /d/a/_temp on
# Windows, unchanged elsewhere.
native_path() {
  if [ "${RUNNER_OS:-}" = Windows ] && command -v cygpath >/dev/null 2>&1; then
    cygpath -m "$1"
  else
    printf '%s\n' "$1"
  fi
}

# The version in the [package] table of the Cargo.toml at $1.
package_version() {
  awk '/^\[/ { p = ($0 == "[package]") } p && /^version *= *"/ { sub(/^version *= *"/, ""); sub(/".*/, ""); print; exit }' "$1"
}

# The release target of this runner (the names .github/workflows/release.yml builds), or
# nothing when no release binary is built for it.
release_target() {
  case "${RUNNER_OS:-}/${RUNNER_ARCH:-}" in
    Linux/X64) echo x86_64-unknown-linux-musl ;;
    Linux/ARM64) echo aarch64-unknown-linux-musl ;;
    macOS/X64) echo x86_64-apple-darwin ;;
    macOS/ARM64) echo aarch64-apple-darwin ;;
    Windows/X64) echo x86_64-pc-windows-msvc ;;
  esac
}

# The suffix of executables on this runner.
exe_suffix() {
  if [ "${RUNNER_OS:-}" = Windows ]; then echo .exe; fi
}

# The lowercase SHA-256 of each FILE, one per line, in order: sha256sum (Linux, Git Bash),
# shasum (macOS), or PowerShell's Get-FileHash (Windows without Git's coreutils).
sha256_of() {
  local file hash _
  if command -v sha256sum >/dev/null 2>&1; then
    sha256sum -- "$@" | while read -r hash _; do printf '%s\n' "${hash#\\}"; done
  elif command -v shasum >/dev/null 2>&1; then
    shasum -a 256 -- "$@" | while read -r hash _; do printf '%s\n' "${hash#\\}"; done
  elif command -v powershell >/dev/null 2>&1; then
    for file in "$@"; do
      hash="$(TLSLINT_HASH_FILE="$(native_path "$file")" powershell -NoProfile -NonInteractive \
        -Command '(Get-FileHash -Algorithm SHA256 -LiteralPath $env:TLSLINT_HASH_FILE).Hash')" ||
        return 1
      printf '%s\n' "$hash" | tr -d '\r' | tr 'A-F' 'a-f'
    done
  else
    echo "::error title=cargo-tlslint::no SHA-256 tool on this runner (sha256sum, shasum or PowerShell)" >&2
    return 1
  fi
}

# Splits the `args` input into the array ARGS as a POSIX shell splits words, without any
# expansion: blanks and newlines separate arguments; '…' keeps everything literally; "…" keeps
# everything but \" \\ \$ \` (escapes) and \newline (removed); outside quotes \x is x and
# \newline is removed. `$`, `*`, `~` and backquotes are ordinary characters. Returns 1 on an
# unterminated quote.
split_args() {
  local s="$1" n="${#1}" i=0 c next word="" have=0 quote=""
  ARGS=()
  while [ "$i" -lt "$n" ]; do
    c="${s:i:1}"
    if [ "$quote" = "'" ]; then
      if [ "$c" = "'" ]; then quote=""; else word="$word$c"; fi
    elif [ "$quote" = '"' ]; then
      if [ "$c" = '"' ]; then
        quote=""
      elif [ "$c" = '\' ] && [ $((i + 1)) -lt "$n" ]; then
        next="${s:i+1:1}"
        case "$next" in
          '"' | '\' | '$' | '`') word="$word$next"; i=$((i + 1)) ;;
          $'\n') i=$((i + 1)) ;;
          *) word="$word$c" ;;
        esac
      else
        word="$word$c"
      fi
    else
      case "$c" in
        ' ' | $'\t' | $'\n' | $'\r')
          if [ "$have" = 1 ]; then
            ARGS+=("$word")
            word=""
            have=0
          fi
          ;;
        "'" | '"') quote="$c"; have=1 ;;
        '\')
          if [ $((i + 1)) -lt "$n" ]; then
            i=$((i + 1))
            next="${s:i:1}"
            if [ "$next" != $'\n' ]; then word="$word$next"; have=1; fi
          else
            word="$word$c"
            have=1
          fi
          ;;
        *) word="$word$c"; have=1 ;;
      esac
    fi
    i=$((i + 1))
  done
  if [ -n "$quote" ]; then
    return 1
  fi
  if [ "$have" = 1 ]; then ARGS+=("$word"); fi
  return 0
}
