//! The literal prefilter: a file that contains none of the rules' trigger words (and no
//! suppression marker) cannot produce a finding, so it is never parsed. Needles match exactly,
//! except those written with a leading `(?i)`, which match ASCII case-insensitively (header names,
//! URL options). The two kinds live in two automata so that the exact one keeps
//! aho-corasick's fast literal prefilter.

use aho_corasick::AhoCorasick;

use crate::rules::RULES;
use crate::suppress::MARKER;

/// The prefix that marks a needle as ASCII case-insensitive.
pub const CASELESS: &str = "(?i)";

/// Automata over every rule's needles.
pub struct Prefilter {
    exact: AhoCorasick,
    caseless: Option<AhoCorasick>,
}

impl Prefilter {
    /// Builds the automata from [`RULES`].
    pub fn new() -> Prefilter {
        let needles = RULES.iter().flat_map(|r| r.needles.iter().copied()).chain([MARKER]);
        let (caseless, exact): (Vec<&str>, Vec<&str>) = needles.partition(|n| n.starts_with(CASELESS));
        let exact = AhoCorasick::new(exact).expect("the rules' needles are a small set of literals");
        let caseless = (!caseless.is_empty()).then(|| {
            AhoCorasick::builder()
                .ascii_case_insensitive(true)
                .build(caseless.iter().map(|n| &n[CASELESS.len()..]))
                .expect("the rules' needles are a small set of literals")
        });
        Prefilter { exact, caseless }
    }

    /// Whether `text` may contain a finding.
    pub fn is_match(&self, text: &str) -> bool {
        self.exact.is_match(text) || self.caseless.as_ref().is_some_and(|c| c.is_match(text))
    }
}

impl Default for Prefilter {
    fn default() -> Prefilter {
        Prefilter::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_caseless_needles() {
        let p = Prefilter::new();
        assert!(p.is_match("b.danger_accept_invalid_certs(true)"));
        assert!(!p.is_match("b.Danger_Accept_Invalid_Certs(true)"));
        assert!(p.is_match("// tlslint: allow(x)"));
        assert!(!p.is_match("fn main() {}"));
    }
}
