#!/usr/bin/env bash
# Downloads the benchmark corpus: the sources of the ~470 published crates that bench/corpus
# (an application depending on tokio, hyper, axum, reqwest, rustls, openssl, sqlx, tonic,
# aws-sdk-s3, wasmtime, …) pins in its Cargo.lock: about 7 million lines of Rust, 300 MB,
# including very large generated files. `cargo vendor` fetches them from crates.io; nothing is
# built. Usage: bench/fetch-corpus.sh [DIR]   (default: /tmp/tlslint-corpus). Idempotent.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
dest="${1:-/tmp/tlslint-corpus}"
if [ -f "$dest/.complete" ]; then
  echo "corpus already at $dest"
  exit 0
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# Vendored from a copy outside this repository, so that cargo does not take bench/corpus for a
# member of this repository's workspace.
cp -r "$here/corpus/." "$work/"
rm -rf "$dest"
(cd "$work" && cargo vendor --locked --versioned-dirs --quiet "$dest" >/dev/null)
touch "$dest/.complete"
echo "corpus ready at $dest: $(find "$dest" -name '*.rs' | wc -l) .rs files"
