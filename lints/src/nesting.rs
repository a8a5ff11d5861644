//! The nesting bound: an upper bound, measured on rustc's tokens before syn sees them, on how
//! deep every recursion over a file's syntax goes (syn's parser, the syntax tree's `Drop`, syn's
//! visitors and printers, and the rules' own walks), so that no input can overflow the stack.
//!
//! syn recurses once per level of nesting, and a level need not be a bracket: `a::<b::<…>>`,
//! `|x| |x| …`, `break break …`, `a = a = …`, `&&&…T` and `fn() -> fn() -> …` nest as deep as
//! they are long, and left-nested chains (`a + b + …`, `x.f().g()…`, `a?…`) build trees as deep
//! as they are long, which `Drop` and every visitor walk recursively. Each token that can open
//! such a level is counted along the path from the file's root to it:
//!
//! - *nesting* ([`MAX_NESTING`]): delimited groups, prefix operators (`&`, `*`, `-`, `!`, `..`),
//!   closures, `<`, `=`, `->`, `@` and the keywords that take an expression, type or pattern
//!   after them (`return`, `break`, `let`, `if`, `match`, `dyn`, `impl`, `fn`, …). These cost
//!   syn a parser frame each (up to 50 KiB per level in a debug build, 6 KiB in release).
//! - *chain links* ([`MAX_CHAIN`]): binary operators, `.`, `?`, `as`, `else`, and calls or
//!   indexing after an operand. The parser loops over these; only the tree's depth grows
//!   (under 1 KiB per link in a debug build, 0.15 KiB in release).
//!
//! Counts fall back only where syn's recursion provably unwinds: at `;`; at `,` (to the count
//! where the innermost open generic-argument list or closure-parameter list began, the only
//! lists whose commas lie inside a nesting); and after a closing brace that nothing continues
//! (the next token is not punctuation, `(`, `[`, `else` or `as`), or that closes a match arm's
//! block body (`=> { … }`, unless `.` or `?` follows). Misreading invalid code is harmless:
//! syn stops at its first error, and counts are never lowered anywhere else.
//!
//! Delimited groups are also bounded on their own ([`MAX_GROUP_DEPTH`]), which bounds the
//! token-level passes' structures (`proc_macro2` streams, the outline, module scanning).

use std::ops::Range;

use ra_ap_rustc_lexer::TokenKind;

use crate::lex::is_open_delimiter;

/// The deepest nesting of `()`, `[]` and `{}` groups that is parsed.
pub const MAX_GROUP_DEPTH: usize = 256;

/// The most nesting levels (groups, prefix operators, closures, generics, keywords) on any path
/// from the file's root to a token.
pub const MAX_NESTING: usize = 1024;

/// The most chain links (binary operators, method calls, fields, `?`, casts) on any path.
pub const MAX_CHAIN: usize = 50_000;

/// The stack the engine needs for the deepest input the bounds let through, with a margin: the
/// worst cases measured in a debug build are 50 KiB per nesting level (`A<A<…>>` in a type) and
/// 0.7 KiB per chain link, so 51 MiB and 34 MiB at the bounds; a release build needs an eighth.
const REQUIRED_STACK: usize = 128 * 1024 * 1024;

/// The stack [`with_stack`] switches to when the caller's has less than [`REQUIRED_STACK`] left.
const GROWN_STACK: usize = 256 * 1024 * 1024;

/// Runs `f` (a walk over a bounded file's syntax) with at least [`REQUIRED_STACK`] bytes of
/// stack: on the caller's stack when it has that much left (the binary's workers), else on a
/// fresh one (a test harness's thread, rayon's default pool).
pub fn with_stack<R>(f: impl FnOnce() -> R) -> R {
    stacker::maybe_grow(REQUIRED_STACK, GROWN_STACK, f)
}

/// Where and why a text is nested too deeply to be parsed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TooDeep {
    /// What exceeds which bound, lowercase, starting with "too deeply nested".
    pub reason: String,
    /// The token at which the bound is exceeded, in the measured text.
    pub range: Range<usize>,
}

/// A path's counts.
#[derive(Clone, Copy, Default, Debug)]
struct Counts {
    nesting: usize,
    chain: usize,
}

impl std::ops::Add for Counts {
    type Output = Counts;
    fn add(self, o: Counts) -> Counts {
        Counts {
            nesting: self.nesting + o.nesting,
            chain: self.chain + o.chain,
        }
    }
}

/// What the previous token leaves: an operand (a following `&`, `*`, `-`, `|` is binary), a
/// `.` (a following name is a method or field), a method name (a following `(` is its argument
/// list), or anything else (a following operator is a prefix).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum Prev {
    Operand,
    /// An operand that is a literal or a closing delimiter: a `<` after it is not a generic list.
    ClosedOperand,
    Dot,
    MethodName,
    Operator,
}

/// An open list whose commas do not end the nesting around it.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum ListKind {
    /// `<…>`, a generic-argument or generic-parameter list (or a comparison: counted the same).
    Angle,
    /// `|…|`, closure parameters.
    ClosureParams,
}

/// One delimited group being measured.
struct Frame {
    /// The counts at the group's opening, the group included.
    base: Counts,
    /// The counts since the last point where syn's recursion unwinds.
    run: Counts,
    /// Open `<` and `|` lists, with `run` where each began.
    lists: Vec<(ListKind, Counts)>,
    prev: Prev,
    /// Set after a `}` at this level: the next token decides whether the expression goes on.
    after_brace: Option<BraceEnd>,
    /// The previous token was `=>`.
    after_fat_arrow: bool,
    /// This group is a match arm's block body (`=> { … }`).
    arm_body: bool,
}

/// How a brace group at this level ended.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
enum BraceEnd {
    Plain,
    /// The block body of a match arm (`=> { … }`).
    ArmBody,
}

impl Frame {
    fn new(base: Counts) -> Frame {
        Frame {
            base,
            run: Counts::default(),
            lists: Vec::new(),
            prev: Prev::Operator,
            after_brace: None,
            after_fat_arrow: false,
            arm_body: false,
        }
    }

    fn reset(&mut self) {
        self.run = Counts::default();
        self.lists.clear();
        self.prev = Prev::Operator;
    }

    /// Counts an opening delimiter at `range` in this group and gives the group it opens.
    fn open(
        &mut self,
        kind: TokenKind,
        after_fat_arrow: bool,
        range: &Range<usize>,
    ) -> Result<Frame, TooDeep> {
        let unit = match self.prev {
            Prev::MethodName if kind == TokenKind::OpenParen => Counts::default(),
            Prev::Operand | Prev::ClosedOperand | Prev::MethodName => CHAIN,
            Prev::Dot | Prev::Operator => NESTING,
        };
        self.run = self.run + unit;
        let base = self.base + self.run + NESTING;
        exceeded(base, range)?;
        let mut inner = Frame::new(base);
        inner.arm_body = after_fat_arrow && kind == TokenKind::OpenBrace;
        Ok(inner)
    }

    /// Counts the operator `op` (one or more punctuation tokens) at `range`: what it adds to the
    /// path after it, having checked what it adds at once (`<`, `|` open lists).
    fn operator(&mut self, op: &str, range: &Range<usize>) -> Result<Counts, TooDeep> {
        let prefix = matches!(self.prev, Prev::Dot | Prev::Operator);
        let could_open_generics = self.prev != Prev::ClosedOperand;
        self.prev = Prev::Operator;
        let step = match op {
            "::" | ":" | "#" | "$" => Counts::default(),
            "." => {
                self.prev = Prev::Dot;
                CHAIN
            }
            "?" => {
                self.prev = Prev::Operand;
                CHAIN
            }
            ".." | "..=" | "..." if prefix => NESTING,
            ".." | "..=" | "..." => CHAIN,
            "=>" => {
                self.after_fat_arrow = true;
                CHAIN
            }
            "==" | "!=" | "<=" | ">=" | "+" | "/" | "%" | "^" | "~" => CHAIN,
            ">" | ">>" => {
                for _ in 0..op.len() {
                    if self.lists.last().is_some_and(|l| l.0 == ListKind::Angle) {
                        self.lists.pop();
                    }
                }
                CHAIN
            }
            "<" | "<<" => {
                self.run = self.run
                    + Counts {
                        nesting: op.len(),
                        chain: 0,
                    };
                exceeded(self.base + self.run, range)?;
                if could_open_generics {
                    for _ in 0..op.len() {
                        self.lists.push((ListKind::Angle, self.run));
                    }
                }
                Counts::default()
            }
            "&&" if prefix => NESTING + NESTING,
            "&" | "*" | "-" | "!" | "||" if prefix => NESTING,
            "&" | "*" | "-" | "!" | "&&" | "||" => CHAIN,
            "|" if prefix => {
                self.run = self.run + NESTING;
                exceeded(self.base + self.run, range)?;
                self.lists.push((ListKind::ClosureParams, self.run));
                Counts::default()
            }
            "|" => CHAIN,
            // `=` and the compound assignments are right-associative, `->` nests a return type,
            // `@` a pattern.
            _ => NESTING,
        };
        Ok(step)
    }
}

impl BraceEnd {
    /// Whether the token after a `}` that ended this way goes on with the same expression
    /// (`} else`, `}.f()`, `} + 1`), rather than starting a new statement.
    fn continued_by(self, kind: TokenKind, word: &str) -> bool {
        match self {
            BraceEnd::ArmBody => matches!(kind, TokenKind::Dot | TokenKind::Question),
            BraceEnd::Plain => {
                is_punct(kind) && kind != TokenKind::Pound
                    || matches!(kind, TokenKind::OpenParen | TokenKind::OpenBracket)
                    || (kind == TokenKind::Ident && (word == "else" || word == "as"))
            }
        }
    }
}

/// Keywords after which an expression, type or pattern nests (syn recurses into it).
const NESTING_KEYWORDS: [&str; 23] = [
    "return", "break", "yield", "become", "let", "if", "match", "while", "for", "loop", "in",
    "move", "static", "async", "unsafe", "const", "mut", "ref", "dyn", "impl", "box", "fn",
    "where",
];

/// Multi-character operators, longest first: rustc's lexer gives one token per character.
const COMPOUND: [&str; 24] = [
    "<<=", ">>=", "...", "..=", "::", "->", "=>", "==", "!=", "<=", ">=", "&&", "||", "+=", "-=",
    "*=", "/=", "%=", "^=", "&=", "|=", "<<", ">>", "..",
];

/// Measures `tokens` (rustc-lexer kinds and byte ranges into `text`, comments and whitespace
/// left out): `Err` names the first token at which a bound is exceeded.
pub fn check(text: &str, tokens: &[(TokenKind, Range<usize>)]) -> Result<(), TooDeep> {
    let mut frames = vec![Frame::new(Counts::default())];
    let mut i = 0;
    while i < tokens.len() {
        let (kind, range) = (tokens[i].0, &tokens[i].1);
        let word = &text[range.clone()];
        let Some(frame) = frames.last_mut() else {
            return Ok(());
        };
        if let Some(end) = frame.after_brace.take()
            && !end.continued_by(kind, word)
        {
            frame.reset();
        }
        let after_fat_arrow = std::mem::take(&mut frame.after_fat_arrow);
        let mut step = Counts::default();
        let mut consumed = 1;
        match kind {
            kind if is_open_delimiter(kind) => {
                let inner = frame.open(kind, after_fat_arrow, range)?;
                if frames.len() > MAX_GROUP_DEPTH {
                    return Err(TooDeep {
                        reason: format!(
                            "too deeply nested: more than {MAX_GROUP_DEPTH} levels of `()`, `[]` and `{{}}`"
                        ),
                        range: range.clone(),
                    });
                }
                frames.push(inner);
                i += 1;
                continue;
            }
            TokenKind::CloseParen | TokenKind::CloseBracket | TokenKind::CloseBrace => {
                let closed = frames.pop();
                if let Some(parent) = frames.last_mut() {
                    parent.prev = Prev::ClosedOperand;
                    if kind == TokenKind::CloseBrace {
                        parent.after_brace = Some(match closed {
                            Some(f) if f.arm_body => BraceEnd::ArmBody,
                            _ => BraceEnd::Plain,
                        });
                    }
                } else {
                    // Unbalanced: syn rejects the file at this token.
                    return Ok(());
                }
                i += 1;
                continue;
            }
            TokenKind::Semi => frame.reset(),
            TokenKind::Comma => {
                frame.run = frame.lists.last().map_or(Counts::default(), |l| l.1);
                frame.prev = Prev::Operator;
            }
            TokenKind::Ident | TokenKind::RawIdent => {
                if frame.prev == Prev::Dot {
                    frame.prev = Prev::MethodName;
                } else if word == "else" || word == "as" {
                    step = CHAIN;
                    frame.prev = Prev::Operator;
                    // `else if`: the `if` continues the chain.
                    if word == "else"
                        && tokens.get(i + 1).is_some_and(|(k, r)| {
                            *k == TokenKind::Ident && &text[r.clone()] == "if"
                        })
                    {
                        consumed = 2;
                    }
                } else if kind == TokenKind::Ident && NESTING_KEYWORDS.contains(&word) {
                    step = NESTING;
                    frame.prev = Prev::Operator;
                } else {
                    frame.prev = Prev::Operand;
                }
            }
            TokenKind::Literal { .. } => frame.prev = Prev::ClosedOperand,
            TokenKind::Lifetime { .. } | TokenKind::RawLifetime => frame.prev = Prev::Operator,
            // `|` ends closure parameters even where the lexer's next `|` would make `||`.
            TokenKind::Or
                if frame
                    .lists
                    .last()
                    .is_some_and(|l| l.0 == ListKind::ClosureParams) =>
            {
                frame.lists.pop();
                frame.prev = Prev::Operator;
            }
            _ if is_punct(kind) => {
                let (op, len) = operator(text, tokens, i);
                consumed = len;
                step = frame.operator(op, range)?;
            }
            _ => {}
        }
        frame.run = frame.run + step;
        exceeded(frame.base + frame.run, range)?;
        i += consumed;
    }
    Ok(())
}

const NESTING: Counts = Counts {
    nesting: 1,
    chain: 0,
};
const CHAIN: Counts = Counts {
    nesting: 0,
    chain: 1,
};

fn exceeded(total: Counts, at: &Range<usize>) -> Result<(), TooDeep> {
    if total.nesting > MAX_NESTING {
        return Err(TooDeep {
            reason: format!(
                "too deeply nested: more than {MAX_NESTING} levels of nested expressions, types or patterns"
            ),
            range: at.clone(),
        });
    }
    if total.chain > MAX_CHAIN {
        return Err(TooDeep {
            reason: format!(
                "too deeply nested: a chain of more than {MAX_CHAIN} operators, calls or fields"
            ),
            range: at.clone(),
        });
    }
    Ok(())
}

fn is_punct(kind: TokenKind) -> bool {
    use TokenKind::*;
    matches!(
        kind,
        Semi | Comma
            | Dot
            | At
            | Pound
            | Tilde
            | Question
            | Colon
            | Dollar
            | Eq
            | Bang
            | Lt
            | Gt
            | Minus
            | And
            | Or
            | Plus
            | Star
            | Slash
            | Caret
            | Percent
    )
}

/// The operator starting at token `i`: the longest compound operator spelled by adjacent
/// punctuation, else the single character; with the number of tokens it spans.
fn operator<'t>(text: &'t str, tokens: &[(TokenKind, Range<usize>)], i: usize) -> (&'t str, usize) {
    let start = tokens[i].1.start;
    let mut end = tokens[i].1.end;
    let mut len = 1;
    while len < 3
        && let Some((k, r)) = tokens.get(i + len)
        && is_punct(*k)
        && r.start == end
    {
        end = r.end;
        len += 1;
    }
    let joined = &text[start..end];
    for op in COMPOUND {
        if joined.starts_with(op) {
            let n = op.len();
            return (&text[start..start + n], n);
        }
    }
    (&text[start..tokens[i].1.end], 1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::lex::Lexemes;

    fn measure(text: &str) -> Result<(), TooDeep> {
        check(text, Lexemes::lenient(text).tokens())
    }

    /// `prefix` repeated `n` times inside a function, then `rest`.
    fn nested(prefix: &str, n: usize, rest: &str) -> String {
        format!("fn f() {{ let _ = {}{rest}; }}", prefix.repeat(n))
    }

    fn too_deep_at(text: &str) -> (String, &str) {
        let e = measure(text).expect_err("over the bound");
        (e.reason, &text[e.range])
    }

    #[test]
    fn every_nesting_shape_is_counted() {
        for (prefix, rest) in [
            ("a::<", "b"),
            ("break ", ""),
            ("a = ", "1"),
            ("|x| ", "x"),
            ("|| ", "x"),
            ("|x||", "x"),
            ("|x, y| ", "x"),
            ("return ", ""),
            ("!", "a"),
            ("*", "a"),
            ("&mut ", "a"),
            ("- ", "a"),
            (".. ", ""),
            ("if ", "a"),
            ("match ", "a"),
            ("x @ ", "a"),
            ("<A as ", "B"),
        ] {
            assert!(
                measure(&nested(prefix, MAX_NESTING / 2 - 8, rest)).is_ok(),
                "{prefix}"
            );
            let text = nested(prefix, MAX_NESTING + 1, rest);
            let (reason, _) = too_deep_at(&text);
            assert!(
                reason.starts_with("too deeply nested: more than 1024 levels"),
                "{prefix}: {reason}"
            );
        }
        let types = format!("fn f(_: {}u8) {{}}", "&".repeat(MAX_NESTING + 1));
        assert!(measure(&types).is_err());
        let fns = format!("type T = {}u8;", "fn() -> ".repeat(MAX_NESTING / 2 + 1));
        assert!(measure(&fns).is_err());
    }

    #[test]
    fn every_chain_shape_is_counted() {
        for link in [
            ".f()",
            ".f",
            "?",
            " + a",
            " || a",
            " as u8",
            "()",
            "[0]",
            " else if a {}",
        ] {
            let start = if link.starts_with(" else") {
                "if a {}"
            } else {
                "a"
            };
            let text = nested("", 0, &format!("{start}{}", link.repeat(MAX_CHAIN + 1)));
            let (reason, _) = too_deep_at(&text);
            assert!(
                reason.contains("a chain of more than 50000"),
                "{link}: {reason}"
            );
            let text = nested("", 0, &format!("{start}{}", link.repeat(MAX_CHAIN / 4)));
            assert!(measure(&text).is_ok(), "{link}");
        }
    }

    #[test]
    fn groups_are_bounded_on_their_own() {
        let text = format!("{}{}", "(".repeat(300), ")".repeat(300));
        let (reason, token) = too_deep_at(&text);
        assert_eq!(
            reason,
            "too deeply nested: more than 256 levels of `()`, `[]` and `{}`"
        );
        assert_eq!(token, "(");
    }

    #[test]
    fn the_range_is_the_token_past_the_bound() {
        let text = nested("!", MAX_NESTING + 10, "a");
        let e = measure(&text).expect_err("over");
        // `fn`, the body's `{`, `let` and `=` come first.
        assert_eq!(e.range.start, "fn f() { let _ = ".len() + MAX_NESTING - 4);
    }

    /// Commas end a nesting only outside generic arguments and closure parameters.
    #[test]
    fn commas_inside_generics_and_closure_parameters_do_not_reset() {
        for prefix in ["A<B, ", "|a, b| ", "|a: Vec<u8>, b| "] {
            let text = nested(prefix, MAX_NESTING + 1, "x");
            assert!(measure(&text).is_err(), "{prefix}");
        }
        let siblings = format!("fn f() {{ g({}); }}", "|x| x, ".repeat(10 * MAX_NESTING));
        assert!(measure(&siblings).is_ok());
    }

    /// Statements, items, match arms and list elements are siblings: real code stays far below
    /// the bounds however long it is.
    #[test]
    fn siblings_do_not_add_up() {
        let many = |unit: &str| unit.repeat(2 * MAX_NESTING);
        for text in [
            format!("fn f() {{ {} }}", many("if a < b { x(); } ")),
            format!("fn f() {{ {} }}", many("for x in y { } ")),
            format!(
                "fn f() {{ {} }}",
                many("let x: Vec<Option<u8>> = &mut *y; ")
            ),
            format!(
                "impl A {{ {} }}",
                many("#[inline] pub fn f<T: Into<u8>>(&self) -> u8 { 1 } ")
            ),
            format!("fn f() {{ match x {{ {} }} }}", many("(A, 1) => { g(); } ")),
            format!("fn f() {{ match x {{ {} }} }}", many("A | B if c => !d, ")),
            format!("const T: [u32; 4] = [{}];", many("1 << 3, ")),
            format!("fn f() {{ {} }}", many("a = b; ")),
            format!("fn f() {{ if a {{}} {} }}", many("else if b {} ")),
        ] {
            assert!(measure(&text).is_ok(), "{}", &text[..60]);
        }
    }

    #[test]
    fn unbalanced_and_unterminated_input_is_measured_without_panicking() {
        for text in [
            "fn f() { ) ) }",
            "}}}",
            "fn f() { \"open",
            "a = = = <<<< |",
            "",
        ] {
            let _ = measure(text);
        }
    }
}
