#!/usr/bin/env bash
# The Action's first step: download the release binary of the Action's own tag for this runner
# and check its SHA-256, or, when that release has no binary for this runner (or the Action is
# pinned to a branch or a commit rather than a release tag), say where build.sh will build it.
#
# Outputs: `source` (`release` or `build`), `bin` (the binary, as bash sees it), `ref` and
# `repository` (the Action's own), and for a build `dir` (the install root, as actions/cache
# sees it) and `key` (the cache key's hash of the Action's sources).
#
# Environment: GITHUB_ACTION_PATH, RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_OUTPUT, set by
# the runner; ACTION_REF and ACTION_REPOSITORY, which action.yml sets from github.action_ref
# and github.action_repository; TLSLINT_RELEASE_URL (the base URL of the releases, default
# https://github.com/<action repository>/releases/download) and TLSLINT_RELEASE_TAG (the tag to
# download instead of the Action's ref), for tests and mirrors.
set -euo pipefail
# shellcheck source=common.sh
. "$(dirname "${BASH_SOURCE[0]}")/common.sh"

action_path="$(unix_path "${GITHUB_ACTION_PATH:?}")"
temp="$(unix_path "${RUNNER_TEMP:?}")/cargo-tlslint"
exe="$(exe_suffix)"
# The Action's own ref and repository. The runner leaves GITHUB_ACTION_REF and
# GITHUB_ACTION_REPOSITORY empty in a composite action's steps (actions/runner#2473), so
# action.yml passes github.action_ref and github.action_repository; the last resort is the
# path the runner downloaded the Action to, .../_actions/OWNER/REPO/REF.
action_ref="${ACTION_REF:-${GITHUB_ACTION_REF:-}}"
action_repository="${ACTION_REPOSITORY:-${GITHUB_ACTION_REPOSITORY:-}}"
case "$action_path" in
  */_actions/*/*/*)
    owner_repo_ref="${action_path##*/_actions/}"
    owner="${owner_repo_ref%%/*}"
    repo_ref="${owner_repo_ref#*/}"
    if [ -z "$action_repository" ]; then action_repository="$owner/${repo_ref%%/*}"; fi
    if [ -z "$action_ref" ]; then action_ref="${repo_ref#*/}"; fi
    ;;
esac
tag="${TLSLINT_RELEASE_TAG:-$action_ref}"
target="$(release_target)"

# Tries the release binary of $tag for $target. Returns 0 with the binary in $bin, 1 when the
# release has no binary for this runner (so the Action builds instead); exits on a checksum
# mismatch or a binary that is not the tag's version.
download() {
  if ! [[ "$tag" =~ ^v[0-9]+\.[0-9]+\.[0-9]+([-+][0-9A-Za-z.+-]*)?$ ]]; then
    echo "the action is used at '${tag:-a local path}', not at a release tag: building it from its sources"
    return 1
  fi
  # The binary must be the release of these very scripts.
  local own
  own="$(package_version "$action_path/Cargo.toml")"
  if [ "$tag" != "v$own" ]; then
    echo "the ref '$tag' is not this action's version ($own): building it from its sources"
    return 1
  fi
  if [ -z "$target" ]; then
    echo "no release binary is built for ${RUNNER_OS:-?}/${RUNNER_ARCH:-?}: building it from its sources"
    return 1
  fi
  local base="${TLSLINT_RELEASE_URL:-https://github.com/${action_repository:-cargo-tlslint/cargo-tlslint}/releases/download}"
  local name="cargo-tlslint-$target"
  local dir="$temp/release-$tag-$target"
  if ! { rm -rf "$dir" && mkdir -p "$dir" && cd "$dir"; }; then die "cannot create $dir"; fi
  local curl_opts=(--fail --location --silent --show-error --retry 3 --connect-timeout 30
    --max-time 300 --proto '=https,file' --proto-redir '=https')
  if ! curl "${curl_opts[@]}" --output "$name.sha256" "$base/$tag/$name.sha256"; then
    echo "no release binary for $tag on $target at $base: building it from its sources"
    return 1
  fi
  if ! curl "${curl_opts[@]}" --output "$name.tar.gz" "$base/$tag/$name.tar.gz"; then
    echo "::warning title=cargo-tlslint::the release $tag lists $name.tar.gz but it could not be downloaded: building from sources"
    return 1
  fi
  # The checksum file has one `HASH  NAME` (or `HASH *NAME`) line per asset of the target.
  local expected="" hash file actual
  while read -r hash file; do
    file="${file%$'\r'}"
    if [ "${file#\*}" = "$name.tar.gz" ]; then expected="$(printf '%s' "$hash" | tr 'A-F' 'a-f')"; fi
  done < "$name.sha256"
  if ! [[ "$expected" =~ ^[0-9a-f]{64}$ ]]; then
    die "$name.sha256 of release $tag has no SHA-256 for $name.tar.gz"
  fi
  actual="$(sha256_of "$name.tar.gz")" || die "could not compute the SHA-256 of $name.tar.gz"
  if [ "$actual" != "$expected" ]; then
    die "SHA-256 mismatch for $name.tar.gz of release $tag: expected $expected, got $actual; not running it"
  fi
  echo "$name.tar.gz: SHA-256 $actual (as listed in $name.sha256)"
  tar -xzf "$name.tar.gz" "cargo-tlslint$exe" || die "$name.tar.gz of release $tag has no cargo-tlslint$exe"
  chmod +x "cargo-tlslint$exe"
  bin="$dir/cargo-tlslint$exe"
  local version
  version="$("$bin" --version)" || die "the release binary of $tag does not run on this runner"
  version="${version%$'\r'}"
  if [ "$version" != "cargo-tlslint ${tag#v}" ]; then
    die "the release binary of $tag says '$version'"
  fi
  echo "using $version from the release $tag ($target)"
  return 0
}

# A hash of the Action's sources, for the build's cache key: a new Action version never reuses
# an older build. Each source's hash beside its name, then the hash of that list; sets $key.
source_hash() {
  local names=() name hash hashes list i=0
  while IFS= read -r name; do names+=("$name"); done < <(
    cd "$action_path" &&
      find Cargo.toml Cargo.lock lints cargo-tlslint -type f \( -name '*.rs' -o -name Cargo.toml -o -name Cargo.lock \) |
      LC_ALL=C sort
  )
  hashes="$(cd "$action_path" && sha256_of "${names[@]}")" || die "could not hash the Action's sources"
  list="$(mktemp "$temp/sources.XXXXXX")" || die "cannot create a file in $temp"
  while IFS= read -r hash; do
    printf '%s  %s\n' "$hash" "${names[$i]}"
    i=$((i + 1))
  done <<< "$hashes" > "$list"
  hash="$(sha256_of "$list")" || die "could not hash the Action's sources"
  rm -f "$list"
  key="${hash:0:32}"
}

mkdir -p "$temp"
{
  echo "ref=$action_ref"
  echo "repository=$action_repository"
} >> "$GITHUB_OUTPUT"
if download; then
  {
    echo "source=release"
    echo "bin=$bin"
  } >> "$GITHUB_OUTPUT"
else
  source_hash
  dir="$temp/build-$key"
  {
    echo "source=build"
    echo "key=$key"
    echo "dir=$(native_path "$dir")"
    echo "bin=$dir/bin/cargo-tlslint$exe"
  } >> "$GITHUB_OUTPUT"
fi
