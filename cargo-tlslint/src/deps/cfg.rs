//! `#[cfg]` predicates as the dependency audit reads them (the token text that
//! `tlslint_lints::guards` and the module walk record, e.g. `any (feature = "a" , unix)`): which
//! cargo features they test, and whether they hold for the features a build enables. Options
//! other than `feature` (target, `unix`, `debug_assertions`) are not evaluated: unknown.

/// A parsed predicate.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pred {
    /// `feature = "name"`.
    Feature(String),
    /// `test`.
    Test,
    /// Any other option (`unix`, `target_os = "linux"`): unknown to the audit.
    Other,
    /// `any(…)`.
    Any(Vec<Pred>),
    /// `all(…)`.
    All(Vec<Pred>),
    /// `not(…)`.
    Not(Box<Pred>),
}

impl Pred {
    /// Parses the token text of a predicate; `None` when it is not one.
    pub fn parse(text: &str) -> Option<Pred> {
        let tokens = tokenize(text)?;
        let mut pos = 0;
        let pred = parse_pred(&tokens, &mut pos)?;
        (pos == tokens.len()).then_some(pred)
    }

    /// Every feature the predicate tests, in order.
    pub fn features(&self) -> Vec<&str> {
        match self {
            Pred::Feature(f) => vec![f.as_str()],
            Pred::Any(ps) | Pred::All(ps) => ps.iter().flat_map(Pred::features).collect(),
            Pred::Not(p) => p.features(),
            Pred::Test | Pred::Other => Vec::new(),
        }
    }

    /// Whether the predicate holds when `enabled` tells the features; `None` when it depends on
    /// something else.
    pub fn eval(&self, enabled: &dyn Fn(&str) -> bool) -> Option<bool> {
        match self {
            Pred::Feature(f) => Some(enabled(f)),
            Pred::Test => Some(false),
            Pred::Other => None,
            Pred::Not(p) => p.eval(enabled).map(|b| !b),
            Pred::Any(ps) => {
                let vals: Vec<Option<bool>> = ps.iter().map(|p| p.eval(enabled)).collect();
                if vals.contains(&Some(true)) {
                    Some(true)
                } else if vals.iter().all(|v| *v == Some(false)) {
                    Some(false)
                } else {
                    None
                }
            }
            Pred::All(ps) => {
                let vals: Vec<Option<bool>> = ps.iter().map(|p| p.eval(enabled)).collect();
                if vals.contains(&Some(false)) {
                    Some(false)
                } else if vals.iter().all(|v| *v == Some(true)) {
                    Some(true)
                } else {
                    None
                }
            }
        }
    }

    /// Whether the predicate only holds in test builds (`test`, or `all(test, …)`).
    pub fn is_test_only(&self) -> bool {
        match self {
            Pred::Test => true,
            Pred::All(ps) => ps.iter().any(Pred::is_test_only),
            _ => false,
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
enum Token {
    Ident(String),
    Str(String),
    Punct(char),
}

fn tokenize(text: &str) -> Option<Vec<Token>> {
    let mut out = Vec::new();
    let mut chars = text.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        match c {
            c if c.is_whitespace() => {}
            '(' | ')' | ',' | '=' => out.push(Token::Punct(c)),
            '"' => {
                let start = i + 1;
                let end = loop {
                    match chars.next() {
                        Some((j, '"')) => break j,
                        Some(_) => {}
                        None => return None,
                    }
                };
                out.push(Token::Str(text[start..end].to_string()));
            }
            c if c.is_alphanumeric() || c == '_' => {
                let mut end = i + c.len_utf8();
                while let Some((j, d)) = chars.peek().copied() {
                    if d.is_alphanumeric() || d == '_' {
                        end = j + d.len_utf8();
                        chars.next();
                    } else {
                        break;
                    }
                }
                out.push(Token::Ident(text[i..end].to_string()));
            }
            _ => return None,
        }
    }
    Some(out)
}

fn parse_pred(tokens: &[Token], pos: &mut usize) -> Option<Pred> {
    let Token::Ident(name) = tokens.get(*pos)? else {
        return None;
    };
    *pos += 1;
    match tokens.get(*pos) {
        Some(Token::Punct('=')) => {
            let Token::Str(value) = tokens.get(*pos + 1)? else {
                return None;
            };
            *pos += 2;
            Some(if name == "feature" {
                Pred::Feature(value.clone())
            } else {
                Pred::Other
            })
        }
        Some(Token::Punct('(')) => {
            *pos += 1;
            let mut list = Vec::new();
            loop {
                if tokens.get(*pos) == Some(&Token::Punct(')')) {
                    *pos += 1;
                    break;
                }
                list.push(parse_pred(tokens, pos)?);
                match tokens.get(*pos)? {
                    Token::Punct(',') => *pos += 1,
                    Token::Punct(')') => {}
                    _ => return None,
                }
            }
            match name.as_str() {
                "any" => Some(Pred::Any(list)),
                "all" => Some(Pred::All(list)),
                "not" if list.len() == 1 => list.pop().map(|p| Pred::Not(Box::new(p))),
                _ => None,
            }
        }
        _ => Some(if name == "test" {
            Pred::Test
        } else {
            Pred::Other
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_evaluates_feature_predicates() {
        let on = |f: &str| f == "a";
        let p = Pred::parse("any (feature = \"a\" , feature = \"b\")").expect("parses");
        assert_eq!(p.features(), vec!["a", "b"]);
        assert_eq!(p.eval(&on), Some(true));
        assert_eq!(
            Pred::parse("all (feature = \"a\" , unix)").and_then(|p| p.eval(&on)),
            None
        );
        assert_eq!(
            Pred::parse("not (feature = \"a\")").and_then(|p| p.eval(&on)),
            Some(false)
        );
        assert_eq!(
            Pred::parse("feature = \"b\"").and_then(|p| p.eval(&on)),
            Some(false)
        );
        assert!(Pred::parse("all (test , feature = \"a\")").is_some_and(|p| p.is_test_only()));
        assert!(Pred::parse("not (test)").is_some_and(|p| !p.is_test_only()));
        assert_eq!(Pred::parse("any (feature = \"a\""), None);
    }
}
