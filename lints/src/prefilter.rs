//! The literal prefilter: a file that cannot produce a finding is never parsed. Each rule
//! declares needles; a file is parsed when it satisfies at least one needle of any rule (or
//! contains a suppression marker).
//!
//! A needle is a literal, matched exactly, or ASCII case-insensitively when written with a
//! leading `(?i)`. A needle can also require several literals in the same file: parts joined
//! by ` && ` must all be present, and each part may list alternatives joined by ` || `
//! (`(?i)http:// && (?i)auth || (?i)token`: an `http://` URL and a credential word). The
//! literals live in two automata (exact and caseless), so the exact one keeps aho-corasick's fast
//! literal search.

use aho_corasick::AhoCorasick;

use crate::rules::RULES;
use crate::suppress::MARKER;

/// The prefix that marks a literal as ASCII case-insensitive.
pub const CASELESS: &str = "(?i)";
/// Joins the parts of a needle that must all be present.
pub const AND: &str = " && ";
/// Joins alternatives within a part.
pub const OR: &str = " || ";

/// Automata over every rule's needles.
pub struct Prefilter {
    /// Quick automata over the literals that alone satisfy a needle and the first parts of the
    /// conjunctions: a file with none of them cannot match, which is the common case.
    quick_exact: AhoCorasick,
    quick_caseless: AhoCorasick,
    exact: AhoCorasick,
    caseless: AhoCorasick,
    /// Literal index → whether finding it alone satisfies a needle.
    sufficient: Vec<bool>,
    /// Needles with several parts, as alternatives of literal indexes per part.
    conjunctions: Vec<Vec<Vec<usize>>>,
    /// How many literals the exact automaton holds (caseless indexes follow).
    exact_len: usize,
}

impl Prefilter {
    /// Builds the automata from [`RULES`].
    pub fn new() -> Prefilter {
        Prefilter::from_needles(
            RULES
                .iter()
                .flat_map(|r| r.needles.iter().copied())
                .chain([MARKER]),
        )
    }

    fn from_needles<'n>(needles: impl Iterator<Item = &'n str>) -> Prefilter {
        let parsed: Vec<Vec<Vec<&str>>> = needles
            .map(|n| {
                n.split(AND)
                    .map(|part| part.split(OR).map(str::trim).collect())
                    .collect()
            })
            .collect();
        let mut exact: Vec<&str> = Vec::new();
        let mut caseless: Vec<&str> = Vec::new();
        for literal in parsed.iter().flatten().flatten() {
            let (list, text) = match literal.strip_prefix(CASELESS) {
                Some(t) => (&mut caseless, t),
                None => (&mut exact, *literal),
            };
            if !list.contains(&text) {
                list.push(text);
            }
        }
        let index = |literal: &str| match literal.strip_prefix(CASELESS) {
            Some(t) => exact.len() + caseless.iter().position(|c| *c == t).unwrap_or(0),
            None => exact.iter().position(|e| *e == literal).unwrap_or(0),
        };
        let mut sufficient = vec![false; exact.len() + caseless.len()];
        let mut conjunctions = Vec::new();
        for needle in &parsed {
            let parts: Vec<Vec<usize>> = needle
                .iter()
                .map(|alts| alts.iter().map(|a| index(a)).collect())
                .collect();
            if let [single] = parts.as_slice() {
                single.iter().for_each(|i| sufficient[*i] = true);
            } else {
                conjunctions.push(parts);
            }
        }
        let build = |literals: &[&str], caseless: bool| {
            AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .ascii_case_insensitive(caseless)
                .build(literals)
                .expect("the rules' needles are a small set of literals")
        };
        let mut quick = vec![false; sufficient.len()];
        for (i, s) in sufficient.iter().enumerate() {
            quick[i] = *s;
        }
        for parts in &conjunctions {
            for i in parts.first().into_iter().flatten() {
                quick[*i] = true;
            }
        }
        let quick_exact: Vec<&str> = exact
            .iter()
            .enumerate()
            .filter(|(i, _)| quick[*i])
            .map(|(_, l)| *l)
            .collect();
        let quick_caseless: Vec<&str> = caseless
            .iter()
            .enumerate()
            .filter(|(i, _)| quick[exact.len() + i])
            .map(|(_, l)| *l)
            .collect();
        Prefilter {
            quick_exact: build(&quick_exact, false),
            quick_caseless: build(&quick_caseless, true),
            exact: build(&exact, false),
            caseless: build(&caseless, true),
            sufficient,
            conjunctions,
            exact_len: exact.len(),
        }
    }

    /// Whether `text` may contain a finding.
    pub fn is_match(&self, text: &str) -> bool {
        if !self.quick_exact.is_match(text) && !self.quick_caseless.is_match(text) {
            return false;
        }
        self.matches_exactly(text)
    }

    /// The full evaluation: every literal occurrence, overlapping ones included.
    fn matches_exactly(&self, text: &str) -> bool {
        let mut seen = vec![false; self.sufficient.len()];
        let matches = self
            .exact
            .find_overlapping_iter(text)
            .map(|m| m.pattern().as_usize())
            .chain(
                self.caseless
                    .find_overlapping_iter(text)
                    .map(|m| self.exact_len + m.pattern().as_usize()),
            );
        for literal in matches {
            if self.sufficient[literal] {
                return true;
            }
            seen[literal] = true;
        }
        self.conjunctions
            .iter()
            .any(|parts| parts.iter().all(|alts| alts.iter().any(|a| seen[*a])))
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

    #[test]
    fn conjunctions_need_every_part() {
        let p = Prefilter::from_needles(["exact", "(?i)http:// && (?i)auth || token"].into_iter());
        assert!(p.is_match("xx exact yy"));
        assert!(!p.is_match("see http://example.com"));
        assert!(!p.is_match("a token alone"));
        assert!(p.is_match("HTTP://h/ with a token"));
        assert!(p.is_match("client.bearer_AUTH(t).get(\"http://h\")"));
        assert!(!p.is_match("HTTP://h/ with a TOKEN"), "`token` is exact");
    }
}
