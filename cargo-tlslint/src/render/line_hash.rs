//! GitHub's `primaryLocationLineHash`: the fingerprint GitHub code scanning computes for a
//! result's line when a SARIF file lacks one (`github/codeql-action`, `src/fingerprints.ts`). For
//! every line, a rolling hash (base 37, 64-bit wrapping) over the first 100 characters from the
//! line's start, spaces and tabs skipped, `\r\n` and `\r` read as `\n`, the file followed by an
//! end marker and zeros; then `:` and how many lines before it, counting this one, had the same
//! hash. Characters are UTF-16 code units, as JavaScript reads them. Writing it ourselves lets
//! GitHub track an alert across runs exactly as it does for CodeQL's.

use std::collections::HashMap;

/// The number of characters (spaces and tabs not counted) a line's hash covers.
const BLOCK: usize = 100;
/// The base of the rolling hash.
const BASE: u64 = 37;
/// The character read after the last one.
const END: u64 = 65535;

/// The hash of every line of `text`: element `i` is line `i + 1`'s, `"<hex>:<occurrence>"`.
pub fn line_hashes(text: &str) -> Vec<String> {
    let mut hasher = Hasher::new();
    for unit in text.encode_utf16() {
        hasher.push(u64::from(unit));
    }
    hasher.push(END);
    for _ in 0..BLOCK {
        hasher.emit_due();
        hasher.roll(0);
    }
    hasher.hashes
}

/// The rolling state.
struct Hasher {
    /// The last [`BLOCK`] characters.
    window: [u64; BLOCK],
    /// For each slot of the window, the line that starts with its character (0: none).
    starts: [usize; BLOCK],
    /// The slot the next character goes to.
    index: usize,
    /// The hash of the window.
    hash: u64,
    /// [`BASE`] to the power [`BLOCK`]: what the character leaving the window weighed.
    leaving: u64,
    /// Lines started so far.
    lines: usize,
    /// Whether the next character starts a line.
    line_start: bool,
    /// Whether the previous character was `\r`.
    after_cr: bool,
    /// How many lines had each hash so far.
    seen: HashMap<u64, usize>,
    /// The hashes of the lines whose window is complete, in line order.
    hashes: Vec<String>,
}

impl Hasher {
    fn new() -> Hasher {
        Hasher {
            window: [0; BLOCK],
            starts: [0; BLOCK],
            index: 0,
            hash: 0,
            leaving: (0..BLOCK).fold(1u64, |p, _| p.wrapping_mul(BASE)),
            lines: 0,
            line_start: true,
            after_cr: false,
            seen: HashMap::new(),
            hashes: Vec::new(),
        }
    }

    /// Reads one character.
    fn push(&mut self, c: u64) {
        const TAB: u64 = b'\t' as u64;
        const SPACE: u64 = b' ' as u64;
        const LF: u64 = b'\n' as u64;
        const CR: u64 = b'\r' as u64;
        if c == SPACE || c == TAB || (self.after_cr && c == LF) {
            self.after_cr = false;
            return;
        }
        self.after_cr = c == CR;
        let c = if c == CR { LF } else { c };
        self.emit_due();
        if self.line_start {
            self.line_start = false;
            self.lines += 1;
            self.starts[self.index] = self.lines;
        }
        if c == LF {
            self.line_start = true;
        }
        self.roll(c);
    }

    /// Records the hash of the line whose first character is about to leave the window.
    fn emit_due(&mut self) {
        if self.starts[self.index] == 0 {
            return;
        }
        let count = self.seen.entry(self.hash).or_default();
        *count += 1;
        self.hashes.push(format!("{:x}:{count}", self.hash));
        self.starts[self.index] = 0;
    }

    /// Moves the window one character on.
    fn roll(&mut self, c: u64) {
        let leaving = std::mem::replace(&mut self.window[self.index], c);
        self.hash = BASE
            .wrapping_mul(self.hash)
            .wrapping_add(c)
            .wrapping_sub(self.leaving.wrapping_mul(leaving));
        self.index = (self.index + 1) % BLOCK;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    // The expected values were printed by the `hash` function of github/codeql-action's
    // `src/fingerprints.ts` (commit 0225834), run under node with the `long` package.

    #[test]
    fn matches_githubs_hashes() {
        let text = "fn main() {\n    let x = 1;\n\n    let x = 1;\r\n\tlet y = \"é€😀\";\n}\n";
        assert_eq!(
            line_hashes(text),
            [
                "fcd407cf5c9171ed:1",
                "38f305c97a87b192:1",
                "2717c2a22be1234a:1",
                "ae4efb6a58698748:1",
                "a7a66b6323bec440:1",
                "32dce9ccfdbc9d3e:1",
                "c129715d7a2bc9a3:1",
            ]
        );
    }

    #[test]
    fn counts_repeated_hashes_and_covers_a_hundred_characters() {
        let repeated = line_hashes(&"x\n".repeat(60));
        assert_eq!(repeated.len(), 61);
        assert_eq!(repeated[0], "c0fe7b2700d6c254:1");
        assert_eq!(repeated[10], "c0fe7b2700d6c254:11");
        assert_eq!(repeated[11], "c0fe7b2700fbb0cd:1");
        assert_eq!(repeated[12], "c0fe7b27c655f603:1");
        assert_eq!(repeated[59], "828973aa50c68d6d:1");
        let long = line_hashes(&format!("{}\nb", "a".repeat(150)));
        assert_eq!(long, ["871f6af4d0d4dd7c:1", "8ee5a81e681643c1:1"]);
    }
}
