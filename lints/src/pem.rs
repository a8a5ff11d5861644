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

/// How far past a marker redaction may reach when no `-----END` marker follows.
const MAX_BODY: usize = 16 * 1024;

/// `text` with the body of every private key masked (base64 characters inside string literals
/// after a marker become `*`, up to the `-----END` marker), keeping every byte offset; `None`
/// when `text` holds no marker.
pub fn redact_private_keys(text: &str) -> Option<String> {
    let markers = private_key_markers(text);
    if markers.is_empty() {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for m in markers {
        let limit = (m.end + MAX_BODY).min(text.len());
        let until = text[m.end..limit].find(END).map_or(limit, |i| m.end + i);
        let mut in_string = true;
        let mut i = m.end;
        while i < until {
            let b = bytes[i];
            if b == b'\\' {
                i += 2;
                continue;
            }
            if b == b'"' {
                in_string = !in_string;
            } else if b == b';' && !in_string {
                break;
            } else if in_string && is_base64(b) {
                bytes[i] = b'*';
            }
            i += 1;
        }
    }
    String::from_utf8(bytes).ok()
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
        let red = redact_private_keys(src).unwrap_or_default();
        assert_eq!(red.len(), src.len());
        assert!(!red.contains("MIIEvQ"));
        assert!(red.contains("-----BEGIN PRIVATE KEY-----\\n**************\\n-----END"));
        assert!(red.ends_with("fn f() {}"));
        assert!(redact_private_keys("fn f() {}").is_none());
    }
}
