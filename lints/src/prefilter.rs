//! The literal prefilter: a file that cannot produce a finding is never parsed, and in a file
//! that can, it says where the trigger words are (see [`crate::outline`]). Each rule declares
//! needles; a file is parsed when it satisfies at least one needle of any rule (or contains a
//! suppression marker).
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
    /// One quick automaton over the first part of every needle, all matched caselessly (a
    /// superset of the exact ones): a file with none of them cannot match, which is the common
    /// case, and one pass over it says so.
    quick: AhoCorasick,
    exact: AhoCorasick,
    caseless: AhoCorasick,
    /// Every needle: the group (rule) it belongs to, and its parts as alternatives of literal
    /// indexes.
    needles: Vec<(usize, Vec<Vec<usize>>)>,
    /// Literal index → the groups that have a needle using it.
    groups_of: Vec<Vec<usize>>,
    /// The group of the suppression marker.
    marker_group: usize,
    /// How many literals the exact automaton holds (caseless indexes follow).
    exact_len: usize,
}

/// Where a file that passes the prefilter has its trigger words.
#[derive(Debug, Default)]
pub struct Triggers {
    /// Byte offsets of every occurrence of a literal that belongs to a rule with a satisfied
    /// needle, in increasing order.
    pub offsets: Vec<usize>,
    /// Whether the whole file must be parsed: it has a suppression comment, whose scoping needs
    /// every statement.
    pub whole_file: bool,
}

impl Prefilter {
    /// Builds the automata from [`RULES`].
    pub fn new() -> Prefilter {
        Prefilter::from_needles(
            RULES
                .iter()
                .enumerate()
                .flat_map(|(i, r)| r.needles.iter().map(move |n| (i, *n)))
                .chain([(RULES.len(), MARKER)]),
        )
    }

    /// Builds the automata from `(group, needle)` pairs; the last group is the marker's.
    fn from_needles<'n>(needles: impl Iterator<Item = (usize, &'n str)>) -> Prefilter {
        let parsed: Vec<(usize, Vec<Vec<&str>>)> = needles
            .map(|(group, n)| {
                let parts = n
                    .split(AND)
                    .map(|part| part.split(OR).map(str::trim).collect())
                    .collect();
                (group, parts)
            })
            .collect();
        let marker_group = parsed.iter().map(|(g, _)| *g).max().unwrap_or(0);
        let mut exact: Vec<&str> = Vec::new();
        let mut caseless: Vec<&str> = Vec::new();
        for literal in parsed.iter().flat_map(|(_, parts)| parts.iter().flatten()) {
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
        let literal_count = exact.len() + caseless.len();
        let mut groups_of = vec![Vec::new(); literal_count];
        let mut quick = vec![false; literal_count];
        let needles: Vec<(usize, Vec<Vec<usize>>)> = parsed
            .iter()
            .map(|(group, needle)| {
                let parts: Vec<Vec<usize>> = needle
                    .iter()
                    .map(|alts| alts.iter().map(|a| index(a)).collect())
                    .collect();
                for i in parts.iter().flatten() {
                    if !groups_of[*i].contains(group) {
                        groups_of[*i].push(*group);
                    }
                }
                for i in parts.first().into_iter().flatten() {
                    quick[*i] = true;
                }
                (*group, parts)
            })
            .collect();
        let build = |literals: &[&str], caseless: bool| {
            AhoCorasick::builder()
                .kind(Some(aho_corasick::AhoCorasickKind::DFA))
                .ascii_case_insensitive(caseless)
                .build(literals)
                .expect("the rules' needles are a small set of literals")
        };
        let quick_literals: Vec<&str> = exact
            .iter()
            .chain(&caseless)
            .zip(&quick)
            .filter(|(_, q)| **q)
            .map(|(l, _)| *l)
            .collect();
        Prefilter {
            quick: build(&quick_literals, true),
            exact: build(&exact, false),
            caseless: build(&caseless, true),
            needles,
            groups_of,
            marker_group,
            exact_len: exact.len(),
        }
    }

    /// The trigger words of `text`, or `None` when it cannot contain a finding.
    pub fn scan(&self, text: &str) -> Option<Triggers> {
        if !self.quick.is_match(text) {
            return None;
        }
        let mut seen = vec![false; self.groups_of.len()];
        let mut found: Vec<(usize, usize)> = self
            .exact
            .find_overlapping_iter(text)
            .map(|m| (m.start(), m.pattern().as_usize()))
            .chain(
                self.caseless
                    .find_overlapping_iter(text)
                    .map(|m| (m.start(), self.exact_len + m.pattern().as_usize())),
            )
            .collect();
        for (_, literal) in &found {
            seen[*literal] = true;
        }
        let mut active = vec![false; self.marker_group + 1];
        for (group, parts) in &self.needles {
            if !active[*group] && parts.iter().all(|alts| alts.iter().any(|a| seen[*a])) {
                active[*group] = true;
            }
        }
        if !active.iter().any(|a| *a) {
            return None;
        }
        found.retain(|(_, literal)| self.groups_of[*literal].iter().any(|g| active[*g]));
        found.sort_unstable();
        Some(Triggers {
            offsets: found.into_iter().map(|(at, _)| at).collect(),
            whole_file: active[self.marker_group],
        })
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
        assert!(p.scan("b.danger_accept_invalid_certs(true)").is_some());
        assert!(p.scan("b.Danger_Accept_Invalid_Certs(true)").is_none());
        assert!(p.scan("// tlslint: allow(x)").is_some());
        assert!(p.scan("fn main() {}").is_none());
    }

    fn two_rules() -> Prefilter {
        Prefilter::from_needles(
            [
                (0, "exact"),
                (1, "(?i)http:// && (?i)auth || token"),
                (2, "tlslint:"),
            ]
            .into_iter(),
        )
    }

    #[test]
    fn conjunctions_need_every_part() {
        let p = two_rules();
        assert!(p.scan("xx exact yy").is_some());
        assert!(p.scan("see http://example.com").is_none());
        assert!(p.scan("a token alone").is_none());
        assert!(p.scan("HTTP://h/ with a token").is_some());
        assert!(p.scan("client.bearer_AUTH(t).get(\"http://h\")").is_some());
        assert!(
            p.scan("HTTP://h/ with a TOKEN").is_none(),
            "`token` is exact"
        );
    }

    #[test]
    fn triggers_are_the_literals_of_rules_that_may_fire() {
        let p = two_rules();
        let t = p
            .scan("exact; see http://x; a token")
            .expect("`exact` matches");
        assert_eq!(t.offsets, vec![0, 11, 23]);
        assert!(!t.whole_file);
        let t = p
            .scan("exact; see http://x; // tlslint: allow")
            .expect("matches");
        assert_eq!(
            t.offsets,
            vec![0, 24],
            "`http://` alone does not make rule 1 fire"
        );
        assert!(t.whole_file);
    }
}
