//! The literal prefilter: a file that contains none of the rules' trigger words (and no
//! suppression marker) cannot produce a finding, so it is never parsed. Matching is ASCII
//! case-insensitive, a superset of every rule's needs, so the filter never hides a finding.

use aho_corasick::AhoCorasick;

use crate::rules::RULES;
use crate::suppress::MARKER;

/// One automaton over every rule's needles.
pub struct Prefilter {
    automaton: AhoCorasick,
}

impl Prefilter {
    /// Builds the automaton from [`RULES`].
    pub fn new() -> Prefilter {
        let needles = RULES.iter().flat_map(|r| r.needles.iter().copied()).chain([MARKER]);
        let automaton = AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .build(needles)
            .expect("the rules' needles are a small set of literals");
        Prefilter { automaton }
    }

    /// Whether `text` may contain a finding.
    pub fn is_match(&self, text: &str) -> bool {
        self.automaton.is_match(text)
    }
}

impl Default for Prefilter {
    fn default() -> Prefilter {
        Prefilter::new()
    }
}
