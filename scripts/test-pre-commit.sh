#!/usr/bin/env bash
# Tests the pre-commit hooks of this repository (`.pre-commit-hooks.yaml`) the way users get
# them: `pre-commit try-repo` builds the `cargo-tlslint` hook with `cargo install` (language:
# rust) and runs it on the staged files of a scratch git repository. A staged file with a finding
# must be blocked, a clean one must pass, and a staged test file or a staged file the policy
# excludes is linted all the same (a named file is always linted; `--force-exclude` opts out). The `cargo-tlslint-bin` hook must do the same with an installed binary of
# the hook's version (TLSLINT_TEST_BIN, else this repository's debug build), and refuse one of
# another version.
#
# Needs `pre-commit` on PATH (`pip install pre-commit`), git and cargo. The first run compiles
# cargo-tlslint (a few minutes).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT
export PRE_COMMIT_HOME="${PRE_COMMIT_HOME:-$scratch/pre-commit-home}"
# try-repo builds the hook anew on each call; a shared target directory lets the later builds
# reuse the compiled dependencies.
export CARGO_TARGET_DIR="${TLSLINT_PRE_COMMIT_TARGET_DIR:-$scratch/target}"
export GIT_AUTHOR_NAME=tlslint GIT_AUTHOR_EMAIL=tlslint@example.invalid
export GIT_COMMITTER_NAME=tlslint GIT_COMMITTER_EMAIL=tlslint@example.invalid

repo="$scratch/project"
mkdir -p "$repo/src/generated"
cd "$repo"
git init -q
cat > Cargo.toml <<'TOML'
[package]
name = "project"
version = "0.1.0"
edition = "2021"

[package.metadata.tlslint]
exclude = ["src/generated/**"]
TOML
cat > src/lib.rs <<'RS'
pub mod generated;

pub fn client() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().build()
}
RS
cat > src/generated/mod.rs <<'RS'
pub fn generated() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(true).build()
}
RS

hook=cargo-tlslint
try_hook() {
  pre-commit try-repo "$root" "$hook" --verbose >"$scratch/out.txt" 2>&1
}

fail() {
  echo "FAIL: $1" >&2
  cat "$scratch/out.txt" >&2
  exit 1
}

git add Cargo.toml src/lib.rs
try_hook || fail "a clean staged file was blocked"
grep -q "Passed" "$scratch/out.txt" || fail "the hook did not run"
echo "ok: clean staged files pass"
git commit -qm "clean"

mkdir -p tests
cp src/generated/mod.rs tests/it.rs
git add src/generated/mod.rs tests/it.rs
if try_hook; then
  fail "a staged test file and a staged excluded file were not linted"
fi
grep -q "src/generated/mod.rs:2:32" "$scratch/out.txt" || fail "the staged excluded file was not linted"
grep -q "tests/it.rs:2:32" "$scratch/out.txt" || fail "the staged test file was not linted"
echo "ok: a staged test file and a staged excluded file are linted"
git rm -q --cached src/generated/mod.rs tests/it.rs
rm -r tests

cat > src/bad.rs <<'RS'
pub fn insecure() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(true).build()
}
RS
git add src/bad.rs
if try_hook; then
  fail "a staged file with a finding was not blocked"
fi
grep -q "error\[TLS101\]" "$scratch/out.txt" || fail "the report does not name TLS101"
grep -q "src/bad.rs:2:32" "$scratch/out.txt" || fail "the report does not point at src/bad.rs:2:32"
echo "ok: a staged file with a finding is blocked (error[TLS101] at src/bad.rs:2:32)"

git rm -q --cached src/bad.rs
rm src/bad.rs
echo "# a comment" >> Cargo.toml
git add Cargo.toml
try_hook || fail "a staged Cargo.toml alone was blocked"
grep -q "Passed" "$scratch/out.txt" || fail "the hook did not run for Cargo.toml"
echo "ok: a staged Cargo.toml alone runs the hook and passes"

# The hook with an installed binary: no build, the binary found on PATH.
bin="${TLSLINT_TEST_BIN:-}"
if [ -z "$bin" ]; then
  (cd "$root" && cargo build --quiet --locked --target-dir "$root/target")
  bin="$root/target/debug/cargo-tlslint"
fi
mkdir -p "$scratch/installed" "$scratch/other-version"
ln -s "$bin" "$scratch/installed/cargo-tlslint"
hook=cargo-tlslint-bin
cat > src/bad.rs <<'RS'
pub fn insecure() -> reqwest::Result<reqwest::Client> {
    reqwest::Client::builder().danger_accept_invalid_certs(true).build()
}
RS
git add src/bad.rs
if PATH="$scratch/installed:$PATH" try_hook; then
  fail "cargo-tlslint-bin: a staged file with a finding was not blocked"
fi
grep -q "src/bad.rs:2:32" "$scratch/out.txt" || fail "cargo-tlslint-bin: the report does not point at src/bad.rs:2:32"
echo "ok: cargo-tlslint-bin blocks a staged file with a finding"

git rm -q --cached src/bad.rs
rm src/bad.rs
PATH="$scratch/installed:$PATH" try_hook || fail "cargo-tlslint-bin: a clean commit was blocked"
grep -q "Passed" "$scratch/out.txt" || fail "cargo-tlslint-bin: the hook did not run"
echo "ok: cargo-tlslint-bin passes a clean commit"

printf '#!/bin/sh\necho "cargo-tlslint 0.0.1"\n' > "$scratch/other-version/cargo-tlslint"
chmod +x "$scratch/other-version/cargo-tlslint"
if PATH="$scratch/other-version:$PATH" try_hook; then
  fail "cargo-tlslint-bin ran a binary of another version"
fi
grep -q "runs cargo-tlslint .*, but .* is 'cargo-tlslint 0.0.1'" "$scratch/out.txt" ||
  fail "cargo-tlslint-bin: no message about the version"
echo "ok: cargo-tlslint-bin refuses a binary of another version"
echo "pre-commit: 7 passed, 0 failed"
