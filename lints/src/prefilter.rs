//! The literal prefilter: a file that cannot produce a finding is never parsed, and in a file
//! that can, it says where the trigger words are (see [`crate::outline`]). Each rule declares
//! needles; a file is parsed when it satisfies at least one needle of any rule outside its
//! comments (or contains a suppression marker).
//!
//! A needle is a literal, matched exactly, or ASCII case-insensitively when written with a
//! leading `(?i)`. A needle can also require several literals in the same file: parts joined
//! by ` && ` must all be present, and each part may list alternatives joined by ` || `
//! (`(?i)http:// && (?i)auth || (?i)token`: an `http://` URL and a credential word).
//!
//! One pass of one caseless automaton finds every literal (exact ones are then compared byte for
//! byte), walking four stretches of the file at once ([`crate::literal_scan`]). Comments, doc
//! comments included, are never findings (RULES.md), so when some needle is satisfied, rustc's
//! lexer tokenizes the file and the needles are decided again on the words that lie in its
//! tokens: the licence header's `http://` no longer makes a file of string tables worth parsing.
//! Suppression markers are comments and always count. The tokens go on to the outline, so a file
//! is lexed once.

use crate::lex::Lexemes;
use crate::literal_scan::LiteralScan;
use crate::rule::Rule;
use crate::source::prelude_len;
use crate::suppress::MARKER;

/// The prefix that marks a literal as ASCII case-insensitive.
pub const CASELESS: &str = "(?i)";
/// Joins the parts of a needle that must all be present.
pub const AND: &str = " && ";
/// Joins alternatives within a part.
pub const OR: &str = " || ";

/// The automaton over every rule's needles.
pub struct Prefilter {
    /// Every distinct literal text in ASCII lowercase (literals that differ only in case share
    /// one pattern), matched caselessly, in one pass.
    automaton: LiteralScan,
    /// Automaton pattern → the literals it stands for: a literal with its exact text to compare,
    /// or `None` when any case matches.
    literals_of: Vec<Vec<(usize, Option<String>)>>,
    /// Every needle: the group (rule) it belongs to, and its parts as alternatives of literal
    /// indexes.
    needles: Vec<(usize, Vec<Vec<usize>>)>,
    /// Literal index → the groups that have a needle whose first part (its anchor) lists it.
    anchors_of: Vec<Vec<usize>>,
    /// The group of the suppression marker.
    marker_group: usize,
}

/// Where a file that passes the prefilter has its trigger words.
#[derive(Debug, Default)]
pub struct Triggers {
    /// Byte offsets of every occurrence, outside comments, of an anchor of a satisfied needle, in
    /// increasing order. A needle's anchor is its first part: the items that hold it, and the
    /// items connected to them by name, are where its rule's findings lie; the other parts are
    /// conditions on the file (`(?i)http:// && @`: the URL anchors, the `@` only has to be
    /// present). A rule whose finding can join items that no name connects lists the conjunction
    /// in each order, so that every part anchors.
    pub offsets: Vec<usize>,
    /// Whether the whole file must be parsed: it has a suppression comment, whose scoping needs
    /// every statement.
    pub whole_file: bool,
    /// The file's tokens after its BOM and shebang, for the outline (lexed once); `None` when a
    /// literal or comment is unterminated, and the file is then parsed whole.
    pub lexemes: Option<Lexemes>,
}

impl Triggers {
    /// The trigger words of two prefilters over the same text together: a file passes when
    /// either lets it through, and the anchors of both are kept.
    pub fn union(first: Option<Triggers>, second: Option<Triggers>) -> Option<Triggers> {
        match (first, second) {
            (Some(mut a), Some(b)) => {
                a.offsets.extend(b.offsets);
                a.offsets.sort_unstable();
                a.offsets.dedup();
                a.whole_file |= b.whole_file;
                if a.lexemes.is_none() {
                    a.lexemes = b.lexemes;
                }
                Some(a)
            }
            (a, b) => a.or(b),
        }
    }
}

/// One occurrence of a literal: its byte offset and the literal's index.
type Hit = (usize, usize);

impl Prefilter {
    /// Builds the automaton from the needles of `rules` and the suppression marker.
    pub fn new<'r>(rules: impl ExactSizeIterator<Item = &'r Rule>) -> Prefilter {
        let count = rules.len();
        Prefilter::from_needles(
            rules
                .enumerate()
                .flat_map(|(i, r)| r.needles.iter().map(move |n| (i, *n)))
                .chain([(count, MARKER)]),
        )
    }

    /// Builds the automaton from `needles` (one group each, e.g. the policy's declared sinks)
    /// and the suppression marker.
    pub fn of_needles(needles: &[String]) -> Prefilter {
        Prefilter::from_needles(
            needles
                .iter()
                .enumerate()
                .map(|(i, n)| (i, n.as_str()))
                .chain([(needles.len(), MARKER)]),
        )
    }

    /// Builds the automaton from `(group, needle)` pairs; the last group is the marker's.
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
        let mut literals: Vec<&str> = Vec::new();
        let mut patterns: Vec<String> = Vec::new();
        let mut literals_of: Vec<Vec<(usize, Option<String>)>> = Vec::new();
        for literal in parsed.iter().flat_map(|(_, parts)| parts.iter().flatten()) {
            if literals.contains(literal) {
                continue;
            }
            let (text, exact) = match literal.strip_prefix(CASELESS) {
                Some(t) => (t, None),
                None => (*literal, Some(literal.to_string())),
            };
            let pattern = text.to_ascii_lowercase();
            let p = patterns
                .iter()
                .position(|q| *q == pattern)
                .unwrap_or_else(|| {
                    patterns.push(pattern);
                    literals_of.push(Vec::new());
                    patterns.len() - 1
                });
            literals_of[p].push((literals.len(), exact));
            literals.push(literal);
        }
        let mut anchors_of = vec![Vec::new(); literals.len()];
        let needles: Vec<(usize, Vec<Vec<usize>>)> = parsed
            .iter()
            .map(|(group, needle)| {
                let parts: Vec<Vec<usize>> = needle
                    .iter()
                    .map(|alts| {
                        alts.iter()
                            .filter_map(|a| literals.iter().position(|l| l == a))
                            .collect()
                    })
                    .collect();
                for i in parts.first().into_iter().flatten() {
                    if !anchors_of[*i].contains(group) {
                        anchors_of[*i].push(*group);
                    }
                }
                (*group, parts)
            })
            .collect();
        Prefilter {
            automaton: LiteralScan::new(&patterns)
                .expect("the rules' needles are a small set of literals"),
            literals_of,
            needles,
            anchors_of,
            marker_group,
        }
    }

    /// The trigger words of `text`, or `None` when it cannot contain a finding.
    pub fn scan(&self, text: &str) -> Option<Triggers> {
        let bytes = text.as_bytes();
        let mut hits: Vec<Hit> = Vec::new();
        self.automaton.for_each(bytes, |start, pattern| {
            for (literal, exact) in &self.literals_of[pattern] {
                let matches = exact
                    .as_ref()
                    .is_none_or(|e| bytes[start..].starts_with(e.as_bytes()));
                if matches {
                    hits.push((start, *literal));
                }
            }
        });
        self.active_groups(&hits)?;
        hits.sort_unstable();
        let prelude = prelude_len(text);
        let lexemes = Lexemes::of(&text[prelude..]);
        if let Some(lexemes) = &lexemes {
            let mut from = 0;
            hits.retain(|(at, literal)| {
                self.anchors_of[*literal].contains(&self.marker_group)
                    || at
                        .checked_sub(prelude)
                        .is_some_and(|local| lexemes.covers(local, &mut from))
            });
        }
        let active = self.active_groups(&hits)?;
        Some(Triggers {
            offsets: hits
                .into_iter()
                .filter(|(_, literal)| self.anchors_of[*literal].iter().any(|g| active[*g]))
                .map(|(at, _)| at)
                .collect(),
            whole_file: active[self.marker_group],
            lexemes,
        })
    }

    /// For each group, whether one of its needles is satisfied by `hits`; `None` when none is.
    fn active_groups(&self, hits: &[Hit]) -> Option<Vec<bool>> {
        let mut seen = vec![false; self.anchors_of.len()];
        for (_, literal) in hits {
            seen[*literal] = true;
        }
        let mut active = vec![false; self.marker_group + 1];
        for (group, parts) in &self.needles {
            if !active[*group] && parts.iter().all(|alts| alts.iter().any(|a| seen[*a])) {
                active[*group] = true;
            }
        }
        active.iter().any(|a| *a).then_some(active)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exact_and_caseless_needles() {
        let p = Prefilter::from_needles(
            [(0, "danger_accept_invalid_certs"), (1, "tlslint:")].into_iter(),
        );
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
        assert!(p.scan("see(\"http://example.com\")").is_none());
        assert!(p.scan("a token alone").is_none());
        assert!(p.scan("f(\"HTTP://h/\", token)").is_some());
        assert!(p.scan("client.bearer_AUTH(t).get(\"http://h\")").is_some());
        assert!(
            p.scan("f(\"HTTP://h/\", TOKEN)").is_none(),
            "`token` is exact"
        );
    }

    #[test]
    fn words_in_comments_do_not_count() {
        let p = two_rules();
        assert!(p.scan("// exact\nfn f() {}").is_none());
        assert!(p.scan("/* exact */ fn f() {}").is_none());
        assert!(p.scan("/// exact\nfn f() {}").is_none());
        assert!(
            p.scan("f(\"// exact\")").is_some(),
            "a string is not a comment"
        );
        assert!(
            p.scan("// see http://h/\nf(token)").is_none(),
            "the URL is only in a comment"
        );
        let t = p
            .scan("f(\"http://h/\"); // token\ng(token)")
            .expect("both parts outside comments");
        assert_eq!(t.offsets, vec![3], "only the anchor, outside the comment");
        assert!(
            p.scan("f(\"/* exact").is_some(),
            "an unterminated literal keeps every word, so the parser reports the file"
        );
    }

    #[test]
    fn triggers_are_the_literals_of_rules_that_may_fire() {
        let p = two_rules();
        let t = p
            .scan("exact; see(\"http://x\"); a token")
            .expect("`exact` matches");
        assert_eq!(
            t.offsets,
            vec![0, 12],
            "the URL anchors rule 1's needle; `token` is only its condition"
        );
        assert!(!t.whole_file);
        let t = p
            .scan("exact; see(\"http://x\"); // tlslint: allow")
            .expect("matches");
        assert_eq!(
            t.offsets,
            vec![0, 27],
            "`http://` alone does not make rule 1 fire; the marker counts in a comment"
        );
        assert!(t.whole_file);
        let t = p.scan("// tlslint: allow(x)").expect("a marker alone");
        assert!(t.whole_file);
    }
}
