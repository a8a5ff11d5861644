//! The calls of wanted functions in one file of the package, for the parameter phase, and the
//! focused parse the package phase shares: cheap like the first phase, only the items that name a
//! wanted name (with what they reach by name) are parsed, outlined on rustc's tokens.

use std::collections::BTreeSet;

use ra_ap_rustc_lexer::TokenKind;

use crate::cx::Cx;
use crate::facts::CallFact;
use crate::lex::Lexemes;
use crate::nesting;
use crate::outline;
use crate::parse;
use crate::policy::Policy;
use crate::source::prelude_len;
use crate::value::call_facts;

use super::PackageFile;

/// The calls in `file` of the functions named in `names`, with what each passes.
pub(crate) fn collect(file: &PackageFile, names: &BTreeSet<String>) -> Vec<CallFact> {
    with_focused(file, names, |cx| call_facts(cx, names)).unwrap_or_default()
}

/// Runs `f` on the index of `file`'s items that name one of `names` (with what they reach by
/// name); `None` when no item names one, or they do not parse.
pub(crate) fn with_focused<R>(
    file: &PackageFile,
    names: &BTreeSet<String>,
    f: impl FnOnce(&Cx<'_>) -> R,
) -> Option<R> {
    let out = nesting::with_stack(|| {
        let offset = prelude_len(&file.text);
        let body = &file.text[offset..];
        let lexemes = Lexemes::of(body);
        let mut focused = None;
        if let Some(lexemes) = &lexemes {
            let anchors: Vec<usize> = lexemes
                .tokens()
                .iter()
                .filter(|(kind, range)| {
                    *kind == TokenKind::Ident && names.contains(&body[range.clone()])
                })
                .map(|(_, range)| range.start)
                .collect();
            if anchors.is_empty() {
                return None;
            }
            focused = outline::focus(body, lexemes, &anchors);
        }
        let parsed_text = focused.as_deref().unwrap_or(body);
        let parsed = parse::parse(parsed_text, lexemes.as_ref()).ok()?;
        let policy = Policy::default();
        let cx = Cx::new(
            &file.path,
            &file.text,
            offset,
            file.is_test_target,
            &parsed,
            &policy,
        )
        .with_lexemes(lexemes.as_ref())
        .with_parsed_text(parsed_text);
        Some(f(&cx))
    });
    proc_macro2::extra::invalidate_current_thread_spans();
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::facts::ArgValue;
    use crate::value::Const;

    /// Only the items naming the function are parsed, with what they reach by name: the
    /// constant an argument names is still resolved, and a file that never names the function
    /// yields nothing.
    #[test]
    fn calls_in_focused_items_with_their_constants() {
        let text = "const DEBUG: bool = true;\n\
                    fn unrelated() -> u32 { let x = 1; x + 1 }\n\
                    fn setup() { let _ = make_client(DEBUG); }\n\
                    struct S;\n\
                    impl S { fn run(&self) { self.make_client(false); } }\n";
        let file = PackageFile {
            path: "src/a.rs".into(),
            text: text.into(),
            is_test_target: false,
        };
        let names: BTreeSet<String> = ["make_client".to_string()].into();
        let calls = collect(&file, &names);
        let args: Vec<&ArgValue> = calls.iter().map(|c| &c.args[0].0).collect();
        assert_eq!(
            args,
            vec![
                &ArgValue::Const(Const::Bool(true)),
                &ArgValue::Const(Const::Bool(false))
            ]
        );
        assert_eq!(calls[1].caller_owner.as_deref(), Some("S"));
        let other: BTreeSet<String> = ["connect".to_string()].into();
        assert!(collect(&file, &other).is_empty());
    }
}
