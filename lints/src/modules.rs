//! The module declarations of a file, found on its tokens (no full parse): `mod name;` with its
//! `#[path]` (also inside `cfg_attr`), the inline modules it sits in, and `include!("…")` of
//! literal paths. The binary turns these into file paths the way rustc does. Every `mod` is
//! reported whatever its `cfg`: the linter does not evaluate cfgs.

use std::str::FromStr;

use proc_macro2::{Delimiter, TokenStream, TokenTree};

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
    let bytes = text.as_bytes();
    if memchr::memmem::find(bytes, b"mod").is_none() && memchr::memmem::find(bytes, b"include").is_none() {
        return Vec::new();
    }
    let refs = TokenStream::from_str(&text[prelude_len(text)..]).map_or_else(|_| Vec::new(), |tokens| {
        let mut out = Vec::new();
        scan(tokens, &mut Vec::new(), &mut out, 0);
        let offset = prelude_len(text);
        for r in &mut out {
            let (ModuleRef::Mod { at, .. } | ModuleRef::Include { at, .. }) = r;
            *at = at.start + offset..at.end + offset;
        }
        out
    });
    proc_macro2::extra::invalidate_current_thread_spans();
    refs
}

const MAX_DEPTH: usize = 128;

fn scan(tokens: TokenStream, parents: &mut Vec<(String, Option<String>)>, out: &mut Vec<ModuleRef>, depth: usize) {
    if depth > MAX_DEPTH {
        return;
    }
    let trees: Vec<TokenTree> = tokens.into_iter().collect();
    let mut attrs: Vec<String> = Vec::new();
    let mut i = 0;
    while i < trees.len() {
        match &trees[i] {
            TokenTree::Punct(p) if p.as_char() == '#' => {
                let mut j = i + 1;
                if matches!(trees.get(j), Some(TokenTree::Punct(p)) if p.as_char() == '!') {
                    j += 1;
                }
                if let Some(TokenTree::Group(g)) = trees.get(j) {
                    if g.delimiter() == Delimiter::Bracket {
                        attrs.extend(path_attr(g.stream()));
                        i = j + 1;
                        continue;
                    }
                }
            }
            TokenTree::Ident(id) if id == "mod" => {
                if let Some(TokenTree::Ident(ident)) = trees.get(i + 1) {
                    let name = ident.to_string();
                    let name = name.strip_prefix("r#").unwrap_or(&name).to_string();
                    match trees.get(i + 2) {
                        Some(TokenTree::Punct(p)) if p.as_char() == ';' => {
                            out.push(ModuleRef::Mod {
                                name,
                                inline_parents: parents.iter().map(|p| p.0.clone()).collect(),
                                paths: std::mem::take(&mut attrs),
                                parent_paths: parents.iter().map(|p| p.1.clone()).collect(),
                                at: ident.span().byte_range(),
                            });
                            i += 3;
                            continue;
                        }
                        Some(TokenTree::Group(g)) if g.delimiter() == Delimiter::Brace => {
                            parents.push((name, std::mem::take(&mut attrs).into_iter().next()));
                            scan(g.stream(), parents, out, depth + 1);
                            parents.pop();
                            i += 3;
                            continue;
                        }
                        _ => {}
                    }
                }
            }
            TokenTree::Ident(id) if id == "include" => {
                if let (Some(TokenTree::Punct(bang)), Some(TokenTree::Group(g))) = (trees.get(i + 1), trees.get(i + 2)) {
                    if bang.as_char() == '!' {
                        if let Some(path) = single_string(g.stream()) {
                            out.push(ModuleRef::Include { path, at: g.span().byte_range() });
                        }
                    }
                }
            }
            TokenTree::Group(g) => scan(g.stream(), &mut Vec::new(), out, depth + 1),
            TokenTree::Punct(p) if p.as_char() == ';' => attrs.clear(),
            _ => {}
        }
        i += 1;
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
    let TokenTree::Literal(lit) = iter.next()? else { return None };
    let rest: Vec<TokenTree> = iter.collect();
    let trailing_comma_only = rest.is_empty() || (rest.len() == 1 && matches!(&rest[0], TokenTree::Punct(p) if p.as_char() == ','));
    trailing_comma_only.then(|| unquote(&lit.to_string())).flatten()
}

fn unquote(lit: &str) -> Option<String> {
    let lit: syn::LitStr = syn::parse_str(lit).ok()?;
    Some(lit.value())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_mods_paths_inline_parents_and_includes() {
        let src = r#"
            mod a;
            #[cfg(test)] mod tests;
            #[path = "other.rs"] pub mod b;
            #[cfg_attr(unix, path = "u.rs")] mod c;
            mod inline { mod inner; fn f() {} }
            include!("gen.rs");
            fn f() { let mod_x = 1; }
        "#;
        let refs: Vec<String> = module_refs(src)
            .into_iter()
            .map(|r| match r {
                ModuleRef::Mod { name, inline_parents, paths, at, .. } => {
                    assert_eq!(&src[at], name);
                    format!("mod {} in {:?} paths {:?}", name, inline_parents, paths)
                }
                ModuleRef::Include { path, .. } => format!("include {path}"),
            })
            .collect();
        let m = |name: &str, parents: &[&str], paths: &[&str]| format!("mod {} in {:?} paths {:?}", name, parents, paths);
        assert_eq!(refs, vec![
            m("a", &[], &[]),
            m("tests", &[], &[]),
            m("b", &[], &["other.rs"]),
            m("c", &[], &["u.rs"]),
            m("inner", &["inline"], &[]),
            "include gen.rs".to_string(),
        ]);
    }
}
