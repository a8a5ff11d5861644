//! PEM private-key markers (`-----BEGIN … PRIVATE KEY-----`): where they are, whether key material
//! follows, and the redaction the binary applies to the text it shows so that no output format
//! ever prints a key body.

use std::ops::Range;

const BEGIN: &str = "-----BEGIN ";
const TAIL: &str = "PRIVATE KEY-----";
const END: &str = "-----END ";

/// The byte ranges of `-----BEGIN [WORDS ]PRIVATE KEY-----` markers in `s`.
pub fn private_key_markers(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for start in memchr::memmem::find_iter(s.as_bytes(), BEGIN) {
        let rest = &s[start + BEGIN.len()..];
        let words = rest
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b' ')
            .count();
        let Some(tail_at) = rest[..words].rfind("PRIVATE") else {
            continue;
        };
        if rest[tail_at..].starts_with(TAIL) {
            out.push(start..start + BEGIN.len() + tail_at + TAIL.len());
        }
    }
    out
}

/// The longest run of base64 characters in `s` before an `-----END` marker (a `\` escape breaks a
/// run): PEM bodies are lines of 64, prose and identifiers are much shorter.
pub fn body_run(s: &str) -> usize {
    let until = s.find(END).unwrap_or(s.len());
    let bytes = s.as_bytes();
    let (mut best, mut run) = (0, 0);
    let mut i = 0;
    while i < until {
        if bytes[i] == b'\\' {
            run = 0;
            i += 2;
            continue;
        }
        run = if is_base64(bytes[i]) { run + 1 } else { 0 };
        best = best.max(run);
        i += 1;
    }
    best
}

fn is_base64(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// What kind of text is redacted: Rust source is lexed, so that only literals and comments are
/// masked (code stays readable); any other text (TOML, messages, a tool's error output) is
/// masked character by character.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TextKind {
    /// A `.rs` file.
    Rust,
    /// Anything else.
    Other,
}

/// A run of base64 characters at least this long, with a digit or `+`/`/` and letters of both
/// cases, is key material wherever it stands in a text that holds a private-key marker.
const KEY_LIKE_RUN: usize = 16;

/// `text` with every private-key body masked, keeping every byte offset; `None` when `text`
/// holds no private-key marker (`-----BEGIN … PRIVATE KEY-----` or `-----END … PRIVATE
/// KEY-----`).
///
/// Everything between a `BEGIN` marker and the next `END` marker (or the end of the text, at any
/// distance, whatever comments, `;`, `concat!` pieces or other items stand between) has its base64
/// characters masked with `*`: in a Rust file inside literals and comments, elsewhere everywhere.
/// Outside those regions, a literal (or in other text, a run) that looks like key material — a
/// run of [`KEY_LIKE_RUN`] base64 characters with a digit or `+`/`/` and both letter cases — is
/// masked too, so a body kept in a constant before the marker that joins it is not shown either.
/// The markers themselves stay readable (TLS704 points at them).
pub fn redact_private_keys(text: &str, kind: TextKind) -> Option<String> {
    let markers = all_markers(text);
    if markers.is_empty() {
        return None;
    }
    let zones = Zones::of(text, &markers);
    let mut bytes = text.as_bytes().to_vec();
    match kind {
        TextKind::Rust => {
            let mut at = 0;
            for token in
                ra_ap_rustc_lexer::tokenize(text, ra_ap_rustc_lexer::FrontmatterAllowed::No)
            {
                let range = at..at + token.len as usize;
                at = range.end;
                if is_literal_or_comment(token.kind) {
                    let content = content_start(&text[range.clone()]);
                    zones.mask(&mut bytes, text, range.start + content..range.end, true);
                }
            }
        }
        TextKind::Other => zones.mask(&mut bytes, text, 0..text.len(), false),
    }
    String::from_utf8(bytes).ok()
}

/// What each byte of a text with markers is: part of a marker, inside a body region, or neither.
struct Zones(Vec<Zone>);

#[derive(Clone, Copy, PartialEq, Eq)]
enum Zone {
    Outside,
    Body,
    Marker,
}

impl Zones {
    fn of(text: &str, markers: &[Range<usize>]) -> Zones {
        let mut zones = vec![Zone::Outside; text.len()];
        for region in body_regions(text, markers) {
            zones[region].fill(Zone::Body);
        }
        for m in markers {
            zones[m.clone()].fill(Zone::Marker);
        }
        Zones(zones)
    }

    /// Masks the base64 characters of `range` that lie in a body region; and those of key-like
    /// runs anywhere — when `range` is one literal or comment (`whole`) holding a key-like run,
    /// all of its runs.
    fn mask(&self, bytes: &mut [u8], text: &str, range: Range<usize>, whole: bool) {
        let runs = base64_runs(text, range);
        let whole_is_key = whole && runs.iter().any(|r| is_key_like(&text[r.clone()]));
        for run in runs {
            let key_like = whole_is_key || is_key_like(&text[run.clone()]);
            for i in run {
                let zone = self.0[i];
                if zone != Zone::Marker && (key_like || zone == Zone::Body) {
                    bytes[i] = b'*';
                }
            }
        }
    }
}

/// The runs of base64 characters in `range` of `text`; a `\` escape and the character after it
/// break a run (so `\n` line breaks inside literals stay as they are).
fn base64_runs(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let bytes = text.as_bytes();
    let mut runs = Vec::new();
    let mut start = None;
    let mut i = range.start;
    while i < range.end {
        let b = bytes[i];
        if is_base64(b) {
            start.get_or_insert(i);
            i += 1;
            continue;
        }
        if let Some(s) = start.take() {
            runs.push(s..i);
        }
        i += if b == b'\\' { 2 } else { 1 };
    }
    if let Some(s) = start {
        runs.push(s..range.end.min(text.len()));
    }
    runs
}

/// Where a literal's or comment's content starts: after its prefix (`b`, `r#`, `c`) and opening
/// quote, or after `//`/`/*`; the prefix is not content and is never masked.
fn content_start(token: &str) -> usize {
    if token.starts_with("//") || token.starts_with("/*") {
        return 2;
    }
    token.find(['"', '\'']).map_or(0, |q| q + 1)
}

fn is_key_like(run: &str) -> bool {
    run.len() >= KEY_LIKE_RUN
        && run
            .bytes()
            .any(|b| b.is_ascii_digit() || b == b'+' || b == b'/')
        && run.bytes().any(|b| b.is_ascii_uppercase())
        && run.bytes().any(|b| b.is_ascii_lowercase())
}

fn is_literal_or_comment(kind: ra_ap_rustc_lexer::TokenKind) -> bool {
    use ra_ap_rustc_lexer::{LiteralKind, TokenKind};
    match kind {
        TokenKind::LineComment { .. } | TokenKind::BlockComment { .. } => true,
        TokenKind::Literal { kind, .. } => {
            !matches!(kind, LiteralKind::Int { .. } | LiteralKind::Float { .. })
        }
        _ => false,
    }
}

/// Every `BEGIN` and `END` private-key marker, in order.
fn all_markers(text: &str) -> Vec<Range<usize>> {
    let mut out = private_key_markers(text);
    out.extend(end_markers(text));
    out.sort_by_key(|r| r.start);
    out
}

/// The byte ranges of `-----END [WORDS ]PRIVATE KEY-----` markers in `s`.
fn end_markers(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for start in memchr::memmem::find_iter(s.as_bytes(), END) {
        let rest = &s[start + END.len()..];
        let words = rest
            .bytes()
            .take_while(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || *b == b' ')
            .count();
        if let Some(tail_at) = rest[..words].rfind("PRIVATE")
            && rest[tail_at..].starts_with(TAIL)
        {
            out.push(start..start + END.len() + tail_at + TAIL.len());
        }
    }
    out
}

/// The stretches that hold key bodies: from each `BEGIN` marker to the next `END` marker (or the
/// end of the text), and from the start of the text to an `END` marker that no `BEGIN` opens.
fn body_regions(text: &str, markers: &[Range<usize>]) -> Vec<Range<usize>> {
    let is_begin = |m: &Range<usize>| text[m.clone()].starts_with(BEGIN);
    let mut regions = Vec::new();
    let mut open: Option<usize> = None;
    let mut last_end = 0;
    for m in markers {
        if is_begin(m) {
            open.get_or_insert(m.end);
        } else {
            regions.push(open.take().unwrap_or(last_end)..m.start);
            last_end = m.end;
        }
    }
    if let Some(start) = open {
        regions.push(start..text.len());
    }
    regions
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers() {
        let s = "x -----BEGIN RSA PRIVATE KEY----- y -----BEGIN PRIVATE KEY----- -----BEGIN CERTIFICATE----- -----BEGIN ENCRYPTED PRIVATE KEY-----";
        let found: Vec<&str> = private_key_markers(s).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            found,
            [
                "-----BEGIN RSA PRIVATE KEY-----",
                "-----BEGIN PRIVATE KEY-----",
                "-----BEGIN ENCRYPTED PRIVATE KEY-----"
            ]
        );
        assert!(private_key_markers("-----BEGIN PUBLIC KEY-----").is_empty());
    }

    #[test]
    fn body_and_redaction() {
        let src = "const K: &str = \"-----BEGIN PRIVATE KEY-----\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----\";\nfn f() {}";
        assert_eq!(
            body_run("\\nMIIEvQIBADANBg\\n-----END PRIVATE KEY-----"),
            14
        );
        assert_eq!(body_run("The output will have a header of `x`."), 6);
        let red = redact_private_keys(src, TextKind::Rust).unwrap_or_default();
        assert_eq!(red.len(), src.len());
        assert!(!red.contains("MIIEvQ"));
        assert!(red.contains("-----BEGIN PRIVATE KEY-----\\n**************\\n-----END"));
        assert!(red.ends_with("fn f() {}"));
        assert!(redact_private_keys("fn f() {}", TextKind::Rust).is_none());
    }

    const BODY: &str = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";

    /// Redacts `src` as Rust and asserts that no 8-byte stretch of [`BODY`] survives.
    fn assert_masked(src: &str, kind: TextKind) -> String {
        let red = redact_private_keys(src, kind).unwrap_or_else(|| src.to_string());
        assert_eq!(red.len(), src.len(), "offsets kept");
        for piece in BODY.as_bytes().windows(8) {
            let piece = std::str::from_utf8(piece).unwrap_or_default();
            assert!(!red.contains(piece), "`{piece}` leaked from:\n{red}");
        }
        red
    }

    #[test]
    fn comments_quotes_and_semicolons_between_pieces_do_not_stop_masking() {
        let red = assert_masked(
            &format!(
                "const K: &str = concat!(\"-----BEGIN PRIVATE KEY-----\\n\", // a \"quote\n    \";\", /* ; */ \"{}\\n\",\n    \"{}\\n-----END PRIVATE KEY-----\");\nfn f() {{ g(\"kept\"); }}",
                &BODY[..30],
                &BODY[30..]
            ),
            TextKind::Rust,
        );
        assert!(red.contains("-----BEGIN PRIVATE KEY-----"), "{red}");
        assert!(red.contains("-----END PRIVATE KEY-----"), "{red}");
        assert!(red.ends_with("fn f() { g(\"kept\"); }"), "{red}");
    }

    #[test]
    fn a_body_far_from_its_marker_or_before_it_is_masked() {
        let far = format!(
            "const K: &str = \"-----BEGIN RSA PRIVATE KEY-----\";\n{}\nconst B: &str = \"{BODY}\";\n",
            "// filler\n".repeat(4000)
        );
        assert_masked(&far, TextKind::Rust);
        let before = format!(
            "const B: &str = \"{BODY}\";\nconst K: &str = concat!(\"-----BEGIN PRIVATE KEY-----\", B);\n"
        );
        assert_masked(&before, TextKind::Rust);
    }

    #[test]
    fn other_text_is_masked_everywhere_in_a_body() {
        let toml = format!(
            "[package.metadata]\nkey = \"\"\"\n-----BEGIN PRIVATE KEY-----\n{BODY}\n-----END PRIVATE KEY-----\n\"\"\"\nname = \"kept\"\n"
        );
        let red = assert_masked(&toml, TextKind::Other);
        assert!(red.ends_with("name = \"kept\"\n"), "{red}");
        let message =
            format!("module `e` points at a missing file: `-----BEGIN PRIVATE KEY-----{BODY}`");
        assert_masked(&message, TextKind::Other);
    }

    #[test]
    fn code_and_short_words_stay_readable() {
        let src = "// Loads the key.\nconst KEY: &str = \"-----BEGIN PRIVATE KEY-----\\nAB\\n-----END PRIVATE KEY-----\";\nfn load_certificate_from_pem_file() {}\n";
        let red = redact_private_keys(src, TextKind::Rust).unwrap_or_default();
        assert_eq!(
            red,
            src.replace("\\nAB\\n", "\\n**\\n"),
            "only the body changes"
        );
    }
}
