//! The item outline of a file and the focus it gives the parser: only the items that contain a
//! trigger word, and the items connected to them by name, need syn.
//!
//! A generated file of a megabyte (Windows bindings, an SDK's endpoint tables) often passes the
//! prefilter for one URL in one doc comment beside one `_auth` field; parsing all of it costs
//! far more than the rules that then look at two items. rustc's own lexer (`ra-ap-rustc_lexer`)
//! splits the file into items instead (the items of inline modules, `extern` blocks and `impl`
//! blocks included), and [`focus`] blanks every item the rules cannot need. Blanking keeps every
//! byte offset and line, so spans, diagnostics and the original text stay as they are.
//!
//! The *seeds* are the items that contain an anchor (a needle's first part) of a rule that may
//! fire ([`crate::prefilter::Triggers`]); an `impl` whose header holds one is a seed as a whole,
//! other `impl` blocks are split into their methods. Then an item is kept when
//! - it is a seed, or a `use`, `extern crate` or `mod name;` item, or a module's inner
//!   attributes, or it names a `…Verifier` type (verifier-helper facts cover the whole file);
//! - it is *primary*: it names a function, constant, static or type defined by a seed (or names
//!   a constant defined by a primary item), or a name imported by a seed `use`: the call sites
//!   and users of what a seed defines, and every other function of the same name;
//! - a primary item names what it defines (a function, constant, static, type, trait, macro, the
//!   type of an `impl`, an inline `format!` argument), or a constant named by such an item:
//!   values, helpers and verifier types resolve.
//!
//! Rules therefore obey one contract (ARCHITECTURE.md): a finding rests on an item holding one
//! of its rule's trigger words, on what that item reaches by name and on the items that use it.
//! A file the lexer rejects (an unterminated literal, unbalanced delimiters) is parsed whole, so
//! syn reports the error; a syntax error in a blanked item is left to rustc.

use std::ops::Range;

use ra_ap_rustc_lexer::TokenKind;
use rustc_hash::FxHashMap;

use crate::lex::{Lexemes, Token, group_depth, match_delimiters};
use crate::nesting::MAX_GROUP_DEPTH;
use crate::verifier::HELPER_RETURN_WORD;

/// Keywords that continue an expression after a closing brace (`if … { } else { }`), so a brace
/// that closes before them does not end the item.
const CONTINUES_AFTER_BRACE: [&str; 2] = ["else", "as"];

/// Keywords whose next identifier names a type, trait or macro.
const TYPE_DEFINERS: [&str; 6] = ["struct", "enum", "union", "type", "trait", "macro_rules"];

/// Keywords: never a name an item defines (`const fn f` defines `f`, not `fn`).
const KEYWORDS: [&str; 12] = [
    "fn", "mut", "unsafe", "async", "extern", "const", "static", "_", "impl", "dyn", "crate",
    "self",
];

/// `text` with every item the rules cannot need blanked out (bytes replaced by spaces, line
/// breaks kept), or `None` when every item is needed or the file cannot be outlined (its
/// tokens do not balance, or nest deeper than [`MAX_GROUP_DEPTH`]).
pub fn focus(text: &str, lexemes: &Lexemes, triggers: &[usize]) -> Option<String> {
    // The outline recurses once per nested container: a file nested deeper than the parser's
    // bound is parsed whole, and the parser reports it.
    if group_depth(lexemes.tokens().iter().map(|(kind, _)| *kind)) > MAX_GROUP_DEPTH {
        return None;
    }
    let tokens = lexemes.with_text(text);
    let partners = match_delimiters(&tokens)?;
    let mut outline = Outline {
        chunks: Vec::new(),
        triggers,
        names: Names::default(),
    };
    outline.body(&tokens, &partners, 0..tokens.len(), 0..text.len(), None);
    let kept = outline.kept();
    if kept.iter().all(|k| *k) {
        return None;
    }
    let mut bytes = text.as_bytes().to_vec();
    for (chunk, _) in outline.chunks.iter().zip(&kept).filter(|(_, k)| !**k) {
        for b in &mut bytes[chunk.range.clone()] {
            if *b != b'\n' && *b != b'\r' {
                *b = b' ';
            }
        }
    }
    String::from_utf8(bytes).ok()
}

/// The items of a file, nested ones after their container.
struct Outline<'t, 'g> {
    chunks: Vec<Chunk>,
    /// The byte offsets of the trigger words, in increasing order.
    triggers: &'g [usize],
    names: Names<'t>,
}

/// The identifiers of a file, each numbered once: chunks record numbers, so that finding who
/// defines or mentions a name indexes a vector instead of hashing the name again.
#[derive(Default)]
struct Names<'t> {
    ids: FxHashMap<&'t str, u32>,
    /// Per name: whether it holds [`HELPER_RETURN_WORD`].
    helper: Vec<bool>,
    /// Per name: the chunk that last mentioned it, plus one (0: none yet), so that a chunk
    /// records a name once.
    last_mentioned_by: Vec<usize>,
}

impl<'t> Names<'t> {
    fn id(&mut self, name: &'t str) -> u32 {
        let next = self.helper.len();
        let id = *self
            .ids
            .entry(name)
            .or_insert_with(|| u32::try_from(next).expect("fewer names than bytes in a file"));
        if id as usize == next {
            self.helper.push(name.contains(HELPER_RETURN_WORD));
            self.last_mentioned_by.push(0);
        }
        id
    }

    /// How many names are numbered.
    fn len(&self) -> usize {
        self.helper.len()
    }

    /// Whether `chunk` mentions `id` for the first time (and records that it does).
    fn first_mention(&mut self, id: u32, chunk: usize) -> bool {
        let last = &mut self.last_mentioned_by[id as usize];
        let first = *last != chunk + 1;
        *last = chunk + 1;
        first
    }
}

/// One item (with the comments and attributes before it), or the inner attributes of a module.
/// Names are numbers given by [`Names`].
struct Chunk {
    /// Its bytes: from the end of the previous item to its last token.
    range: Range<usize>,
    /// The inline module or `extern` block it belongs to.
    parent: Option<usize>,
    /// Whether it is always kept (`use`, `mod name;`, inner attributes).
    always: bool,
    /// Whether it is a `const` or `static` item (whose value may name other constants).
    constant: bool,
    /// The identifiers it mentions, each once.
    mentions: Vec<u32>,
    /// The functions, constants and statics it defines (methods and nested ones included).
    values: Vec<u32>,
    /// The types, traits and macros it defines, and the type it implements.
    types: Vec<u32>,
}

impl<'t> Outline<'t, '_> {
    /// Outlines the items of the tokens `span`, whose bytes are `bytes`.
    fn body(
        &mut self,
        tokens: &[Token<'t>],
        partners: &[usize],
        span: Range<usize>,
        bytes: Range<usize>,
        parent: Option<usize>,
    ) {
        let mut i = span.start;
        let mut start = bytes.start;
        while i + 2 < span.end
            && tokens[i].kind == TokenKind::Pound
            && tokens[i + 1].kind == TokenKind::Bang
            && tokens[i + 2].kind == TokenKind::OpenBracket
        {
            i = partners[i + 2] + 1;
        }
        if i > span.start {
            let end = tokens[i - 1].range.end;
            self.push(
                start..end,
                parent,
                &tokens[span.start..i],
                Kind::InnerAttributes,
            );
            start = end;
        }
        while i < span.end {
            let last = item_end(tokens, partners, i, span.end);
            let end = tokens[last].range.end;
            let item = &tokens[i..=last];
            let head = after_attributes(item, partners, i);
            let kind = Kind::of(&item[head..]);
            let header_has_trigger =
                |inner: &Range<usize>| self.has_trigger(start..tokens[inner.start - 1].range.end);
            match container_body(item, partners, i, head, kind)
                .filter(|inner| kind != Kind::Impl || !header_has_trigger(inner))
            {
                Some(inner) => {
                    let me = self.chunks.len();
                    self.push(start..end, parent, &[], Kind::Other);
                    let body_bytes =
                        tokens[inner.start - 1].range.end..tokens[inner.end].range.start;
                    self.body(tokens, partners, inner, body_bytes, Some(me));
                }
                None => self.push(start..end, parent, item, kind),
            }
            start = end;
            i = last + 1;
        }
    }

    /// Records a chunk with the names its tokens `item` mention and define. Functions count
    /// as defined at the item's top level, and one level down in an `impl` or `trait` (its
    /// methods); functions nested in bodies are local and do not count. Constants and statics
    /// count at any depth, because values resolve through them by name.
    fn push(&mut self, range: Range<usize>, parent: Option<usize>, item: &[Token<'t>], kind: Kind) {
        let members_visible = matches!(kind, Kind::Impl | Kind::Trait);
        let me = self.chunks.len();
        let mut depth = 0usize;
        let mut chunk = Chunk {
            range,
            parent,
            always: matches!(kind, Kind::InnerAttributes | Kind::Use | Kind::Declaration),
            constant: kind == Kind::Constant,
            mentions: Vec::new(),
            values: Vec::new(),
            types: Vec::new(),
        };
        for (j, t) in item.iter().enumerate() {
            let name = match t.kind {
                TokenKind::OpenBrace => {
                    depth += 1;
                    continue;
                }
                TokenKind::CloseBrace => {
                    depth = depth.saturating_sub(1);
                    continue;
                }
                TokenKind::Ident => t.text,
                TokenKind::RawIdent => t.text.trim_start_matches("r#"),
                TokenKind::Literal { .. } => {
                    for name in format_arguments(t.text) {
                        let id = self.names.id(name);
                        if self.names.first_mention(id, me) {
                            chunk.mentions.push(id);
                        }
                    }
                    continue;
                }
                _ => continue,
            };
            let id = self.names.id(name);
            if self.names.first_mention(id, me) {
                chunk.mentions.push(id);
                chunk.always |= self.names.helper[id as usize];
            }
            let before = |k: usize| j.checked_sub(k).map(|at| &item[at]);
            // The keyword that may define `name`: the identifier before it, or the one before a
            // `mut` (`static mut X`) or a `!` (`macro_rules! m`).
            let definer = match before(1) {
                Some(b) if b.is_ident("mut") || b.kind == TokenKind::Bang => {
                    before(2).filter(|b| b.kind == TokenKind::Ident)
                }
                Some(b) if b.kind == TokenKind::Ident => Some(b),
                _ => None,
            };
            let Some(definer) = definer else {
                continue;
            };
            // `*const T`, `<const N: usize>`: a type or a generic parameter, not a definition.
            let raw_pointer_or_generic = definer.is_ident("const")
                && before(2).is_some_and(|b| {
                    matches!(b.kind, TokenKind::Star | TokenKind::Lt | TokenKind::Comma)
                });
            if raw_pointer_or_generic || KEYWORDS.contains(&name) {
                continue;
            }
            match definer.text {
                "const" | "static" => chunk.values.push(id),
                "fn" if depth == 0 || (depth == 1 && members_visible) => chunk.values.push(id),
                word if TYPE_DEFINERS.contains(&word) => chunk.types.push(id),
                _ => {}
            }
        }
        if let Some(name) = impl_self_type(item) {
            chunk.types.push(self.names.id(name));
        }
        if kind == Kind::Use {
            // The names a `use` brings into scope (aliases included) stand for what it imports:
            // a `use` with a trigger word reaches their users.
            chunk.values = chunk.mentions.clone();
        }
        self.chunks.push(chunk);
    }

    /// Whether a trigger word lies in `bytes`.
    fn has_trigger(&self, bytes: Range<usize>) -> bool {
        let first = self.triggers.partition_point(|t| *t < bytes.start);
        self.triggers.get(first).is_some_and(|t| *t < bytes.end)
    }

    /// Which chunks the rules need (see the module documentation): seeds and the chunks that
    /// use what a seed defines are primary and keep whatever they name; a chunk kept only because
    /// a primary one names it keeps just the constants it names in turn.
    fn kept(&self) -> Vec<bool> {
        let n = self.chunks.len();
        let mut kept: Vec<bool> = self.chunks.iter().map(|c| c.always).collect();
        let mut queue: Vec<(usize, bool)> = self
            .triggers
            .iter()
            .filter_map(|at| self.innermost_at(*at))
            .map(|c| (c, true))
            .collect();
        // Per name, the chunks that define it and, for names some chunk defines (the only ones
        // asked about), the chunks that mention it.
        let mut definers: Vec<Vec<usize>> = vec![Vec::new(); self.names.len()];
        let mut mentioners: Vec<Vec<usize>> = vec![Vec::new(); self.names.len()];
        for (c, chunk) in self.chunks.iter().enumerate() {
            for name in chunk.values.iter().chain(&chunk.types) {
                definers[*name as usize].push(c);
            }
        }
        for (c, chunk) in self.chunks.iter().enumerate() {
            for name in &chunk.mentions {
                if !definers[*name as usize].is_empty() {
                    mentioners[*name as usize].push(c);
                }
            }
        }
        let mut seed = vec![false; n];
        for (c, _) in &queue {
            seed[*c] = true;
        }
        let mut primary = vec![false; n];
        let mut secondary = vec![false; n];
        // Per name, what has been queued for it already: all its definers (as secondary), its
        // constant definers, its users (as primary). Each name is expanded once per kind, so a
        // name that thousands of chunks define and mention (a trait method) costs its definers
        // once, not once per mentioning chunk.
        let names = self.names.len();
        let mut definers_queued = vec![false; names];
        let mut constants_queued = vec![false; names];
        let mut users_queued = vec![false; names];
        while let Some((c, is_primary)) = queue.pop() {
            if primary[c] || (!is_primary && secondary[c]) {
                continue;
            }
            kept[c] = true;
            let chunk = &self.chunks[c];
            if is_primary {
                primary[c] = true;
                for m in &chunk.mentions {
                    if !std::mem::replace(&mut definers_queued[*m as usize], true) {
                        queue.extend(definers[*m as usize].iter().map(|d| (*d, false)));
                    }
                }
                if seed[c] || chunk.constant {
                    let types = if seed[c] { &chunk.types[..] } else { &[] };
                    for v in chunk.values.iter().chain(types) {
                        if !std::mem::replace(&mut users_queued[*v as usize], true) {
                            queue.extend(mentioners[*v as usize].iter().map(|u| (*u, true)));
                        }
                    }
                }
            } else {
                secondary[c] = true;
                for m in &chunk.mentions {
                    let m = *m as usize;
                    if !definers_queued[m] && !std::mem::replace(&mut constants_queued[m], true) {
                        queue.extend(
                            definers[m]
                                .iter()
                                .filter(|d| self.chunks[**d].constant)
                                .map(|d| (*d, false)),
                        );
                    }
                }
            }
        }
        for c in (0..n).rev() {
            if kept[c]
                && let Some(p) = self.chunks[c].parent
            {
                kept[p] = true;
            }
        }
        kept
    }

    /// The innermost chunk whose bytes contain `at` (a container's own bytes are its header and
    /// closing brace).
    /// Chunks are in order of their start, and a nested chunk starts after its container.
    fn innermost_at(&self, at: usize) -> Option<usize> {
        let mut c = self
            .chunks
            .partition_point(|c| c.range.start <= at)
            .checked_sub(1)?;
        while !self.chunks[c].range.contains(&at) {
            c = self.chunks[c].parent?;
        }
        Some(c)
    }
}

/// The index of the last token of the item starting at `i`: its `;` at depth 0, or a closing
/// brace at depth 0 that is followed by the start of another item (or nothing).
fn item_end(tokens: &[Token<'_>], partners: &[usize], i: usize, end: usize) -> usize {
    let mut j = i;
    while j < end {
        match tokens[j].kind {
            TokenKind::Semi => return j,
            TokenKind::OpenBrace => {
                let close = partners[j];
                let next = tokens[close + 1..end].first();
                let ends = match next {
                    None => true,
                    Some(t) => {
                        t.kind == TokenKind::Pound
                            || t.kind == TokenKind::RawIdent
                            || (t.kind == TokenKind::Ident
                                && !CONTINUES_AFTER_BRACE.contains(&t.text))
                    }
                };
                if ends {
                    return close;
                }
                j = close + 1;
            }
            TokenKind::OpenParen | TokenKind::OpenBracket => j = partners[j] + 1,
            _ => j += 1,
        }
    }
    end - 1
}

/// The names a string literal may use as inline `format!` arguments: the identifier after each
/// `{` (`"max-age={AGE}"` names `AGE`).
fn format_arguments(literal: &str) -> impl Iterator<Item = &str> {
    literal.match_indices('{').filter_map(move |(at, _)| {
        let rest = &literal[at + 1..];
        let len = rest
            .find(|c: char| !(c.is_ascii_alphanumeric() || c == '_'))
            .unwrap_or(rest.len());
        let name = &rest[..len];
        name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
            .then_some(name)
    })
}

/// The first token after an item's outer attributes and visibility.
fn after_attributes(item: &[Token<'_>], partners: &[usize], base: usize) -> usize {
    let mut k = 0;
    while k + 1 < item.len()
        && item[k].kind == TokenKind::Pound
        && item[k + 1].kind == TokenKind::OpenBracket
    {
        k = partners[base + k + 1] - base + 1;
    }
    if item.get(k).is_some_and(|t| t.is_ident("pub")) {
        k += 1;
        if item.get(k).is_some_and(|t| t.kind == TokenKind::OpenParen) {
            k = partners[base + k] - base + 1;
        }
    }
    k
}

/// For `mod name { … }`, `[unsafe] extern "abi" { … }` and `impl … { … }`, the token range
/// of the body.
/// `head` is the index in `item` of its first token after attributes and visibility.
fn container_body(
    item: &[Token<'_>],
    partners: &[usize],
    base: usize,
    head: usize,
    kind: Kind,
) -> Option<Range<usize>> {
    let k = head;
    let rest = item.get(k..)?;
    if kind == Kind::Impl {
        let brace = rest.iter().position(|t| t.kind == TokenKind::OpenBrace)?;
        return (partners[base + k + brace] == base + item.len() - 1)
            .then(|| base + k + brace + 1..base + item.len() - 1);
    }
    let brace = match rest {
        [m, name, b, ..] if m.is_ident("mod") && name.kind == TokenKind::Ident => (k + 2, b),
        [u, e, b, ..] if u.is_ident("unsafe") && e.is_ident("extern") => (k + 2, b),
        [e, b, ..] if e.is_ident("extern") && b.kind == TokenKind::OpenBrace => (k + 1, b),
        [e, abi, b, ..]
            if e.is_ident("extern") && matches!(abi.kind, TokenKind::Literal { .. }) =>
        {
            (k + 2, b)
        }
        [u, e, abi, b, ..]
            if u.is_ident("unsafe")
                && e.is_ident("extern")
                && matches!(abi.kind, TokenKind::Literal { .. }) =>
        {
            (k + 3, b)
        }
        _ => return None,
    };
    let (at, token) = brace;
    if token.kind != TokenKind::OpenBrace || partners[base + at] != base + item.len() - 1 {
        return None;
    }
    Some(base + at + 1..base + item.len() - 1)
}

/// What an item is, as far as the outline cares.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// A module's inner attributes (`#![…]`): always kept.
    InnerAttributes,
    /// `use …;`: always kept; its names stand for what it imports.
    Use,
    /// `extern crate …;` or `mod name;`: always kept.
    Declaration,
    /// A `const` or `static` item (not a `const fn`).
    Constant,
    /// `[unsafe] impl …`.
    Impl,
    /// `[unsafe] [auto] trait …`.
    Trait,
    /// Anything else.
    Other,
}

impl Kind {
    /// Classifies an item from its first token after attributes and visibility on.
    fn of(head: &[Token<'_>]) -> Kind {
        let mut words = head.iter().filter(|t| t.kind == TokenKind::Ident);
        let first = words.next().map(|t| t.text);
        let second = words.next().map(|t| t.text);
        match first {
            Some("use") => return Kind::Use,
            Some("extern") if head.iter().any(|t| t.is_ident("crate")) => {
                return Kind::Declaration;
            }
            Some("mod") if head.last().is_some_and(|t| t.kind == TokenKind::Semi) => {
                return Kind::Declaration;
            }
            Some("const")
                if second.is_some_and(|w| !["fn", "unsafe", "async", "extern"].contains(&w)) =>
            {
                return Kind::Constant;
            }
            Some("static") => return Kind::Constant,
            _ => {}
        }
        let keyword = head
            .iter()
            .filter(|t| t.kind == TokenKind::Ident)
            .map(|t| t.text)
            .find(|w| !["unsafe", "auto", "default"].contains(w));
        match keyword {
            Some("impl") => Kind::Impl,
            Some("trait") => Kind::Trait,
            _ => Kind::Other,
        }
    }
}

/// The type an `impl` block is for: the last identifier before its body or `where` clause
/// outside angle brackets (`impl<T> Trait for Wrapper<T>` → `Wrapper`).
fn impl_self_type<'t>(item: &[Token<'t>]) -> Option<&'t str> {
    let start = item.iter().position(|t| t.is_ident("impl"))?;
    let mut depth = 0usize;
    let mut last = None;
    for t in &item[start + 1..] {
        match t.kind {
            TokenKind::Lt => depth += 1,
            TokenKind::Gt => depth = depth.saturating_sub(1),
            TokenKind::OpenBrace => break,
            TokenKind::Ident if t.text == "where" => break,
            TokenKind::Ident if depth == 0 => last = Some(t.text),
            _ => {}
        }
    }
    last
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `focus` on a text lexed here (the prefilter lexes in the pipeline).
    fn focus_at(text: &str, triggers: &[usize]) -> Option<String> {
        focus(text, &Lexemes::of(text)?, triggers)
    }

    fn kept_items(text: &str, trigger: &str) -> String {
        let at: Vec<usize> = text.match_indices(trigger).map(|(i, _)| i).collect();
        let focused = focus_at(text, &at).unwrap_or_else(|| text.to_string());
        assert_eq!(focused.len(), text.len());
        assert_eq!(focused.lines().count(), text.lines().count());
        focused.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn keeps_the_triggering_item_and_what_it_names() {
        let text = "use a::B;\nconst ON: bool = true;\nconst OFF: bool = false;\n\
                    fn unrelated() { let x = { 1 } + 2; }\n\
                    fn f() { b.danger(ON); }\nstruct S { a: u8 }\n";
        assert_eq!(
            kept_items(text, "danger"),
            "use a::B; const ON: bool = true; fn f() { b.danger(ON); }"
        );
    }

    #[test]
    fn keeps_the_users_of_a_kept_constant_and_helper() {
        let text = "const URL: &str = \"http://x\";\nfn send() { get(URL) }\n\
                    fn other() { get(\"y\") }\nfn helper() -> u8 { 1 }\n\
                    fn caller() { helper(); }\nfn g() { helper_trigger(); }\n";
        assert_eq!(
            kept_items(text, "http://"),
            "const URL: &str = \"http://x\"; fn send() { get(URL) }"
        );
    }

    #[test]
    fn keeps_module_headers_around_kept_items_and_inner_attributes() {
        let text = "#![allow(x)]\n#[cfg(test)]\nmod tests {\n    #![allow(y)]\n    fn a() {}\n    \
                    fn b() { danger(); }\n}\nunsafe extern \"C\" { fn c(); fn d(); }\nmod m;\n";
        assert_eq!(
            kept_items(text, "danger"),
            "#![allow(x)] #[cfg(test)] mod tests { #![allow(y)] fn b() { danger(); } } mod m;"
        );
    }

    #[test]
    fn impl_blocks_are_kept_whole_when_their_header_triggers_else_per_method() {
        let text = "struct V;\nimpl<T> Verifier for V where T: X { fn a() {} fn b() {} }\n\
                    impl W {\n    fn new() {}\n    fn other() {}\n}\nfn install() { set(V); W::new() }\n";
        let at: Vec<usize> = ["Verifier", "set("]
            .iter()
            .map(|t| text.find(t).expect("in the text"))
            .collect();
        let focused = focus_at(text, &at).expect("something is blanked");
        assert_eq!(
            focused.split_whitespace().collect::<Vec<_>>().join(" "),
            "struct V; impl<T> Verifier for V where T: X { fn a() {} fn b() {} } \
             impl W { fn new() {} } fn install() { set(V); W::new() }"
        );
    }

    #[test]
    fn a_brace_followed_by_an_operator_or_else_does_not_end_the_item() {
        let text = "const A: u8 = if c { 1 } else { 2 };\nconst B: S = S { a: 1 }.a;\nfn t() {}\n";
        assert_eq!(kept_items(text, "S {"), "const B: S = S { a: 1 }.a;");
        assert_eq!(
            kept_items(text, "else"),
            "const A: u8 = if c { 1 } else { 2 };"
        );
    }

    #[test]
    fn a_file_the_lexer_rejects_is_not_focused() {
        assert!(focus_at("fn a() { \"open }\nfn b() {}", &[0]).is_none());
        assert!(focus_at("fn a() { ) }\nfn b() {}", &[0]).is_none());
        assert!(focus_at("fn a() {} /* open", &[0]).is_none());
    }

    #[test]
    fn nothing_to_blank_gives_none() {
        assert!(focus_at("fn a() { danger() }\n", &[9]).is_none());
    }
}
