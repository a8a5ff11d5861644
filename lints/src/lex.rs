//! rustc's own lexer (`ra-ap-rustc_lexer`), for the passes that need tokens but not a syntax
//! tree: what lies outside comments for the prefilter, items for the outline, module
//! declarations for the module tree. It allocates nothing per token beyond one vector, so it is
//! several times faster than building a `proc_macro2::TokenStream`.

use std::ops::Range;

use ra_ap_rustc_lexer::{FrontmatterAllowed, LiteralKind, TokenKind, tokenize};

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
    Some(Lexemes::of(text)?.with_text(text))
}

/// The significant tokens of a text without the text (kind and byte range), so that they can be
/// kept after the buffer they were lexed from is gone: the prefilter lexes a file once, and the
/// outline reuses its tokens.
#[derive(Clone, Debug, Default)]
pub struct Lexemes(Vec<(TokenKind, Range<usize>)>);

impl Lexemes {
    /// The significant tokens of `text`, or `None` when a literal or comment is unterminated.
    pub(crate) fn of(text: &str) -> Option<Lexemes> {
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
                TokenKind::Literal { kind, .. } if !terminated(kind) => return None,
                kind => tokens.push((kind, range)),
            }
        }
        Some(Lexemes(tokens))
    }

    /// The significant tokens of `text`, an unterminated literal or comment included as the last
    /// (the nesting bound measures text that syn will then reject).
    pub(crate) fn lenient(text: &str) -> Lexemes {
        let mut tokens = Vec::new();
        let mut at = 0;
        for token in tokenize(text, FrontmatterAllowed::No) {
            let range = at..at + token.len as usize;
            at = range.end;
            if !matches!(
                token.kind,
                TokenKind::Whitespace
                    | TokenKind::LineComment { .. }
                    | TokenKind::BlockComment { .. }
            ) {
                tokens.push((token.kind, range));
            }
        }
        Lexemes(tokens)
    }

    /// The tokens: kind and byte range.
    pub(crate) fn tokens(&self) -> &[(TokenKind, Range<usize>)] {
        &self.0
    }

    /// Whether byte `at` lies in a significant token (not in a comment or whitespace).
    /// `from` is where to start looking, advanced past the tokens that end before `at`, so that
    /// increasing offsets are checked in one pass.
    pub(crate) fn covers(&self, at: usize, from: &mut usize) -> bool {
        while self.0.get(*from).is_some_and(|(_, r)| r.end <= at) {
            *from += 1;
        }
        self.0.get(*from).is_some_and(|(_, r)| r.start <= at)
    }

    /// The byte ranges of the tokens, in order.
    pub(crate) fn ranges(&self) -> impl Iterator<Item = &Range<usize>> {
        self.0.iter().map(|(_, range)| range)
    }

    /// The tokens with their text, `text` being what they were lexed from.
    pub(crate) fn with_text<'t>(&self, text: &'t str) -> Vec<Token<'t>> {
        self.0
            .iter()
            .map(|(kind, range)| Token {
                kind: *kind,
                text: &text[range.clone()],
                range: range.clone(),
            })
            .collect()
    }
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
            kind if is_open_delimiter(kind) => {
                open.push((i, kind));
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

/// Whether `kind` opens a delimited group: `(`, `[` or `{`.
pub(crate) fn is_open_delimiter(kind: TokenKind) -> bool {
    matches!(
        kind,
        TokenKind::OpenParen | TokenKind::OpenBracket | TokenKind::OpenBrace
    )
}

/// The deepest nesting of delimited groups among `kinds` (unbalanced closers are ignored).
pub(crate) fn group_depth(kinds: impl Iterator<Item = TokenKind>) -> usize {
    let (mut depth, mut max) = (0usize, 0usize);
    for kind in kinds {
        if is_open_delimiter(kind) {
            depth += 1;
            max = max.max(depth);
        } else if matches!(
            kind,
            TokenKind::CloseParen | TokenKind::CloseBracket | TokenKind::CloseBrace
        ) {
            depth = depth.saturating_sub(1);
        }
    }
    max
}
