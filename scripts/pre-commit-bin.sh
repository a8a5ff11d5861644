#!/usr/bin/env bash
# The pre-commit hook `cargo-tlslint-bin` (.pre-commit-hooks.yaml): runs an installed
# cargo-tlslint (the release binary, or any install of it) found on PATH or in
# $CARGO_HOME/bin, after checking that its version is this hook repository's version (the `rev` the user
# pinned). It never downloads or builds anything; the `cargo-tlslint` hook builds instead.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../action/common.sh
. "$here/action/common.sh"
want="$(package_version "$here/Cargo.toml")"

bin="$(command -v cargo-tlslint 2>/dev/null || true)"
if [ -z "$bin" ] && [ -x "${CARGO_HOME:-$HOME/.cargo}/bin/cargo-tlslint" ]; then
  bin="${CARGO_HOME:-$HOME/.cargo}/bin/cargo-tlslint"
fi
have=""
if [ -n "$bin" ]; then
  have="$("$bin" --version 2>/dev/null | tr -d '\r' || true)"
fi
if [ "$have" != "cargo-tlslint $want" ]; then
  {
    if [ -z "$bin" ]; then
      echo "cargo-tlslint-bin: this hook (rev v$want) runs an installed cargo-tlslint $want, and there is none on PATH."
    else
      echo "cargo-tlslint-bin: this hook (rev v$want) runs cargo-tlslint $want, but $bin is '${have:-not runnable}'."
    fi
    echo "Install it: the release archive for your platform from"
    echo "  https://github.com/cargo-tlslint/cargo-tlslint/releases/tag/v$want (or cargo binstall),"
    echo "or build it: cargo install --locked --git https://github.com/cargo-tlslint/cargo-tlslint --tag v$want cargo-tlslint"
    echo "or use the hook id 'cargo-tlslint', which pre-commit builds itself."
  } >&2
  exit 2
fi
exec "$bin" "$@"
