#!/usr/bin/env bash
# Stress inputs (issue 13): hostile trees that once crashed the run (stack overflow) or cost
# quadratic time or memory. Each class is generated at its size into a temp directory and linted
# by the release binary; per class it prints wall time, peak RSS, exit status, the TLS001 count,
# and whether the run stayed under 2 s and 300 MB (with an exit status of 0, 1 or 2). A benchmark, not a test: nothing here fails.
#
# Usage: bench/stress.sh [CLASS...]   (default: every class; `bench/stress.sh --list` names them)
# TLSLINT_BIN=path runs another binary instead of building target/release/cargo-tlslint.
#
# Adding a class: write a function `class_<name>` that fills the directory "$1" and prints the
# arguments to run with (nothing for workspace mode, `.` for paths mode), then add <name> to
# CLASSES. `package` writes a package whose `src/lib.rs` declares `mod good;` (one TLS101
# finding) and `mod hostile;` (the file given on stdin).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"

CLASSES=(
  # item 3 of the issue: inputs long rather than deep in brackets (once exit 134)
  turbofish_44k break_85k assign_170k closures_100k return_100k not_100k deref_100k
  ref_mut_100k empty_closures_100k or_100k neg_100k range_100k add_100k method_chain_100k
  field_chain_100k try_chain_100k cast_chain_100k call_chain_100k index_chain_100k
  else_if_100k type_generics_44k type_refs_100k fn_types_50k ref_patterns_100k
  let_chain_50k
  # item 4: quadratic or worse
  nested_closures_30k cipher_names_400k auth_method_chain_20k findings_40k lockfile_30k
  url_lets_50k suppressions_20k verifier_impls_5k missing_mods_100k missing_includes_10k
  sparse_lib_1g parameter_callers_20k parameter_sinks_10k
)

# `rep STR N`: STR repeated N times.
rep() { python3 -c 'import sys; sys.stdout.write(sys.argv[1] * int(sys.argv[2]))' "$1" "$2"; }

# `package DIR`: a workspace package in DIR with `src/good.rs` (one finding) and `src/hostile.rs`
# read from stdin.
package() {
  mkdir -p "$1/src"
  printf '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n' >"$1/Cargo.toml"
  printf 'mod good;\nmod hostile;\n' >"$1/src/lib.rs"
  echo 'pub fn c() { let _ = reqwest::Client::builder().danger_accept_invalid_certs(true); }' >"$1/src/good.rs"
  cat >"$1/src/hostile.rs"
}

# `in_trigger_fn DIR`: stdin (an expression statement's text) inside a function that holds a
# trigger word, so the item is parsed.
in_trigger_fn() {
  { printf 'pub fn f(a: u8) {\n    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);\n    '
    cat
    printf '\n}\n'; } | package "$1"
}

# `expr_class DIR PREFIX N ATOM SUFFIX`: `let _ = PREFIX×N ATOM SUFFIX×N;` in a trigger function.
expr_class() {
  { printf 'let _ = '; rep "$2" "$3"; printf '%s' "$4"; rep "$5" "$3"; printf ';'; } | in_trigger_fn "$1"
}

class_turbofish_44k() { expr_class "$1" 'a::<' 44000 'b' '>' ; }
class_break_85k() { { printf 'loop { '; rep 'break ' 85000; printf '; }'; } | in_trigger_fn "$1"; }
class_assign_170k() { { printf 'let mut a = 0; '; rep 'a = ' 170000; printf '1;'; } | in_trigger_fn "$1"; }
class_closures_100k() { expr_class "$1" '|x| ' 100000 'x' ''; }
class_return_100k() { { rep 'return ' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_not_100k() { expr_class "$1" '!' 100000 'a' ''; }
class_deref_100k() { expr_class "$1" '*' 100000 'a' ''; }
class_ref_mut_100k() { expr_class "$1" '&mut ' 100000 'a' ''; }
class_empty_closures_100k() { expr_class "$1" '|| ' 100000 'a' ''; }
class_or_100k() { { printf 'let _ = a'; rep ' || a' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_neg_100k() { expr_class "$1" '- ' 100000 'a' ''; }
class_range_100k() { expr_class "$1" '..' 100000 '' ''; }
class_add_100k() { { printf 'let _ = a'; rep ' + a' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_method_chain_100k() { { printf 'let _ = a'; rep '.f()' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_field_chain_100k() { { printf 'let _ = a'; rep '.f' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_try_chain_100k() { { printf 'let _ = a'; rep '?' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_cast_chain_100k() { { printf 'let _ = a'; rep ' as u8' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_call_chain_100k() { { printf 'let _ = a'; rep '()' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_index_chain_100k() { { printf 'let _ = a'; rep '[0]' 100000; printf ';'; } | in_trigger_fn "$1"; }
class_else_if_100k() { { printf 'if a == 0 {}'; rep ' else if a == 0 {}' 100000; } | in_trigger_fn "$1"; }
class_type_generics_44k() { { printf 'let _: '; rep 'A<' 44000; printf 'u8'; rep '>' 44000; printf ' = todo!();'; } | in_trigger_fn "$1"; }
class_type_refs_100k() { { printf 'let _: '; rep '&' 100000; printf 'u8 = todo!();'; } | in_trigger_fn "$1"; }
class_fn_types_50k() { { printf 'let _: '; rep 'fn() -> ' 50000; printf 'u8 = todo!();'; } | in_trigger_fn "$1"; }
class_ref_patterns_100k() { { printf 'let '; rep '&' 100000; printf 'x = a;'; } | in_trigger_fn "$1"; }
class_let_chain_50k() { { printf 'if let Some(x) = a'; rep ' && let Some(x) = a' 50000; printf ' {}'; } | in_trigger_fn "$1"; }

class_nested_closures_30k() { expr_class "$1" '|x| ' 30000 'x' ''; }

class_cipher_names_400k() {
  python3 -c '
names = ":".join("X%d-AES128-SHA" % i for i in range(400000))
print("fn f(ctx: &mut openssl::ssl::SslContextBuilder) {\n    ctx.set_cipher_list(\"%s\").unwrap();\n}" % names)
' | package "$1"
}

class_auth_method_chain_20k() {
  { printf 'pub async fn f(client: &reqwest::Client, token: &str) {\n    let _ = client.get("http://api.example.com/v1")'
    rep '.header("x-trace", "1")' 20000
    printf '.bearer_auth(token).send().await;\n}\n'; } | package "$1"
}

class_findings_40k() {
  { printf 'pub fn f() {\n'
    rep '    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);\n' 40000 | sed 's/\\n/\n/g'
    printf '}\n'; } | package "$1"
}

class_lockfile_30k() {
  mkdir -p "$1"
  printf '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n' >"$1/Cargo.toml"
  python3 -c '
out = ["version = 4\n"]
for i in range(30000):
    out.append("[[package]]\nname = \"p%d\"\nversion = \"0.2.%d\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\nchecksum = \"%064x\"\ndependencies = [\n \"p%d\",\n \"native-tls\",\n]\n" % (i, i % 100, i, (i + 1) % 30000))
out.append("[[package]]\nname = \"native-tls\"\nversion = \"0.2.14\"\nsource = \"registry+https://github.com/rust-lang/crates.io-index\"\n")
print("\n".join(out))
' >"$1/Cargo.lock"
  echo .
}

class_url_lets_50k() {
  python3 -c '
lines = ["pub fn f(client: &reqwest::Client, token: &str) {"]
lines.append("    let u0 = \"http://api.example.com/v1\";")
for i in range(1, 50000):
    lines.append("    let u%d = u%d;" % (i, i - 1) if i % 2 else "    let u%d = \"http://h%d.example.com/\";" % (i, i))
lines.append("    let _ = client.get(u49999).bearer_auth(token).send();")
lines.append("}")
print("\n".join(lines))
' | package "$1"
}

class_suppressions_20k() {
  python3 -c '
lines = ["pub fn f() {"]
for i in range(20000):
    lines.append("    // tlslint: allow(cert_verification_disabled, reason = \"test %d\")" % i)
    lines.append("    let _ = reqwest::Client::builder().danger_accept_invalid_certs(true);")
lines.append("}")
print("\n".join(lines))
' | package "$1"
}

# A helper whose parameter reaches a sink, called 20,000 times with `true` from a file with no
# trigger word (the package phase reads it, follows every call, labels a few).
class_parameter_callers_20k() {
  mkdir -p "$1/src"
  printf '[package]\nname = "app"\nversion = "0.1.0"\nedition = "2021"\n' >"$1/Cargo.toml"
  printf 'mod net;\nmod calls;\n' >"$1/src/lib.rs"
  echo 'pub(crate) fn make(insecure: bool) { let _ = reqwest::Client::builder().danger_accept_invalid_certs(insecure); }' >"$1/src/net.rs"
  { printf 'pub fn all() {\n'; rep '    crate::net::make(true);\n' 20000 | sed 's/\\n/\n/g'; printf '}\n'; } >"$1/src/calls.rs"
}

# 10,000 helpers, each with a sink on its parameter and one caller passing it on from the next:
# many waiting findings, each followed through the chain of callers.
class_parameter_sinks_10k() {
  python3 -c '
out = []
for i in range(10000):
    out.append("fn h%d(v: bool) { let _ = reqwest::Client::builder().danger_accept_invalid_certs(v); h%d(v); }" % (i, (i + 1) % 10000))
out.append("pub fn start() { h0(true); }")
print("\n".join(out))
' | package "$1"
}

class_verifier_impls_5k() {
  python3 -c '
out = ["use std::sync::Arc;", "use rustls::client::danger::{ServerCertVerified, ServerCertVerifier};"]
for i in range(5000):
    out.append("""#[derive(Debug)]
struct V%d;
impl ServerCertVerifier for V%d {
    fn verify_server_cert(&self, _e: &CertificateDer<%s_>, _i: &[CertificateDer<%s_>], _n: &ServerName<%s_>, _o: &[u8], _t: UnixTime) -> Result<ServerCertVerified, Error> {
        Ok(ServerCertVerified::assertion())
    }
}
pub fn install%d(b: rustls::ConfigBuilder) {
    let _ = b.dangerous().with_custom_certificate_verifier(Arc::new(V%d));
}""" % (i, i, "\x27", "\x27", "\x27", i, i))
print("\n".join(out))
' | package "$1"
}

class_missing_mods_100k() {
  python3 -c 'print("\n".join("mod m%d;" % i for i in range(100000)))' | package "$1"
}

class_missing_includes_10k() {
  python3 -c '
print("pub fn f() {")
print("\n".join("    include!(\"missing%d.rs\");" % i for i in range(10000)))
print("}")' | package "$1"
}

# A 1 GiB sparse file as the library's root: refused from its size, never read.
class_sparse_lib_1g() {
  : | package "$1"
  printf '[lib]\npath = "big.rs"\n' >>"$1/Cargo.toml"
  truncate -s 1G "$1/big.rs"
}

if [ "${1:-}" = "--list" ]; then printf '%s\n' "${CLASSES[@]}"; exit 0; fi
selected=("$@")
[ ${#selected[@]} -gt 0 ] || selected=("${CLASSES[@]}")

if [ -n "${TLSLINT_BIN:-}" ]; then
  bin="$(realpath "$TLSLINT_BIN")"
else
  (cd "$here" && cargo build --release --quiet)
  bin="$here/target/release/cargo-tlslint"
fi
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

printf '%-26s %8s %9s %5s %8s %8s  %s\n' class "wall s" "RSS MB" exit findings TLS001 "under 2 s / 300 MB"
for class in "${selected[@]}"; do
  dir="$work/$class"
  mkdir -p "$dir"
  args="$("class_$class" "$dir")"
  # shellcheck disable=SC2086 # `args` is a word list by design
  (cd "$dir" && /usr/bin/time -o "$work/time" -f "%e %M" "$bin" tlslint --color never $args \
    >"$work/stdout" 2>"$work/stderr") && status=0 || status=$?
  # GNU time puts "Command terminated by signal N" before its figures when the run crashed.
  read -r wall rss < <(tail -n 1 "$work/time") || { wall='?'; rss=0; }
  findings=$(grep -cE '^(error|warning)\[TLS[0-9]+\]' "$work/stderr" || true)
  tls001=$(grep -c '^warning\[TLS001\]' "$work/stderr" || true)
  mb=$((rss / 1024))
  verdict=$(python3 -c "import sys; w, m, s = sys.argv[1:]; print('yes' if w != '?' and float(w) < 2 and int(m) < 300 and int(s) <= 2 else 'NO')" "$wall" "$mb" "$status")
  printf '%-26s %8s %9s %5s %8s %8s  %s\n' "$class" "$wall" "$mb" "$status" "$findings" "$tls001" "$verdict"
  rm -rf "$dir"
done
