#!/usr/bin/env bash
# The Action's fallback when install.sh found no release binary: build cargo-tlslint from the
# Action's own sources with `cargo install --locked` (the Action's Cargo.lock), unless
# actions/cache restored an earlier build of the same sources.
#
# Environment: TLSLINT_DIR and TLSLINT_BIN (install.sh's `dir` and `bin` outputs),
# GITHUB_ACTION_PATH, RUNNER_TEMP, RUNNER_OS.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

if [ -x "${TLSLINT_BIN:?}" ]; then
  echo "using the cached build at $TLSLINT_BIN"
else
  command -v cargo >/dev/null 2>&1 ||
    die "this runner has no cargo to build cargo-tlslint, and no release binary was found for it"
  # Built in the action's own directory, outside the checkout, so the checkout's
  # rust-toolchain.toml and .cargo/config.toml play no part.
  cd "$(unix_path "${GITHUB_ACTION_PATH:?}")"
  cargo install --locked --path . --root "${TLSLINT_DIR:?}" \
    --target-dir "$(native_path "$(unix_path "${RUNNER_TEMP:?}")/cargo-tlslint/target")"
fi
"$TLSLINT_BIN" --version
