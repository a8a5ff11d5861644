//! TLS704 `hardcoded_private_key`: a PEM private key in a string literal, or a key file pulled in
//! with `include_str!`/`include_bytes!`. The finding points at the `-----BEGIN … PRIVATE KEY-----`
//! marker only and never quotes the key.

use std::ops::Range;

use crate::cx::Cx;
use crate::diagnostic::Diagnostic;
use crate::lint::{Check, Lint};
use crate::pem::{body_run, private_key_markers};
use crate::rule::{Level, Rule};
use crate::sink::Sink;

/// The rule.
pub static RULE: Rule = Rule {
    code: "TLS704",
    name: "hardcoded_private_key",
    default_level: Level::Deny,
    summary: "a private key embedded in the source",
    cwe: &[321],
    needles: &[
        "PRIVATE KEY-----",
        "include_str || include_bytes && (?i).key\" || (?i).pem\" || (?i).der\" || (?i).p8\" || (?i).pk8\"",
    ],
    docs: r#"### What it does
Flags PEM private keys (`-----BEGIN … PRIVATE KEY-----` followed by key material) in string and
byte-string literals, including raw and multi-line strings, `concat!` and `const` arrays of
lines, and `include_str!`/`include_bytes!` of a `*.key` file or a `*key*.pem` file. A marker
without key material (a PEM parser's constant) and certificates are not findings. The finding
points at the marker line and never prints the key.

### Why is this bad?
A key in the source is in every clone, build artifact and backup of the repository, and cannot
be rotated without a release; anyone who has the code can impersonate the server or decrypt
recorded traffic (CWE-321).

### Example
```rust
fn identity() -> &'static str {
    include_str!("../certs/server.key")
}
```

Use instead:
```rust
fn identity() -> std::io::Result<String> {
    std::fs::read_to_string(std::env::var("TLS_KEY_PATH").unwrap_or_default())
}
```
"#,
};

/// The rule in the registry, with how it is checked.
pub(crate) static LINT: Lint = Lint {
    rule: &RULE,
    check: Check::File(check),
};

/// The shortest run of base64 characters that counts as key material after a marker (PEM lines
/// are 64 characters; prose and identifiers are far shorter).
const MIN_RUN: usize = 40;

const WHY: &str = "a key in the source is in every clone and build of the repository and cannot be rotated without a release";
const HELP: &str = "load the key at run time from a file or secret store outside the repository (e.g. a path from the environment)";

fn check(cx: &Cx<'_>, sink: &mut Sink) {
    if cx.code().contains("PRIVATE KEY-----") {
        check_literals(cx, sink);
    }
    check_includes(cx, sink);
}

fn check_literals(cx: &Cx<'_>, sink: &mut Sink) {
    let mut literals: Vec<(Range<usize>, String)> = cx
        .strings
        .iter()
        .map(|s| (cx.range(*s), s.value()))
        .collect();
    literals.extend(cx.byte_strings.iter().map(|b| {
        (
            cx.range(*b),
            String::from_utf8_lossy(&b.value()).into_owned(),
        )
    }));
    literals.sort_by_key(|(r, _)| r.start);
    for (i, (range, value)) in literals.iter().enumerate() {
        for marker in private_key_markers(value) {
            let mut body = body_run(&value[marker.end..]);
            if body < MIN_RUN {
                body = body.max(following_body(cx, &literals[i + 1..], range.start));
            }
            if body < MIN_RUN {
                continue;
            }
            let source = cx.text.get(range.clone()).unwrap_or("");
            let marker_text = &value[marker.clone()];
            let primary = source
                .find(marker_text)
                .map_or(range.start..range.start, |at| {
                    range.start + at..range.start + at + marker_text.len()
                });
            sink.push(
                Diagnostic::new(&RULE, "a private key is embedded in the source", primary)
                    .label("the key material follows this marker")
                    .note(WHY)
                    .help(HELP),
            );
        }
    }
}

fn check_includes(cx: &Cx<'_>, sink: &mut Sink) {
    for m in &cx.macros {
        let Some(name) = m.path.segments.last().map(|s| s.ident.to_string()) else {
            continue;
        };
        if name != "include_str" && name != "include_bytes" {
            continue;
        }
        let Some((path, range)) = included_path(cx, m) else {
            continue;
        };
        if !is_key_file(&path) {
            continue;
        }
        sink.push(
            Diagnostic::new(
                &RULE,
                "a private key file is compiled into the binary",
                range,
            )
            .label(format!("`{name}!` embeds this key file"))
            .note(WHY)
            .help(HELP),
        );
    }
}

/// The longest base64 run in the string literals after a marker-only literal, within the same statement or
/// item (a `const` array of lines, a `concat!`).
fn following_body(cx: &Cx<'_>, rest: &[(Range<usize>, String)], at: usize) -> usize {
    let Some(stmt) = cx
        .statement_ranges()
        .iter()
        .filter(|s| s.contains(&at))
        .min_by_key(|s| s.len())
    else {
        return 0;
    };
    let mut best = 0;
    for (range, value) in rest {
        if range.start >= stmt.end || !private_key_markers(value).is_empty() {
            break;
        }
        best = best.max(body_run(value));
        if value.contains("-----END ") {
            break;
        }
    }
    best
}

/// The path an `include_str!`/`include_bytes!` names: a literal, or the literal pieces of
/// `concat!(env!("CARGO_MANIFEST_DIR"), "/certs/server.key")`, with the range to point at.
fn included_path(cx: &Cx<'_>, m: &syn::Macro) -> Option<(String, Range<usize>)> {
    if let Ok(file) = m.parse_body::<syn::LitStr>() {
        return Some((file.value(), cx.range(&file)));
    }
    let mut pieces: Vec<syn::LitStr> = Vec::new();
    let mut stack: Vec<proc_macro2::TokenStream> = vec![m.tokens.clone()];
    while let Some(tokens) = stack.pop() {
        for t in tokens {
            match t {
                proc_macro2::TokenTree::Group(g) => stack.push(g.stream()),
                proc_macro2::TokenTree::Literal(l) => {
                    if let Ok(s) =
                        syn::parse2::<syn::LitStr>(proc_macro2::TokenTree::Literal(l).into())
                    {
                        pieces.push(s);
                    }
                }
                _ => {}
            }
        }
    }
    let last = pieces
        .iter()
        .max_by_key(|p| cx.span_range(p.span()).start)?;
    Some((last.value(), cx.span_range(last.span())))
}

/// `*.key`, or a `.pem`/`.der`/`.p8` file with `key` in its name (but not a public key).
fn is_key_file(path: &str) -> bool {
    let name = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    if name.contains("pub") {
        return false;
    }
    name.ends_with(".key")
        || (name.contains("key")
            && [".pem", ".der", ".p8", ".pk8"]
                .iter()
                .any(|e| name.ends_with(e)))
}

#[cfg(test)]
mod tests {
    use super::is_key_file;

    #[test]
    fn key_file_names() {
        assert!(is_key_file("../certs/server.key"));
        assert!(is_key_file("tls/server-key.pem"));
        assert!(is_key_file("privkey.pem"));
        assert!(!is_key_file("cert.pem"));
        assert!(!is_key_file("pubkey.pem"));
        assert!(!is_key_file("keys.rs"));
    }
}
