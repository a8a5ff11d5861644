//! The module declarations of a file, found on its tokens (rustc's lexer, no parse): `mod
//! name;` with its `#[path]` (also inside `cfg_attr`), the inline modules it sits in, and
//! `include!("…")` of literal paths. The binary turns these into file paths the way rustc does.
//! Every `mod` is reported whatever its `cfg`: the linter does not evaluate cfgs.

use std::ops::Range;
use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};
use ra_ap_rustc_lexer::TokenKind;

use crate::lex::{Token, group_depth, is_open_delimiter, match_delimiters, significant_tokens};
use crate::nesting::MAX_GROUP_DEPTH;
use crate::source::prelude_len;

/// One out-of-line module or included file named by a source file.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModuleRef {
    /// `mod name;`
    Mod {
        /// The module's name.
        name: String,
        /// The inline modules it is declared in, outermost first (`mod a { mod b { mod name; } }`).
        inline_parents: Vec<String>,
        /// Every `#[path = "…"]` candidate (several under `cfg_attr`).
        paths: Vec<String>,
        /// The `#[path]` of each inline parent, when it has one (relative dir override).
        parent_paths: Vec<Option<String>>,
        /// The byte range of the declaration's name in the file.
        at: std::ops::Range<usize>,
        /// Whether the declaration, or an inline module around it, is `#[cfg(test)]`: the
        /// module's files are test code.
        is_test: bool,
        /// The `#[cfg(…)]` predicates on the inline parents and on the declaration, as token
        /// text (`test`, `feature = "x"`), outermost first.
        cfgs: Vec<String>,
    },
    /// `include!("file.rs")`, relative to the including file's directory.
    Include {
        /// The literal path.
        path: String,
        /// The byte range of the literal in the file.
        at: std::ops::Range<usize>,
    },
}

/// The module references of a file; empty when the file does not tokenize.
pub fn module_refs(text: &str) -> Vec<ModuleRef> {
    if !may_refer_to_files(text.as_bytes()) {
        return Vec::new();
    }
    let offset = prelude_len(text);
    let body = &text[offset..];
    let Some(tokens) = significant_tokens(body) else {
        return Vec::new();
    };
    let Some(partners) = match_delimiters(&tokens) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let scanner = Scanner {
        body,
        tokens: &tokens,
        partners: &partners,
        offset,
        include_shadowed: imports_other_include(&tokens) || defines_include_macro(&tokens),
    };
    scanner.scan(0..tokens.len(), &mut Vec::new(), &mut out, 0);
    proc_macro2::extra::invalidate_current_thread_spans();
    out
}

const MAX_DEPTH: usize = 128;

/// A cheap exact precheck: whether the text contains `mod <name> ;` or `include !` (with any
/// whitespace), the only shapes [`module_refs`] reports. Most files have neither, and are not
/// tokenized.
fn may_refer_to_files(bytes: &[u8]) -> bool {
    let is_ident = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let skip_ws = |mut i: usize| {
        while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
            i += 1;
        }
        i
    };
    let declares = memchr::memmem::find_iter(bytes, b"mod").any(|at| {
        if at > 0 && is_ident(bytes[at - 1]) {
            return false;
        }
        let mut i = skip_ws(at + 3);
        if i == at + 3 {
            return false;
        }
        if bytes[i..].starts_with(b"r#") {
            i += 2;
        }
        let name_start = i;
        while bytes.get(i).is_some_and(|&b| is_ident(b) || !b.is_ascii()) {
            i += 1;
        }
        i > name_start && bytes.get(skip_ws(i)) == Some(&b';')
    });
    declares
        || memchr::memmem::find_iter(bytes, b"include")
            .any(|at| bytes.get(skip_ws(at + 7)) == Some(&b'!'))
}

/// An inline module being scanned: its name, its `#[path]`, whether it is `#[cfg(test)]`, and
/// its `#[cfg]` predicates.
type Parent = (String, Option<String>, bool, Vec<String>);

/// A file's tokens, walked for module declarations. Only the attributes that matter (`path`,
/// `cfg`, `cfg_attr`) and `include!` arguments are turned into `proc_macro2` tokens, for the
/// predicate text and the literal's value.
struct Scanner<'t> {
    body: &'t str,
    tokens: &'t [Token<'t>],
    partners: &'t [usize],
    /// Where `body` starts in the file (after a BOM or shebang).
    offset: usize,
    /// Whether a `use` brings another crate's `include` macro into scope, or the file defines
    /// one with `macro_rules!`, so that a bare `include!` is not `std::include!`.
    include_shadowed: bool,
}

impl Scanner<'_> {
    fn scan(
        &self,
        range: Range<usize>,
        parents: &mut Vec<Parent>,
        out: &mut Vec<ModuleRef>,
        depth: usize,
    ) {
        if depth > MAX_DEPTH {
            return;
        }
        let t = self.tokens;
        let kind_at = |j: usize| (j < range.end).then(|| t[j].kind);
        let mut attrs: Vec<String> = Vec::new();
        let mut is_test = false;
        let mut cfgs: Vec<String> = Vec::new();
        let mut i = range.start;
        while i < range.end {
            match t[i].kind {
                TokenKind::Pound => {
                    let j = if kind_at(i + 1) == Some(TokenKind::Bang) {
                        i + 2
                    } else {
                        i + 1
                    };
                    if kind_at(j) == Some(TokenKind::OpenBracket) {
                        let close = self.partners[j];
                        let inner = &t[j + 1..close];
                        if inner.first().is_some_and(|f| {
                            f.is_ident("path") || f.is_ident("cfg") || f.is_ident("cfg_attr")
                        }) && let Some(attr) = self.stream(inner)
                        {
                            attrs.extend(path_attr(attr.clone()));
                            is_test |= is_cfg_test(attr.clone());
                            cfgs.extend(cfg_predicate(attr));
                        }
                        i = close + 1;
                        continue;
                    }
                }
                TokenKind::Ident if t[i].text == "mod" => {
                    if matches!(kind_at(i + 1), Some(TokenKind::Ident | TokenKind::RawIdent)) {
                        let ident = &t[i + 1];
                        let name = ident.text.strip_prefix("r#").unwrap_or(ident.text);
                        match kind_at(i + 2) {
                            Some(TokenKind::Semi) => {
                                out.push(ModuleRef::Mod {
                                    name: name.to_string(),
                                    inline_parents: parents.iter().map(|p| p.0.clone()).collect(),
                                    paths: std::mem::take(&mut attrs),
                                    parent_paths: parents.iter().map(|p| p.1.clone()).collect(),
                                    at: self.file_range(ident.range.clone()),
                                    is_test: std::mem::take(&mut is_test)
                                        || parents.iter().any(|p| p.2),
                                    cfgs: parents
                                        .iter()
                                        .flat_map(|p| p.3.iter().cloned())
                                        .chain(std::mem::take(&mut cfgs))
                                        .collect(),
                                });
                                i += 3;
                                continue;
                            }
                            Some(TokenKind::OpenBrace) => {
                                let close = self.partners[i + 2];
                                let test = std::mem::take(&mut is_test);
                                parents.push((
                                    name.to_string(),
                                    std::mem::take(&mut attrs).into_iter().next(),
                                    test,
                                    std::mem::take(&mut cfgs),
                                ));
                                self.scan(i + 3..close, parents, out, depth + 1);
                                parents.pop();
                                i = close + 1;
                                continue;
                            }
                            _ => {}
                        }
                    }
                }
                TokenKind::Ident
                    if t[i].text == "include"
                        && kind_at(i + 1) == Some(TokenKind::Bang)
                        && kind_at(i + 2).is_some_and(is_open_delimiter)
                        && self.is_std_include(i) =>
                {
                    let close = self.partners[i + 2];
                    if let Some(path) = self.stream(&t[i + 3..close]).and_then(single_string) {
                        out.push(ModuleRef::Include {
                            path,
                            at: self.file_range(t[i + 2].range.start..t[close].range.end),
                        });
                    }
                }
                kind if is_open_delimiter(kind) => {
                    let close = self.partners[i];
                    self.scan(i + 1..close, &mut Vec::new(), out, depth + 1);
                    if kind == TokenKind::OpenBrace {
                        attrs.clear();
                        is_test = false;
                        cfgs.clear();
                    }
                    i = close + 1;
                    continue;
                }
                TokenKind::Semi => {
                    attrs.clear();
                    is_test = false;
                    cfgs.clear();
                }
                _ => {}
            }
            i += 1;
        }
    }

    /// The tokens `inner` as a `proc_macro2` stream (an attribute's or a macro call's contents);
    /// `None` when its groups nest deeper than the parser's bound (the stream would be as deep).
    fn stream(&self, inner: &[Token<'_>]) -> Option<TokenStream> {
        let (Some(first), Some(last)) = (inner.first(), inner.last()) else {
            return Some(TokenStream::new());
        };
        if group_depth(inner.iter().map(|t| t.kind)) > MAX_GROUP_DEPTH {
            return None;
        }
        TokenStream::from_str(&self.body[first.range.start..last.range.end]).ok()
    }

    /// Whether the `include` macro named at token `i` is `std::include!`: written
    /// `std::include!`/`core::include!`, or bare and not shadowed by a `use` of another crate's
    /// `include` (a stylesheet crate's `include!("x.scss")` names no Rust file).
    fn is_std_include(&self, i: usize) -> bool {
        let t = self.tokens;
        let qualified =
            i >= 2 && t[i - 1].kind == TokenKind::Colon && t[i - 2].kind == TokenKind::Colon;
        if !qualified {
            return !self.include_shadowed;
        }
        i >= 3 && (t[i - 3].is_ident("std") || t[i - 3].is_ident("core"))
    }

    fn file_range(&self, range: Range<usize>) -> Range<usize> {
        range.start + self.offset..range.end + self.offset
    }
}

/// Whether the file defines a `macro_rules! include`, which shadows `std::include!`.
fn defines_include_macro(tokens: &[Token<'_>]) -> bool {
    tokens.windows(3).any(|w| {
        w[0].is_ident("macro_rules") && w[1].kind == TokenKind::Bang && w[2].is_ident("include")
    })
}

/// Whether a `use` of the file imports a macro named `include` from somewhere other than
/// `std`/`core` (`use grass::include;`, `use some_crate::{include, …};`, `use x::y as include;`).
fn imports_other_include(tokens: &[Token<'_>]) -> bool {
    let mut i = 0;
    while i < tokens.len() {
        if !tokens[i].is_ident("use") {
            i += 1;
            continue;
        }
        let end = (i..tokens.len())
            .find(|&j| tokens[j].kind == TokenKind::Semi)
            .unwrap_or(tokens.len());
        let item = &tokens[i + 1..end];
        let root = item.iter().find(|t| t.kind == TokenKind::Ident);
        let from_std = root.is_some_and(|r| r.is_ident("std") || r.is_ident("core"));
        let binds_include = item.iter().enumerate().any(|(j, t)| {
            let renamed_away = item.get(j + 1).is_some_and(|n| n.is_ident("as"));
            let renamed_to = j > 0 && item[j - 1].is_ident("as");
            t.is_ident("include") && (renamed_to || !renamed_away)
        });
        if binds_include && !from_std {
            return true;
        }
        i = end + 1;
    }
    false
}

/// `cfg(pred)` → the predicate's token text (module cfgs here, item and statement cfgs in
/// `guards`).
pub(crate) fn cfg_predicate(tokens: TokenStream) -> Option<String> {
    let mut trees = tokens.into_iter();
    match (trees.next(), trees.next()) {
        (Some(TokenTree::Ident(id)), Some(TokenTree::Group(g)))
            if id == "cfg" && g.delimiter() == Delimiter::Parenthesis =>
        {
            Some(g.stream().to_string())
        }
        _ => None,
    }
}

/// `cfg(test)` or `cfg(all(…, test, …))`.
fn is_cfg_test(tokens: TokenStream) -> bool {
    let mut iter = tokens.into_iter();
    match (iter.next(), iter.next()) {
        (Some(TokenTree::Ident(id)), Some(TokenTree::Group(g))) if id == "cfg" => {
            cfg_requires_test(g.stream())
        }
        _ => false,
    }
}

/// Whether a `cfg(...)` predicate can only hold in test builds: `test` or `all(…, test, …)`.
pub(crate) fn cfg_requires_test(tokens: TokenStream) -> bool {
    let mut iter = tokens.into_iter().peekable();
    match iter.next() {
        Some(TokenTree::Ident(i)) if i == "test" => iter.peek().is_none(),
        Some(TokenTree::Ident(i)) if i == "all" => match iter.next() {
            Some(TokenTree::Group(g)) => g
                .stream()
                .into_iter()
                .any(|t| matches!(&t, TokenTree::Ident(i) if i == "test")),
            _ => false,
        },
        _ => false,
    }
}

/// `path = "x"` or `cfg_attr(pred, path = "x")` → `x`.
fn path_attr(tokens: TokenStream) -> Vec<String> {
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    match trees.first() {
        Some(TokenTree::Ident(id)) if id == "path" => match (trees.get(1), trees.get(2)) {
            (Some(TokenTree::Punct(eq)), Some(TokenTree::Literal(lit))) if eq.as_char() == '=' => {
                unquote(&lit.to_string()).into_iter().collect()
            }
            _ => Vec::new(),
        },
        Some(TokenTree::Ident(id)) if id == "cfg_attr" => match trees.get(1) {
            Some(TokenTree::Group(g)) => {
                let inner: Vec<TokenTree> = g.stream().into_iter().collect();
                inner
                    .split(|t| matches!(t, TokenTree::Punct(p) if p.as_char() == ','))
                    .skip(1)
                    .flat_map(|part| path_attr(part.iter().cloned().collect()))
                    .collect()
            }
            _ => Vec::new(),
        },
        _ => Vec::new(),
    }
}

fn single_string(tokens: TokenStream) -> Option<String> {
    let mut iter = tokens.into_iter();
    let TokenTree::Literal(lit) = iter.next()? else {
        return None;
    };
    let rest: Vec<TokenTree> = iter.collect();
    let trailing_comma_only = rest.is_empty()
        || (rest.len() == 1 && matches!(&rest[0], TokenTree::Punct(p) if p.as_char() == ','));
    trailing_comma_only
        .then(|| unquote(&lit.to_string()))
        .flatten()
}

fn unquote(lit: &str) -> Option<String> {
    let lit: syn::LitStr = syn::parse_str(lit).ok()?;
    Some(lit.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn another_crates_include_is_not_followed() {
        let includes = |text: &str| -> Vec<String> {
            module_refs(text)
                .into_iter()
                .filter_map(|r| match r {
                    ModuleRef::Include { path, .. } => Some(path),
                    ModuleRef::Mod { .. } => None,
                })
                .collect()
        };
        assert_eq!(includes("include!(\"a.rs\");"), ["a.rs"]);
        assert_eq!(
            includes("use grass::include;\nconst CSS: &str = include!(\"x.scss\");"),
            Vec::<String>::new()
        );
        assert_eq!(
            includes("use some_crate::{include, other};\ninclude!(\"x.scss\");"),
            Vec::<String>::new()
        );
        assert_eq!(
            includes("use some_crate::load as include;\ninclude!(\"x\");"),
            Vec::<String>::new()
        );
        assert_eq!(
            includes("let _ = grass::include!(\"x.scss\");"),
            Vec::<String>::new()
        );
        assert_eq!(
            includes("use grass::include;\nstd::include!(\"a.rs\");"),
            ["a.rs"]
        );
        assert_eq!(
            includes("use core::include;\ninclude!(\"a.rs\");"),
            ["a.rs"]
        );
        assert_eq!(
            includes("use some_crate::include as inc;\ninclude!(\"a.rs\");"),
            ["a.rs"]
        );
        assert_eq!(
            includes(
                "macro_rules! include {\n    ($p:literal) => { $p };\n}\nconst CSS: &str = include!(\"x.scss\");"
            ),
            Vec::<String>::new()
        );
        assert_eq!(
            includes("macro_rules! include_css {\n    () => {};\n}\ninclude!(\"a.rs\");"),
            ["a.rs"]
        );
    }

    #[test]
    fn precheck_is_exact_for_declarations() {
        assert!(may_refer_to_files(b"pub mod a;"));
        assert!(may_refer_to_files(b"mod\n  r#type ;"));
        assert!(may_refer_to_files(b"include ! (\"x.rs\")"));
        assert!(!may_refer_to_files(
            b"mod inline { fn f() {} } // a model; modes"
        ));
        assert!(!may_refer_to_files(b"let module = 1; include_str!(\"x\")"));
    }

    #[test]
    fn finds_mods_paths_inline_parents_and_includes() {
        let src = r#"
            mod a;
            #[cfg(test)] fn only_in_tests() {}
            #[cfg(test)] mod tests;
            #[cfg(feature = "x")] mod gated { mod deep; }
            #[path = "other.rs"] pub mod b;
            #[cfg_attr(unix, path = "u.rs")] mod c;
            mod inline { mod inner; fn f() {} }
            include!("gen.rs");
            fn f() { let mod_x = 1; }
        "#;
        let refs: Vec<String> = module_refs(src)
            .into_iter()
            .map(|r| match r {
                ModuleRef::Mod {
                    name,
                    inline_parents,
                    paths,
                    at,
                    is_test,
                    cfgs,
                    ..
                } => {
                    assert_eq!(&src[at], name);
                    let expected: &[&str] = match name.as_str() {
                        "tests" => &["test"],
                        "deep" => &["feature = \"x\""],
                        _ => &[],
                    };
                    assert_eq!(cfgs, expected, "{name}");
                    format!(
                        "mod {} in {:?} paths {:?}{}",
                        name,
                        inline_parents,
                        paths,
                        if is_test { " test" } else { "" }
                    )
                }
                ModuleRef::Include { path, .. } => format!("include {path}"),
            })
            .collect();
        let m = |name: &str, parents: &[&str], paths: &[&str]| {
            format!("mod {} in {:?} paths {:?}", name, parents, paths)
        };
        assert_eq!(
            refs,
            vec![
                m("a", &[], &[]),
                format!("{} test", m("tests", &[], &[])),
                m("deep", &["gated"], &[]),
                m("b", &[], &["other.rs"]),
                m("c", &[], &["u.rs"]),
                m("inner", &["inline"], &[]),
                "include gen.rs".to_string(),
            ]
        );
    }
}
