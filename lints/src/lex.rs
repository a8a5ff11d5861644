//! rustc's own lexer (`ra-ap-rustc_lexer`), for the passes that need tokens but not a syntax
//! tree: comments for the prefilter, items for the outline, module declarations for the module
//! tree. It allocates nothing per token beyond one vector, so it is several times faster than
//! building a `proc_macro2::TokenStream`.

use std::ops::Range;

use ra_ap_rustc_lexer::{FrontmatterAllowed, LiteralKind, TokenKind, tokenize};

use crate::source::prelude_len;

/// A token other than whitespace and comments.
pub(crate) struct Token<'t> {
    /// What the lexer saw.
    pub kind: TokenKind,
    /// Its bytes in the lexed text.
    pub range: Range<usize>,
    /// Its text.
    pub text: &'t str,
}

impl Token<'_> {
    /// Whether it is the identifier `word`.
    pub fn is_ident(&self, word: &str) -> bool {
        self.kind == TokenKind::Ident && self.text == word
    }
}

/// The significant tokens of `text`, or `None` when a literal or comment is unterminated.
pub(crate) fn significant_tokens(text: &str) -> Option<Vec<Token<'_>>> {
    let mut tokens = Vec::new();
    let mut at = 0;
    for token in tokenize(text, FrontmatterAllowed::No) {
        let range = at..at + token.len as usize;
        at = range.end;
        match token.kind {
            TokenKind::Whitespace | TokenKind::LineComment { .. } => {}
            TokenKind::BlockComment { terminated, .. } => {
                if !terminated {
                    return None;
                }
            }
            TokenKind::Literal { kind, .. } => {
                if !terminated(kind) {
                    return None;
                }
                tokens.push(Token {
                    kind: token.kind,
                    text: &text[range.clone()],
                    range,
                });
            }
            kind => tokens.push(Token {
                kind,
                text: &text[range.clone()],
                range,
            }),
        }
    }
    Some(tokens)
}

/// Whether a literal token has its closing quote (raw strings: their closing hashes).
pub(crate) fn terminated(kind: LiteralKind) -> bool {
    match kind {
        LiteralKind::Char { terminated }
        | LiteralKind::Byte { terminated }
        | LiteralKind::Str { terminated }
        | LiteralKind::ByteStr { terminated }
        | LiteralKind::CStr { terminated } => terminated,
        LiteralKind::RawStr { n_hashes }
        | LiteralKind::RawByteStr { n_hashes }
        | LiteralKind::RawCStr { n_hashes } => n_hashes.is_some(),
        LiteralKind::Int { .. } | LiteralKind::Float { .. } => true,
    }
}

/// For each opening delimiter, the index of its closing partner (other tokens map to
/// themselves), or `None` when the delimiters do not balance.
pub(crate) fn match_delimiters(tokens: &[Token<'_>]) -> Option<Vec<usize>> {
    let mut partners: Vec<usize> = (0..tokens.len()).collect();
    let mut open: Vec<(usize, TokenKind)> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        let closes = match t.kind {
            TokenKind::OpenParen | TokenKind::OpenBracket | TokenKind::OpenBrace => {
                open.push((i, t.kind));
                continue;
            }
            TokenKind::CloseParen => TokenKind::OpenParen,
            TokenKind::CloseBracket => TokenKind::OpenBracket,
            TokenKind::CloseBrace => TokenKind::OpenBrace,
            _ => continue,
        };
        match open.pop() {
            Some((o, kind)) if kind == closes => partners[o] = i,
            _ => return None,
        }
    }
    open.is_empty().then_some(partners)
}

/// The byte ranges of `text`'s comments, in order; none when a comment or literal is
/// unterminated (the parser then reports the file, so no word is dropped).
pub(crate) fn comment_ranges(text: &str) -> Vec<Range<usize>> {
    let mut comments = Vec::new();
    let mut at = prelude_len(text);
    for token in tokenize(&text[at..], FrontmatterAllowed::No) {
        let range = at..at + token.len as usize;
        at = range.end;
        match token.kind {
            TokenKind::LineComment { .. }
            | TokenKind::BlockComment {
                terminated: true, ..
            } => {
                comments.push(range);
            }
            TokenKind::BlockComment {
                terminated: false, ..
            } => return Vec::new(),
            TokenKind::Literal { kind, .. } if !terminated(kind) => {
                return Vec::new();
            }
            _ => {}
        }
    }
    comments
}
